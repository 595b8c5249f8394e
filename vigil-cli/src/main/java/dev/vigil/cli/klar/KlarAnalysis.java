package dev.vigil.cli.klar;

import dev.vigil.cli.remote.ClairHttp;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs the analysis as klar does: the v1 API first, then, when the server has none, Clair v4's API;
 * reports each failed attempt and the API that answered.
 */
final class KlarAnalysis {
  private KlarAnalysis() {}

  /**
   * The findings of {@code image}.
   *
   * @param out where {@code Got results from Clair API vN} goes, unless {@code quiet}
   * @param err where failed attempts are reported
   * @throws IOException when no API gave results (already reported on {@code err})
   */
  static List<KlarVulnerability> run(
      KlarImage image,
      String reference,
      ClairHttp http,
      boolean quiet,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    if (image.layers().isEmpty()) {
      err.println("no need to analyse image " + reference + " as there is no non-emtpy layer");
      return got(1, List.of(), quiet, out);
    }
    try {
      return got(1, new ClairV1Client(http).analyse(image), quiet, out);
    } catch (ClairApiMissingException missing) {
      err.println("Failed to analyze using API v1: " + missing.getMessage());
    } catch (IOException e) {
      err.println("Failed to analyze using API v1: " + ClairV1Client.reason(e));
      throw e;
    }
    try {
      return got(4, new ClairV4Client(http).analyse(image), quiet, out);
    } catch (IOException e) {
      err.println("Failed to analyze using API v4: " + ClairV1Client.reason(e));
      throw e;
    }
  }

  private static List<KlarVulnerability> got(
      int version, List<KlarVulnerability> found, boolean quiet, PrintWriter out) {
    if (!quiet) {
      out.println("Got results from Clair API v" + version);
    }
    return found;
  }
}
