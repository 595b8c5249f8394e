package dev.vigil.cli.klar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * klar's three outputs for {@link SampleFindings}. The expected text is written from klar's
 * format.go and main.go ({@code "%s: %d\n"} per severity, the {@code "%s: [%s] \nFound in: %s
 * [%s]\nFixed By: %s\n%s\n%s\n"} block and its rule, Go's JSON encoding of {@code jsonOutput}) and
 * from its table library's rules (v0.0.3: 30-column wrapping, minimum raggedness, upper-cased
 * headers, a rule under each row, colour codes not counted in widths).
 */
class KlarFormatsTest {
  private final KlarFindings findings = new KlarFindings(SampleFindings.ALL);

  @Test
  void standardPrintsCountsThenABlockPerFindingLowestFirst() {
    assertThat(StandardFormat.render(findings, "Unknown"))
        .isEqualTo(
            """
            Low: 1
            Medium: 1
            High: 1

            CVE-2020-28928: [Low]\s
            Found in: musl [1.1.22-r3]
            Fixed By: 1.1.22-r4
            musl libc through 1.2.1 has wcsnrtombs mishandling.
            https://nvd.nist.gov/vuln/detail/CVE-2020-28928
            -----------------------------------------
            CVE-2021-36159: [Medium]\s
            Found in: apk-tools [2.10.4-r3]
            Fixed By:\s


            -----------------------------------------
            CVE-2020-1967: [High]\s
            Found in: openssl [1.1.1d-r2]
            Fixed By: 1.1.1g-r0
            Server or client applications that call the SSL_check_chain() function may crash.
            https://nvd.nist.gov/vuln/detail/CVE-2020-1967
            -----------------------------------------
            """);
  }

  @Test
  void standardShowsOnlyTheOutputLevelAndAboveButCountsEverySeverity() {
    assertThat(StandardFormat.render(findings, "High"))
        .isEqualTo(
            """
            Low: 1
            Medium: 1
            High: 1

            CVE-2020-1967: [High]\s
            Found in: openssl [1.1.1d-r2]
            Fixed By: 1.1.1g-r0
            Server or client applications that call the SSL_check_chain() function may crash.
            https://nvd.nist.gov/vuln/detail/CVE-2020-1967
            -----------------------------------------
            """);
  }

  @Test
  void tableWrapsLongCellsAndColoursSeverities() {
    String rule =
        "+----------+----------------+-------------+----------------+-----------+"
            + "--------------------------------+-------------------------------------------------+\n";
    String blank = "|          |                |             |                |           | ";
    String noLink = " |                                                 |\n";
    String expected =
        "Low: 1\nMedium: 1\nHigh: 1\n\n"
            + rule
            + "| SEVERITY | NAME           | FEATURENAME | FEATUREVERSION | FIXEDBY   |"
            + " DESCRIPTION                    | LINK                                            |\n"
            + rule
            + "| \033[0;94mLow\033[0m      | CVE-2020-28928 | musl        | 1.1.22-r3      |"
            + " 1.1.22-r4 | musl libc through 1.2.1 has    |"
            + " https://nvd.nist.gov/vuln/detail/CVE-2020-28928 |\n"
            + blank
            + "wcsnrtombs mishandling.       "
            + noLink
            + rule
            + "| \033[0;33mMedium\033[0m   | CVE-2021-36159 | apk-tools   | 2.10.4-r3      |"
            + "           |                                |"
            + "                                                 |\n"
            + rule
            + "| \033[0;31mHigh\033[0m     | CVE-2020-1967  | openssl     | 1.1.1d-r2      |"
            + " 1.1.1g-r0 | Server or client               |"
            + " https://nvd.nist.gov/vuln/detail/CVE-2020-1967  |\n"
            + blank
            + "applications that call the    "
            + noLink
            + blank
            + "SSL_check_chain() function may"
            + noLink
            + blank
            + "crash.                        "
            + noLink
            + rule;
    assertThat(TableFormat.render(findings, "Unknown")).isEqualTo(expected);
  }

  @Test
  void tableIsLeftOutWhenNothingIsShown() {
    assertThat(TableFormat.render(findings, "Critical"))
        .isEqualTo("Low: 1\nMedium: 1\nHigh: 1\n\n");
  }

  @Test
  void jsonHasTheLayerCountAndTheShownSeveritiesSortedWithEmptyFieldsLeftOut() {
    assertThat(JsonFormat.render(1, findings, "Low"))
        .isEqualTo(
            "{\"LayerCount\":1,\"Vulnerabilities\":{"
                + "\"High\":[{\"Name\":\"CVE-2020-1967\",\"NamespaceName\":\"alpine:v3.10\","
                + "\"Description\":\"Server or client applications that call the"
                + " SSL_check_chain() function may crash.\","
                + "\"Link\":\"https://nvd.nist.gov/vuln/detail/CVE-2020-1967\",\"Severity\":\"High\","
                + "\"FixedBy\":\"1.1.1g-r0\",\"FeatureName\":\"openssl\","
                + "\"FeatureVersion\":\"1.1.1d-r2\"}],"
                + "\"Low\":[{\"Name\":\"CVE-2020-28928\",\"NamespaceName\":\"alpine:v3.10\","
                + "\"Description\":\"musl libc through 1.2.1 has wcsnrtombs mishandling.\","
                + "\"Link\":\"https://nvd.nist.gov/vuln/detail/CVE-2020-28928\","
                + "\"Severity\":\"Low\",\"FixedBy\":\"1.1.22-r4\",\"FeatureName\":\"musl\","
                + "\"FeatureVersion\":\"1.1.22-r3\"}],"
                + "\"Medium\":[{\"Name\":\"CVE-2021-36159\",\"NamespaceName\":\"alpine:v3.10\","
                + "\"Severity\":\"Medium\",\"FeatureName\":\"apk-tools\","
                + "\"FeatureVersion\":\"2.10.4-r3\"}]}}\n");
  }

  @Test
  void jsonEscapesHtmlCharactersAsGoDoes() {
    KlarFindings html =
        new KlarFindings(
            java.util.List.of(
                new KlarVulnerability("X", "", "a <b> & c", "", "Unknown", "", "p", "1")));
    assertThat(JsonFormat.render(0, html, "Unknown"))
        .contains("\"Description\":\"a \\u003cb\\u003e \\u0026 c\"");
  }

  @Test
  void countsFromTheOutputLevelAndOnlyFixedOnesWhenIgnoringUnfixed() {
    assertThat(findings.counted("Unknown", false)).isEqualTo(3);
    assertThat(findings.counted("Medium", false)).isEqualTo(2);
    assertThat(findings.counted("Medium", true)).isEqualTo(1);
    assertThat(findings.counted("Unknown", true)).isEqualTo(2);
  }
}
