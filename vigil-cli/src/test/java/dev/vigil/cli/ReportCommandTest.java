package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.datastore.Datastore;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.store.Datastores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil report}: the alpine:3.10 scan (pair P1, 20 findings) as one self-contained HTML
 * page, rendered by headless Chromium; and a hostile feed whose text must render as text.
 */
class ReportCommandTest {
  private static final String HOSTILE = "<script>document.title='pwned'</script>";

  @TempDir static Path tmp;
  private static Path report;

  @BeforeAll
  static void writeReport() {
    String db = AlpineFeed.load(tmp);
    report = tmp.resolve("report.html");
    CliRun run = CliRun.of("report", "--db", db, AlpineFeed.image(), "-o", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void theReportHoldsEveryFindingGroupedByLayerAndPackage() throws Exception {
    String html = Files.readString(report, StandardCharsets.UTF_8);

    assertThat(count(html, "<tr class=\"finding\"")).isEqualTo(20);
    assertThat(count(html, "<section class=\"layer\">")).isEqualTo(1);
    assertThat(html).contains("Layer sha256:531743b7098c");
    assertThat(count(html, "<h3 class=\"package\">")).isEqualTo(7);
    assertThat(html).contains("data-severity=\"UNKNOWN\" data-count=\"20\"");
    assertThat(html).contains("<div class=\"card\" id=\"fixable\"><b>20</b>");
    assertThat(html).contains("base image: operating-system packages");
    assertThat(html).contains("Alpine Linux v3.10");
  }

  @Test
  void theReportLoadsNothingFromOutside() throws Exception {
    String html = Files.readString(report, StandardCharsets.UTF_8);

    assertThat(html).doesNotContainPattern("(?i)\\ssrc\\s*=");
    assertThat(html).doesNotContainPattern("(?i)<(link|script|img|iframe|object)\\b");
    Matcher hrefs = Pattern.compile("(?i)<(\\w+)[^>]*\\shref=\"([^\"]*)\"").matcher(html);
    while (hrefs.find()) {
      assertThat(hrefs.group(1)).as(hrefs.group()).isEqualToIgnoringCase("a");
    }
    assertThat(html).contains("default-src 'none'");
  }

  @Test
  void chromiumRendersTheReport() throws Exception {
    Path png = tmp.resolve("report.png");
    Chromium.screenshot(report, png);

    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    String dom = Chromium.dumpDom(report, tmp);
    assertThat(count(dom, "<tr class=\"finding\"")).isEqualTo(20);
    assertThat(count(dom, "<g class=\"bar\"")).isEqualTo(6);
  }

  @Test
  void textFromTheFeedRendersAsText(@TempDir Path dir) throws Exception {
    String db = dir.resolve("hostile.db").toString();
    try (Datastore store = Datastores.open(db)) {
      store.updateVulnerabilities("alpine", "hostile", List.of(hostile()));
    }
    Path page = dir.resolve("hostile.html");
    CliRun run = CliRun.of("scan", "--db", db, AlpineFeed.image(), "-f", "html=" + page);
    assertThat(run.exitCode()).as(run.err()).isZero();

    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("<script").doesNotContain("javascript:");
    assertThat(html).contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;");
    assertThat(html).contains("<a href=\"https://security.alpinelinux.org/vuln/CVE-2020-28928\"");
    String dom = Chromium.dumpDom(page, dir);
    assertThat(dom).contains("<title>Vigil report: ").doesNotContain("<title>pwned");
    assertThat(dom).contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
  }

  private static Vulnerability hostile() {
    Distribution v310 =
        new Distribution(
            "", "alpine", "Alpine Linux", "", "", "3.10", "", "", "Alpine Linux v3.10");
    return new Vulnerability(
        "",
        "alpine",
        "CVE-2020-28928" + HOSTILE,
        HOSTILE,
        null,
        "javascript:alert(1) https://security.alpinelinux.org/vuln/CVE-2020-28928",
        "High",
        Severity.High,
        Package.source("musl", ""),
        v310,
        null,
        "1.1.22-r4",
        "");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
