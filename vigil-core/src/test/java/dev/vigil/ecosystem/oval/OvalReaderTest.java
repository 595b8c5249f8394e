package dev.vigil.ecosystem.oval;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.spi.ScanException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvalReaderTest {
  private static final String KINETIC = "feeds/ubuntu-oval/com.ubuntu.kinetic.usn.oval.xml";
  private static final String BUSTER = "feeds/debian-oval/oval-definitions-buster.xml.bz2";

  private static OvalDocument read(String fixture) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(fixture(fixture)))) {
      return OvalReader.read(
          fixture.endsWith(".bz2") ? new BZip2CompressorInputStream(in) : in, fixture);
    }
  }

  private static OvalDocument.Definition titled(OvalDocument doc, String prefix) {
    return doc.definitions().stream()
        .filter(d -> d.title().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsUbuntuUsnDefinitionsWithTheirVariables() throws IOException {
    OvalDocument doc = read(KINETIC);

    assertThat(doc.definitions()).hasSize(266);
    OvalDocument.Definition mako = titled(doc, "USN-5625-2 ");
    assertThat(mako.definitionClass()).isEqualTo("patch");
    assertThat(mako.platforms()).containsExactly("Ubuntu 22.10");
    assertThat(mako.severity()).isEqualTo("Medium");
    assertThat(mako.issued()).isEqualTo("2022-11-15");
    assertThat(mako.references())
        .extracting(OvalDocument.Reference::source, OvalDocument.Reference::refId)
        .containsExactly(tuple("USN", "USN-5625-2"), tuple("CVE", "CVE-2022-40023"));
    assertThat(mako.cves())
        .singleElement()
        .satisfies(
            cve -> {
              assertThat(cve.id()).isEqualTo("CVE-2022-40023");
              assertThat(cve.attributes()).containsEntry("severity", "medium");
            });
    assertThat(mako.description()).startsWith("USN-5625-1 fixed a vulnerability in Mako.");

    PackageChecks.Resolution resolved = PackageChecks.of(doc, mako);
    assertThat(resolved.unresolved()).isZero();
    assertThat(resolved.checks())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.testKind()).isEqualTo("dpkginfo_test");
              assertThat(check.names()).containsExactly("python3-mako", "python-mako-doc");
              assertThat(check.field("evr"))
                  .isEqualTo(
                      new OvalDocument.Field(
                          "less than", "debian_evr_string", "0:1.1.3+ds1-3ubuntu2.1"));
            });
  }

  @Test
  void leavesKernelChecksOutOfPackageChecks() throws IOException {
    OvalDocument doc = read(KINETIC);
    OvalDocument.Definition kernel =
        doc.definitions().stream()
            .filter(
                d -> d.criteria().stream().anyMatch(c -> kindOf(doc, c).equals("variable_test")))
            .findFirst()
            .orElseThrow();

    assertThat(PackageChecks.of(doc, kernel).checks()).isEmpty();
    assertThat(PackageChecks.of(doc, kernel).unresolved()).isZero();
  }

  @Test
  void streamsTheDebianBusterFeed() throws IOException {
    OvalDocument doc = read(BUSTER);

    assertThat(doc.definitions()).hasSize(26617);
    OvalDocument.Definition glibc = titled(doc, "CVE-1999-0199 glibc");
    assertThat(glibc.definitionClass()).isEqualTo("vulnerability");
    assertThat(glibc.platforms()).containsExactly("Debian GNU/Linux 10");
    assertThat(glibc.criteria())
        .extracting(OvalDocument.Criterion::comment)
        .containsExactly(
            "Debian 10 is installed", "all architecture", "glibc DPKG is earlier than 2.2-1");
    assertThat(PackageChecks.of(doc, glibc).checks())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.names()).containsExactly("glibc");
              assertThat(check.field("evr").operation()).isEqualTo("less than");
              assertThat(check.field("evr").value()).isEqualTo("0:2.2-1");
            });
    assertThat(doc.tests().get("oval:org.debian.oval:tst:1").kind())
        .isEqualTo("textfilecontent54_test");
  }

  @Test
  void refusesExternalEntities(@TempDir Path tmp) throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret"), "s3cr3t");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE oval_definitions [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n<oval_definitions><definitions><definition id=\"d\" class=\"patch\">"
            + "<metadata><title>&xxe;</title></metadata></definition></definitions>"
            + "</oval_definitions>";

    assertThatThrownBy(() -> OvalReader.read(stream(xxe), "xxe.xml"))
        .isInstanceOf(ScanException.class)
        .hasMessage("oval: xxe.xml: DOCTYPE declarations are not allowed")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
  }

  @Test
  void refusesEntityExpansion() {
    StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    laughs.append(" <!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      String previous = "&lol" + (i - 1) + ";";
      laughs.append(" <!ENTITY lol").append(i).append(" \"").append(previous.repeat(10));
      laughs.append("\">\n");
    }
    laughs.append("]>\n<oval_definitions><generator>&lol9;</generator></oval_definitions>");

    assertThatThrownBy(() -> OvalReader.read(stream(laughs.toString()), "lolz.xml"))
        .isInstanceOf(ScanException.class)
        .hasMessage("oval: lolz.xml: DOCTYPE declarations are not allowed");
  }

  @Test
  void refusesAnExternalDtd() {
    String dtd =
        "<?xml version=\"1.0\"?><!DOCTYPE oval_definitions SYSTEM \"http://127.0.0.1:9/o.dtd\">"
            + "<oval_definitions/>";

    assertThatThrownBy(() -> OvalReader.read(stream(dtd), "dtd.xml"))
        .hasMessage("oval: dtd.xml: DOCTYPE declarations are not allowed");
  }

  @Test
  void failsOnTruncatedOrForeignDocuments() throws IOException {
    byte[] whole = Files.readAllBytes(fixture(KINETIC));
    byte[] half = Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> OvalReader.read(new ByteArrayInputStream(half), "half.xml"))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("oval: half.xml: not well-formed XML: ");
    assertThatThrownBy(() -> OvalReader.read(stream("{\"not\": \"xml\"}"), "json.xml"))
        .hasMessageStartingWith("oval: json.xml: not well-formed XML: ");
    assertThatThrownBy(() -> OvalReader.read(stream("<html><body/></html>"), "page.xml"))
        .hasMessage("oval: page.xml: the root element is <html>, not <oval_definitions>");
    assertThatThrownBy(() -> OvalReader.read(stream(""), "empty.xml"))
        .hasMessageStartingWith("oval: empty.xml: ");
  }

  @Test
  void countsReferencesThatLeadNowhere() throws IOException {
    OvalDocument doc = read(KINETIC);
    OvalDocument.Definition mako = titled(doc, "USN-5625-2 ");
    OvalDocument broken =
        new OvalDocument(
            List.of(mako), doc.tests(), java.util.Map.of(), doc.states(), doc.variables());

    assertThat(PackageChecks.of(broken, mako).checks()).isEmpty();
    assertThat(PackageChecks.of(broken, mako).unresolved()).isEqualTo(1);
  }

  private static String kindOf(OvalDocument doc, OvalDocument.Criterion criterion) {
    OvalDocument.Test test = doc.tests().get(criterion.testRef());
    return test == null ? "" : test.kind();
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
