package dev.vigil.ecosystem.rhel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.model.Repository;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Red Hat's {@code repository-to-cpe.json}: which CPEs each content set (repository id such as
 * {@code rhel-9-for-x86_64-baseos-rpms}) stands for, read from {@code {"data": {"<content set>":
 * {"cpes": [...]}}}}.
 *
 * <p>The updater stores the map with the VEX data, in the same update operation, as one row per
 * content set and CPE: a {@link Vulnerability} named after the CPE whose repository is the content
 * set (key {@value ContentManifestScanner#KEY}) and which has no package. The matcher looks these
 * rows up by the repository names of a record, so an image's content sets and the data they are
 * mapped with always come from the same update.
 */
final class RepositoryToCpe {

  /** The file's name, beside {@code data/csaf/} under {@code data/metrics/} upstream. */
  static final String FILE = "repository-to-cpe.json";

  private RepositoryToCpe() {}

  /**
   * The CPEs of each content set, sorted by content set.
   *
   * @throws ScanException when the file is not the map Red Hat publishes
   */
  static Map<String, List<String>> read(Path file) throws IOException {
    JsonNode data;
    try (InputStream in = Files.newInputStream(file)) {
      data = Json.mapper().readTree(in).path("data");
    } catch (IOException e) {
      throw new ScanException("rhel: " + file.getFileName() + ": not JSON: " + e.getMessage(), e);
    }
    if (!data.isObject()) {
      throw new ScanException("rhel: " + file.getFileName() + ": no \"data\" object");
    }
    Map<String, List<String>> cpes = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode list = entry.getValue().path("cpes");
      if (!list.isArray()) {
        throw new ScanException(
            "rhel: " + file.getFileName() + ": content set " + entry.getKey() + " has no cpes");
      }
      List<String> names = new ArrayList<>();
      list.forEach(cpe -> names.add(cpe.asText()));
      cpes.put(entry.getKey(), List.copyOf(names));
    }
    return cpes;
  }

  /** The rows that store {@code cpes} for {@code updater}. */
  static List<Vulnerability> rows(String updater, Map<String, List<String>> cpes) {
    List<Vulnerability> rows = new ArrayList<>();
    cpes.forEach(
        (contentSet, names) -> {
          for (String cpe : names) {
            rows.add(
                new Vulnerability(
                    "",
                    updater,
                    cpe,
                    "",
                    null,
                    "",
                    "",
                    Severity.Unknown,
                    null,
                    null,
                    new Repository("", contentSet, ContentManifestScanner.KEY, "", ""),
                    "",
                    ""));
          }
        });
    return rows;
  }

  /** True for a row that {@link #rows} made: it maps a content set to the CPE it names. */
  static boolean isMapping(Vulnerability row) {
    return row.pkg() == null
        && row.repository() != null
        && ContentManifestScanner.KEY.equals(row.repository().key());
  }
}
