package dev.vigil.ecosystem.kev;

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
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads CISA's Known Exploited Vulnerabilities catalog (JSON, {@code vulnerabilities[]} with {@code
 * cveID} …) as a stream, one entry at a time, into records shaped as claircore's KEV enricher
 * writes them: {@code cve}, {@code vulnerability_name}, {@code catalog_version}, {@code
 * date_added}, {@code short_description}, {@code required_action}, {@code due_date}, {@code
 * known_ransomware_campaign_use}.
 */
final class KevCatalogParser {
  private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

  private KevCatalogParser() {}

  /**
   * Streams every entry of the catalog to {@code sink}.
   *
   * @return how many entries were read
   * @throws ScanException when the catalog is not the KEV JSON or an entry has no valid CVE id
   */
  static int parse(InputStream in, String what, Consumer<EnrichmentRecord> sink)
      throws IOException {
    String catalogVersion = "";
    int count = 0;
    boolean sawEntries = false;
    try (JsonParser parser = Json.mapper().createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new ScanException("kev: " + what + ": not a KEV catalog (no JSON object)");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("catalogVersion") && value == JsonToken.VALUE_STRING) {
          catalogVersion = parser.getText();
        } else if (field.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
          sawEntries = true;
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            JsonNode entry = parser.readValueAsTree();
            sink.accept(record(entry, catalogVersion, what, count));
            count++;
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException | CharConversionException e) {
      throw new ScanException("kev: " + what + ": malformed JSON: " + Json.failure(e), e);
    }
    if (!sawEntries) {
      throw new ScanException("kev: " + what + ": not a KEV catalog (no vulnerabilities array)");
    }
    return count;
  }

  private static EnrichmentRecord record(
      JsonNode entry, String catalogVersion, String what, int index) throws ScanException {
    String cve = entry.path("cveID").asText("");
    if (!CVE_ID.matcher(cve).matches()) {
      throw new ScanException(
          "kev: " + what + ": entry " + index + " has no valid cveID (" + cve + ")");
    }
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("cve", cve);
    data.put("vulnerability_name", entry.path("vulnerabilityName").asText(""));
    data.put("catalog_version", catalogVersion);
    data.put("date_added", entry.path("dateAdded").asText(""));
    data.put("short_description", entry.path("shortDescription").asText(""));
    data.put("required_action", entry.path("requiredAction").asText(""));
    data.put("due_date", entry.path("dueDate").asText(""));
    data.put("known_ransomware_campaign_use", entry.path("knownRansomwareCampaignUse").asText(""));
    return new EnrichmentRecord(cve, data);
  }
}
