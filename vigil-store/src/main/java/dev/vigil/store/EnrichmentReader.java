package dev.vigil.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Finds the enrichment records of an updater's newest operation by CVE id. */
final class EnrichmentReader {
  private static final int CHUNK = 500;

  private EnrichmentReader() {}

  /** The records of {@code cves} in the newest operation of {@code updater}, by CVE id. */
  static Map<String, List<EnrichmentRecord>> find(
      Connection connection, String updater, Collection<String> cves) throws SQLException {
    Map<String, List<EnrichmentRecord>> found = new TreeMap<>();
    List<Long> latest = Operations.latestIds(connection, Set.of(updater));
    if (latest.isEmpty() || cves.isEmpty()) {
      return found;
    }
    List<String> wanted = new ArrayList<>(new TreeSet<>(cves));
    for (int from = 0; from < wanted.size(); from += CHUNK) {
      List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
      String sql =
          "SELECT e.cve, e.data FROM enrichment e JOIN uo_enrich l ON l.enrich = e.id"
              + " WHERE l.uo = ? AND e.cve IN ("
              + Sql.placeholders(chunk.size())
              + ") ORDER BY e.id";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, latest.get(0));
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            String cve = rs.getString(1);
            found
                .computeIfAbsent(cve, c -> new ArrayList<>())
                .add(new EnrichmentRecord(cve, parse(rs.getString(2))));
          }
        }
      }
    }
    return found;
  }

  private static JsonNode parse(String data) throws SQLException {
    try {
      return Json.mapper().readTree(data);
    } catch (JsonProcessingException e) {
      throw new SQLException("enrichment data is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
