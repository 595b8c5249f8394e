package dev.vigil.ecosystem.maven;

import static dev.vigil.ecosystem.lang.FoundLines.lines;
import static dev.vigil.ecosystem.lang.TestArchives.pom;
import static dev.vigil.ecosystem.lang.TestArchives.zip;
import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.lang.ArchiveLimits;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.ecosystem.lang.TestArchives;
import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.spi.FoundPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java archive scanner against the real archives of {@code lang/java} (pairs P11 and P12 of the
 * fixtures) and against archives built here: a manifest-only jar, a shaded jar, a zip bomb and a
 * 100-deep nested jar.
 */
class JavaArchiveScannerTest {
  private static final String WAR = "usr/local/tomcat/webapps/app.war";

  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  private List<String> scan(JavaArchiveScanner scanner, Map<String, Path> layout)
      throws IOException {
    List<FoundPackage> found = scanner.scan(MemoryTree.of(layout), warnings::add);
    return lines(found, OsvEcosystem.MAVEN);
  }

  private List<String> scan(Map<String, Path> layout) throws IOException {
    return scan(new JavaArchiveScanner(), layout);
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(tmp.resolve(name), content);
  }

  @Test
  void readsTheJarsInWebInfLibOfTheMavenWar() throws IOException {
    assertThat(scan(Map.of(WAR, fixture("lang/java/maven-web-app.war"))))
        .containsExactly(
            "com.example:web-app@1.0-SNAPSHOT " + WAR,
            "org.glassfish:javax.el@3.0.0 " + WAR + "!/WEB-INF/lib/javax.el-3.0.0.jar",
            "com.fasterxml.jackson.core:jackson-databind@2.9.10.6 "
                + WAR
                + "!/WEB-INF/lib/jackson-databind-2.9.10.6.jar",
            "com.fasterxml.jackson.core:jackson-annotations@2.9.10 "
                + WAR
                + "!/WEB-INF/lib/jackson-annotations-2.9.10.jar",
            "com.fasterxml.jackson.core:jackson-core@2.9.10 "
                + WAR
                + "!/WEB-INF/lib/jackson-core-2.9.10.jar",
            "org.slf4j:slf4j-api@1.7.30 " + WAR + "!/WEB-INF/lib/slf4j-api-1.7.30.jar",
            "com.cronutils:cron-utils@9.1.2 " + WAR + "!/WEB-INF/lib/cron-utils-9.1.2.jar",
            "org.apache.commons:commons-lang3@3.11 "
                + WAR
                + "!/WEB-INF/lib/commons-lang3-3.11.jar");
    assertThat(warnings).isEmpty();
  }

  @Test
  void readsTheGradleWarWhoseOwnManifestNamesNothing() throws IOException {
    assertThat(scan(Map.of("app/app.war", fixture("lang/java/gradle-web-app.war"))))
        .containsExactly(
            "commons-dbcp:commons-dbcp@1.4 app/app.war!/WEB-INF/lib/commons-dbcp-1.4.jar",
            "commons-pool:commons-pool@1.6 app/app.war!/WEB-INF/lib/commons-pool-1.6.jar",
            "log4j:log4j@1.2.17 app/app.war!/WEB-INF/lib/log4j-1.2.17.jar",
            "org.apache.commons:commons-compress@1.19 "
                + "app/app.war!/WEB-INF/lib/commons-compress-1.19.jar");
  }

  @Test
  void reportsEveryPomPropertiesOfAShadedJar() throws IOException {
    String jar = "opt/app/example-java-app-maven-0.1.0.jar";
    assertThat(scan(Map.of(jar, fixture("lang/java/example-java-app-maven-0.1.0.jar"))))
        .containsExactlyInAnyOrder(
            "org.anchore:example-java-app-maven@0.1.0 " + jar, "joda-time:joda-time@2.9.2 " + jar);
  }

  @Test
  void readsParArchivesAndTheJarsInThem() throws IOException {
    assertThat(scan(Map.of("srv/test.par", fixture("lang/java/test.par"))))
        .containsExactly(
            "com.example:par-app@3.0.0 srv/test.par",
            "com.fasterxml.jackson.core:jackson-core@2.9.10 "
                + "srv/test.par!/lib/jackson-core-2.9.10.jar");
  }

