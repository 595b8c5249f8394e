package dev.vigil.ecosystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ecosystem.oval.OvalUpdater;
import dev.vigil.feed.FeedClient;
import dev.vigil.spi.ScanException;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import dev.vigil.testing.Compress;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every updater that reads XML (each one {@link Defaults} lists whose updater is an {@link
 * OvalUpdater}) is fed a billion-laughs document and one whose external entity names a local file,
 * through its real entry point (a {@code file:} mirror, fetch, parse): each refuses the DOCTYPE, no
 * entity is expanded and the file's content never shows.
 */
class XmlFeedEntitiesTest {
  /**
   * A file name each XML updater reads, by updater name; an XML updater missing here fails {@link
   * #everyXmlUpdaterIsCovered}.
   */
  private static final Map<String, String> FILES =
      Map.of(
          "debian-oval", "oval-definitions-bookworm.xml.bz2",
          "ubuntu", "com.ubuntu.jammy.usn.oval.xml.bz2",
          "mariner", "cbl-mariner-2.0-oval.xml",
          "oracle", "com.oracle.elsa-all.xml.bz2",
          "suse", "suse.linux.enterprise.15.xml.bz2",
          "rocky", "org.rockylinux.rlsa-9.xml.bz2",
          "alma", "org.almalinux.alsa-9.xml.bz2",
          "photon", "com.vmware.phsa-photon5.xml.bz2");

  private static final String SECRET = "the-content-of-a-local-file-7d1e";

  @TempDir Path tmp;

  static List<UpdaterFactory> xmlUpdaters() {
    FeedClient client = new FeedClient(Duration.ofSeconds(5));
    return Defaults.updaterFactories().stream()
        .filter(f -> f.create(URI.create("file:///nowhere/"), client) instanceof OvalUpdater)
        .toList();
  }

  static Stream<Arguments> hostileDocuments() {
    List<Arguments> cases = new ArrayList<>();
    for (UpdaterFactory factory : xmlUpdaters()) {
      cases.add(Arguments.of(factory.name(), "billion laughs", billionLaughs()));
      cases.add(Arguments.of(factory.name(), "external entity", null));
    }
    return cases.stream();
  }

  @Test
  void everyXmlUpdaterIsCovered() {
    assertThat(xmlUpdaters()).isNotEmpty();
    assertThat(FILES.keySet())
        .containsAll(xmlUpdaters().stream().map(UpdaterFactory::name).toList());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("hostileDocuments")
  void refusesTheDoctype(String updater, String kind, String document) throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
    String xml = document != null ? document : externalEntity(secret);
    String file = FILES.get(updater);
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    Files.write(mirror.resolve(file), file.endsWith(".bz2") ? Compress.bzip2(bytes) : bytes);
    UpdaterFactory factory =
        xmlUpdaters().stream().filter(f -> f.name().equals(updater)).findFirst().orElseThrow();
    Updater subject = factory.create(mirror.toUri(), new FeedClient(Duration.ofSeconds(5)));
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    subject.fetch(scratch, "");

    assertThatThrownBy(() -> subject.parse(scratch))
        .isInstanceOf(ScanException.class)
        .hasMessageEndingWith(file + ": DOCTYPE declarations are not allowed")
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining("lollollol");
  }

  private static String billionLaughs() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    xml.append(" <!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      xml.append(" <!ENTITY lol").append(i).append(" \"");
      xml.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    return xml.append("]>\n<oval_definitions><generator>&lol9;</generator></oval_definitions>")
        .toString();
  }

  private static String externalEntity(Path secret) {
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE oval_definitions [<!ENTITY xxe SYSTEM \""
        + secret.toUri()
        + "\">]>\n<oval_definitions><generator><product_name>&xxe;</product_name></generator>"
        + "</oval_definitions>";
  }
}
