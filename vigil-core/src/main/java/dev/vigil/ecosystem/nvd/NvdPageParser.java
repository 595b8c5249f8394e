package dev.vigil.ecosystem.nvd;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Json;
import dev.vigil.spi.ScanException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads one page of the NVD CVE API 2.0 ({@code totalResults}, {@code vulnerabilities[].cve}) as a
 * stream, one CVE at a time. For each CVE that is not rejected it writes one record per CVSS
 * version the NVD holds: v4.0, v3.x and v2, each the metric's {@code cvssData} object (for v2 with
 * the metric's {@code baseSeverity} added), from the primary source (NVD) when there is one, else
 * from the first secondary source (the CNA); for v3.x, v3.1 before v3.0 from the same kind of
 * source.
 */
final class NvdPageParser {
  private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final List<List<String>> VERSIONS =
      List.of(
          List.of("cvssMetricV40"),
          List.of("cvssMetricV31", "cvssMetricV30"),
          List.of("cvssMetricV2"));

  private NvdPageParser() {}

  /**
   * The paging fields of a page, read up to its {@code vulnerabilities}.
   *
   * @param startIndex the index of the page's first CVE
   * @param resultsPerPage how many CVEs the page holds at most
   * @param totalResults how many CVEs the whole query has
   */
  record Paging(int startIndex, int resultsPerPage, int totalResults) {}

  /**
   * Reads the paging fields of a page.
   *
   * @throws ScanException when the page is not an API 2.0 response
   */
  static Paging paging(InputStream in, String what) throws IOException {
    int start = 0;
    int perPage = 0;
    Integer total = null;
    try (JsonParser parser = Json.mapper().createParser(in)) {
      requireObject(parser, what);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("vulnerabilities")) {
          break;
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
          switch (field) {
            case "startIndex" -> start = parser.getIntValue();
            case "resultsPerPage" -> perPage = parser.getIntValue();
            case "totalResults" -> total = parser.getIntValue();
            default -> {}
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException | CharConversionException e) {
      throw malformed(what, e);
    }
    if (total == null) {
      throw new ScanException("nvd: " + what + ": not a CVE API 2.0 page (no totalResults)");
    }
    return new Paging(start, perPage, total);
  }

  /**
   * Streams the records of every CVE of a page to {@code sink}.
   *
   * @return how many CVEs the page held
   * @throws ScanException when the page is malformed JSON, is no API 2.0 page, or a CVE has no id
   */
  static int parse(InputStream in, String what, Consumer<EnrichmentRecord> sink)
      throws IOException {
    int count = 0;
    boolean sawVulnerabilities = false;
    try (JsonParser parser = Json.mapper().createParser(in)) {
      requireObject(parser, what);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
          sawVulnerabilities = true;
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            JsonNode item = parser.readValueAsTree();
            records(item.path("cve"), what, count, sink);
            count++;
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException | CharConversionException e) {
      throw malformed(what, e);
    }
    if (!sawVulnerabilities) {
      throw new ScanException("nvd: " + what + ": not a CVE API 2.0 page (no vulnerabilities)");
    }
    return count;
  }

  private static void records(JsonNode cve, String what, int index, Consumer<EnrichmentRecord> sink)
      throws ScanException {
    String id = cve.path("id").asText("");
    if (!CVE_ID.matcher(id).matches()) {
      throw new ScanException("nvd: " + what + ": vulnerability " + index + " has no CVE id");
    }
    if ("Rejected".equalsIgnoreCase(cve.path("vulnStatus").asText(""))) {
      return;
    }
    JsonNode metrics = cve.path("metrics");
    for (List<String> keys : VERSIONS) {
      JsonNode chosen = preferred(metrics, keys, true);
      if (chosen == null) {
        chosen = preferred(metrics, keys, false);
      }
      if (chosen != null) {
        sink.accept(new EnrichmentRecord(id, cvss(chosen)));
      }
    }
  }

  /**
   * The first metric under {@code keys} (in their order) with usable CVSS data, from the primary
   * source when {@code primary}, else from any; null when there is none.
   */
  private static JsonNode preferred(JsonNode metrics, List<String> keys, boolean primary) {
    for (String key : keys) {
      for (JsonNode metric : metrics.path(key)) {
        JsonNode data = metric.path("cvssData");
        if (data.path("vectorString").isTextual()
            && data.path("baseScore").isNumber()
            && (!primary || "Primary".equals(metric.path("type").asText()))) {
          return metric;
        }
      }
    }
    return null;
  }

  private static ObjectNode cvss(JsonNode metric) {
    ObjectNode data = ((ObjectNode) metric.path("cvssData")).deepCopy();
    if (!data.has("baseSeverity") && metric.path("baseSeverity").isTextual()) {
      data.put("baseSeverity", metric.path("baseSeverity").asText());
    }
    return data;
  }

  private static void requireObject(JsonParser parser, String what) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new ScanException("nvd: " + what + ": not a CVE API 2.0 page (no JSON object)");
    }
  }

  private static ScanException malformed(String what, IOException e) {
    return new ScanException("nvd: " + what + ": malformed JSON: " + Json.failure(e), e);
  }
}