  @Test
  void fallsBackToTheManifest() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "META-INF/MANIFEST.MF",
        ("Manifest-Version: 1.0\r\nBundle-SymbolicName: org.example.bundle;singleton:=true\r\n"
                + "Bundle-Version: 4.2.0\r\n")
            .getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> titled = new LinkedHashMap<>();
    titled.put(
        "META-INF/MANIFEST.MF",
        "Manifest-Version: 1.0\nImplementation-Title: titled\nImplementation-Version: 1.1\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(
            scan(
                Map.of(
                    "a/bundle.jar", write("bundle.jar", zip(entries)),
                    "a/titled.jar", write("titled.jar", zip(titled)))))
        .containsExactly("org.example.bundle@4.2.0 a/bundle.jar", "titled@1.1 a/titled.jar");
  }

  @Test
  void readsSpringBootStyleStoredNestedJars() throws IOException {
    byte[] nested = zip(pom("org.yaml", "snakeyaml", "1.33"));
    Path fat = tmp.resolve("fat.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(fat))) {
      ZipEntry entry = new ZipEntry("BOOT-INF/lib/snakeyaml-1.33.jar");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(nested.length);
      entry.setCompressedSize(nested.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(nested);
      entry.setCrc(crc.getValue());
      out.putNextEntry(entry);
      out.write(nested);
      out.closeEntry();
    }
    assertThat(scan(Map.of("app.jar", fat)))
        .containsExactly("org.yaml:snakeyaml@1.33 app.jar!/BOOT-INF/lib/snakeyaml-1.33.jar");
  }

  @Test
  void refusesAZipBombAndADeepNestButScansTheRest() throws IOException {
    Path bomb = write("bomb.war", TestArchives.zipBomb(80L << 20));
    Path deep = write("deep.jar", TestArchives.nestedJar(100));
    Path good = write("good.jar", zip(pom("org.example", "good", "1.0")));
    JavaArchiveScanner scanner = new JavaArchiveScanner(new ArchiveLimits(16, 500_000, 16L << 20));

    assertThat(Files.size(bomb)).isLessThan(200_000);
    assertThat(scan(scanner, Map.of("a/bomb.war", bomb, "b/deep.jar", deep, "c/good.jar", good)))
        .containsExactly("org.example:good@1.0 c/good.jar");
    assertThat(warnings)
        .containsExactly(
            "maven: a/bomb.war: refused: more than 16777216 bytes decompressed from the archive"
                + " and its nested archives (a zip bomb?)",
            "maven: b/deep.jar: refused: archives nested more than 16 levels deep");
  }

  @Test
  void refusesAnArchiveWithTooManyEntries() throws IOException {
    Map<String, byte[]> entries = pom("org.example", "many", "1.0");
    for (int i = 0; i < 10; i++) {
      entries.put("data/" + i, new byte[0]);
    }
    Path many = write("many.jar", zip(entries));
    JavaArchiveScanner scanner = new JavaArchiveScanner(new ArchiveLimits(16, 10, 1L << 20));
    assertThat(scan(scanner, Map.of("many.jar", many))).isEmpty();
    assertThat(warnings)
        .containsExactly("maven: many.jar: refused: more than 10 entries in the nested archives");
  }

  @Test
  void theDefaultLimitsRefuseTheDeepNest() throws IOException {
    Path deep = write("deep.jar", TestArchives.nestedJar(100));
    assertThat(scan(Map.of("deep.jar", deep))).isEmpty();
    assertThat(warnings)
        .containsExactly("maven: deep.jar: refused: archives nested more than 16 levels deep");
  }

  @Test
  void aNestOfSixteenLevelsIsRead() throws IOException {
    Path deep = write("deep.jar", TestArchives.nestedJar(16));
    assertThat(scan(Map.of("deep.jar", deep))).hasSize(17);
    assertThat(warnings).isEmpty();
  }

  @Test
  void aCorruptArchiveIsAWarning() throws IOException {
    byte[] war = Files.readAllBytes(fixture("lang/java/maven-web-app.war"));
    Path truncated = write("truncated.war", java.util.Arrays.copyOf(war, war.length / 3));
    Path good = write("good.jar", zip(pom("org.example", "good", "1.0")));
    assertThat(scan(Map.of("truncated.war", truncated, "good.jar", good)))
        .containsExactly("org.example:good@1.0 good.jar");
    assertThat(warnings).singleElement().asString().startsWith("maven: truncated.war: ");
  }
}
