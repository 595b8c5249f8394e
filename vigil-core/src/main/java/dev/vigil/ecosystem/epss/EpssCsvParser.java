package dev.vigil.ecosystem.epss;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.layer.Compression;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Json;
import dev.vigil.spi.ScanException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads FIRST's EPSS scores CSV (gzip-compressed or plain, told apart by magic bytes) one line at a
 * time: a comment line {@code #model_version:v2023.03.01,score_date:2024-10-25T00:00:00+0000}, the
 * header {@code cve,epss,percentile}, then one row per CVE. Each row becomes a record shaped as
 * claircore's EPSS enricher writes them: {@code modelVersion}, {@code date}, {@code cve}, {@code
 * epss}, {@code percentile}. Any malformed line fails the whole file.
 */
final class EpssCsvParser {
  private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final String HEADER = "cve,epss,percentile";

  private EpssCsvParser() {}

  /**
   * Streams every row of the file to {@code sink}.
   *
   * @return how many rows were read
   * @throws ScanException when the metadata line, the header or a row is malformed
   */
  static int parse(InputStream raw, String what, Consumer<EnrichmentRecord> sink)
      throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(Compression.decompress(raw), StandardCharsets.UTF_8))) {
      String first = in.readLine();
      String modelVersion = metadata(first, "model_version", what);
      String scoreDate = metadata(first, "score_date", what);
      String header = in.readLine();
      if (header == null || !header.strip().equals(HEADER)) {
        throw new ScanException("epss: " + what + ": line 2 is not the header " + HEADER);
      }
      int count = 0;
      int lineNumber = 2;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        sink.accept(row(line.strip(), modelVersion, scoreDate, what, lineNumber));
        count++;
      }
      return count;
    }
  }

  private static String metadata(String line, String key, String what) throws ScanException {
    if (line != null && line.startsWith("#")) {
      for (String field : line.substring(1).split(",")) {
        String[] kv = field.split(":", 2);
        if (kv.length == 2 && kv[0].strip().equals(key) && !kv[1].isBlank()) {
          return kv[1].strip();
        }
      }
    }
    throw new ScanException(
        "epss: " + what + ": line 1 is not a '#model_version:…,score_date:…' comment");
  }

  private static EnrichmentRecord row(
      String line, String modelVersion, String scoreDate, String what, int lineNumber)
      throws ScanException {
    String[] cells = line.split(",", -1);
    if (cells.length != 3 || !CVE_ID.matcher(cells[0]).matches()) {
      throw new ScanException("epss: " + what + ": line " + lineNumber + " is malformed: " + line);
    }
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("modelVersion", modelVersion);
    data.put("date", scoreDate);
    data.put("cve", cells[0]);
    data.put("epss", probability(cells[1], what, lineNumber));
    data.put("percentile", probability(cells[2], what, lineNumber));
    return new EnrichmentRecord(cells[0], data);
  }

  private static BigDecimal probability(String cell, String what, int lineNumber)
      throws ScanException {
    try {
      BigDecimal value = new BigDecimal(cell.strip());
      if (value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ScanException(
        "epss: " + what + ": line " + lineNumber + ": '" + cell + "' is not a probability");
  }
}
