package dev.vigil.ecosystem.osrelease;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OsReleaseParserTest {

  @Test
  void readsQuotedAndBareValues() {
    Map<String, String> fields =
        OsReleaseParser.parse(
            "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID='3.11.6'\nPRETTY_NAME=\"Alpine Linux v3.11\"\n");

    assertThat(fields)
        .containsExactly(
            Map.entry("NAME", "Alpine Linux"),
            Map.entry("ID", "alpine"),
            Map.entry("VERSION_ID", "3.11.6"),
            Map.entry("PRETTY_NAME", "Alpine Linux v3.11"));
  }

  @Test
  void unescapesLikeTheShell() {
    Map<String, String> fields =
        OsReleaseParser.parse(
            String.join(
                "\n",
                "A=\"say \\\"hi\\\" for \\$5 \\`now\\` \\\\ done\"",
                "B='single \\ quoted $x'",
                "C=bare\\ word",
                "D=\"keep \\n as is\"",
                "E=\"\""));

    assertThat(fields)
        .containsEntry("A", "say \"hi\" for $5 `now` \\ done")
        .containsEntry("B", "single \\ quoted $x")
        .containsEntry("C", "bare word")
        .containsEntry("D", "keep \\n as is")
        .containsEntry("E", "");
  }

  @Test
  void skipsCommentsBlankAndInvalidLines() {
    Map<String, String> fields =
        OsReleaseParser.parse(
            String.join(
                "\r\n",
                "# VERSION=\"20220412\"",
                "",
                "   ID=debian   ",
                "not an assignment",
                "1BAD=key",
                "=empty key",
                "OPEN=\"never closed",
                "TRAILING=\"value\"   ",
                "ID=later-wins"));

    assertThat(fields)
        .containsOnlyKeys("ID", "TRAILING")
        .containsEntry("ID", "later-wins")
        .containsEntry("TRAILING", "value");
  }

  @Test
  void readsEveryFixtureWithAnId() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fixture("os-release"))) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().equals("os-release"))
              .toList();
    }

    assertThat(files).hasSizeGreaterThan(40);
    for (Path file : files) {
      Map<String, String> fields =
          OsReleaseParser.parse(Files.readString(file, StandardCharsets.UTF_8));
      assertThat(fields).as(file.toString()).containsKey("ID").containsKey("NAME");
      assertThat(fields.values()).as(file.toString()).noneMatch(v -> v.contains("\""));
    }
  }
}
