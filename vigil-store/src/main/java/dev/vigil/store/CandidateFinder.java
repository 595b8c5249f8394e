package dev.vigil.store;

import dev.vigil.model.Distribution;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds candidate vulnerabilities for many records with few queries: records are grouped by the
 * values of their non-package constraints, and each group is queried once per chunk of {@value
 * #CHUNK} distinct package names.
 */
final class CandidateFinder {
  private static final int CHUNK = 500;
  private static final Comparator<Vulnerability> BY_ROW_ID =
      Comparator.comparingLong(v -> Long.parseLong(v.id()));

  /** A column that a constraint compares, and how to read the record's value for it. */
  private record Field(String column, Function<IndexRecord, String> value) {}

  private static final Map<MatchConstraint, Field> FIELDS =
      new EnumMap<>(
          Map.of(
              MatchConstraint.DISTRIBUTION_DID,
              new Field("dist_did", r -> dist(r, Distribution::did)),
              MatchConstraint.DISTRIBUTION_VERSION_ID,
              new Field("dist_version_id", r -> dist(r, Distribution::versionId)),
              MatchConstraint.DISTRIBUTION_VERSION_CODE_NAME,
              new Field("dist_version_code_name", r -> dist(r, Distribution::versionCodeName)),
              MatchConstraint.DISTRIBUTION_PRETTY_NAME,
              new Field("dist_pretty_name", r -> dist(r, Distribution::prettyName)),
              MatchConstraint.REPOSITORY_NAME,
              new Field("repo_name", r -> r.repository() == null ? "" : r.repository().name())));

  private final Connection connection;
  private final Dialect dialect;
  private final List<Long> operations;
  private final List<Field> fields;
  private final boolean byName;
  private final boolean bySourceName;
  private final boolean byFoldedName;

  private CandidateFinder(
      Connection connection,
      Dialect dialect,
      List<Long> operations,
      Set<MatchConstraint> constraints) {
    this.connection = connection;
    this.dialect = dialect;
    this.operations = operations;
    this.fields =
        constraints.stream().sorted().filter(FIELDS::containsKey).map(FIELDS::get).toList();
    this.byName = constraints.contains(MatchConstraint.PACKAGE_NAME);
    this.bySourceName = constraints.contains(MatchConstraint.PACKAGE_SOURCE_NAME);
    this.byFoldedName = constraints.contains(MatchConstraint.PACKAGE_NAME_FOLDED);
  }

  /**
   * The candidates of {@code records} in the given update operations; see {@link
   * dev.vigil.datastore.VulnerabilityStore#candidates}.
   */
  static Map<String, List<Vulnerability>> find(
      Connection connection,
      Dialect dialect,
      List<Long> operations,
      List<IndexRecord> records,
      Set<MatchConstraint> constraints)
      throws SQLException {
    if (operations.isEmpty() || records.isEmpty()) {
      return Map.of();
    }
    return new CandidateFinder(connection, dialect, operations, constraints).find(records);
  }

  /**
   * Splits {@code records} into at most {@code parts} lists that can be looked up on their own: all
   * records of a package fall into the same list, so the lists' candidates never overlap.
   */
  static List<List<IndexRecord>> partitions(List<IndexRecord> records, int parts) {
    if (parts <= 1) {
      return List.of(records);
    }
    List<List<IndexRecord>> partitions = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      partitions.add(new ArrayList<>());
    }
    for (IndexRecord record : records) {
      partitions.get(Math.floorMod(record.pkg().id().hashCode(), parts)).add(record);
    }
    partitions.removeIf(List::isEmpty);
    return partitions;
  }

  private Map<String, List<Vulnerability>> find(List<IndexRecord> records) throws SQLException {
    Map<List<String>, Map<String, List<IndexRecord>>> groups = new LinkedHashMap<>();
    for (IndexRecord record : records) {
      String name = packageName(record);
      if (name != null) {
        groups
            .computeIfAbsent(fieldValues(record), k -> new LinkedHashMap<>())
            .computeIfAbsent(name, k -> new ArrayList<>())
            .add(record);
      }
    }
    // keyed by row id: a record's hash would hash every field of every candidate, descriptions too
    Map<String, Map<String, Vulnerability>> found = new LinkedHashMap<>();
    for (Map.Entry<List<String>, Map<String, List<IndexRecord>>> group : groups.entrySet()) {
      List<String> names = List.copyOf(group.getValue().keySet());
      for (int from = 0; from < names.size(); from += CHUNK) {
        List<String> chunk = names.subList(from, Math.min(names.size(), from + CHUNK));
        Map<String, List<Vulnerability>> byPackage = query(group.getKey(), chunk);
        for (String name : chunk) {
          List<Vulnerability> vulns = filtersNames() ? byPackage.get(name) : all(byPackage);
          if (vulns != null && !vulns.isEmpty()) {
            for (IndexRecord record : group.getValue().get(name)) {
              Map<String, Vulnerability> mine =
                  found.computeIfAbsent(record.pkg().id(), id -> new LinkedHashMap<>());
              vulns.forEach(v -> mine.putIfAbsent(v.id(), v));
            }
          }
        }
      }
    }
    Map<String, List<Vulnerability>> result = new LinkedHashMap<>();
    found.forEach((id, vulns) -> result.put(id, List.copyOf(vulns.values())));
    return result;
  }

  /**
   * The package name a candidate must have (folded for {@link MatchConstraint#PACKAGE_NAME_FOLDED},
   * which the exact constraints override); empty when unconstrained, null when the record cannot
   * match (both exact name constraints, but the names differ).
   */
  private String packageName(IndexRecord record) {
    String name = orEmpty(record.pkg().name());
    String source = orEmpty(record.pkg().sourceName());
    if (byName && bySourceName) {
      return name.equals(source) ? name : null;
    }
    if (byName || bySourceName) {
      return byName ? name : source;
    }
    return byFoldedName ? MatchConstraint.foldName(name) : "";
  }

  private boolean filtersNames() {
    return byName || bySourceName || byFoldedName;
  }

  /** The column that holds what {@link #packageName} returns. */
  private String nameColumn() {
    return byName || bySourceName ? "package_name" : "package_name_folded";
  }

  private List<String> fieldValues(IndexRecord record) {
    return fields.stream().map(f -> orEmpty(f.value().apply(record))).toList();
  }

  private static String dist(IndexRecord record, Function<Distribution, String> field) {
    return record.distribution() == null ? "" : field.apply(record.distribution());
  }

  /**
   * The group's candidates by the value of {@link #nameColumn}; {@code names} is ignored without
   * name constraint.
   */
  private Map<String, List<Vulnerability>> query(List<String> values, List<String> names)
      throws SQLException {
    boolean filterNames = filtersNames();
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(VulnTable.SELECT_COLUMNS)
            .append(", v.package_name_folded")
            .append(" FROM vuln v");
    String inOperations = " IN (" + Sql.placeholders(operations.size()) + ")";
    if (filterNames) {
      // start from the name index and check each candidate's operation with one probe of
      // uo_vuln's keys, so that a report's cost follows its candidates, not the store's size; a
      // join let both planners walk every row of the update operation instead (SQLite by its
      // primary key; PostgreSQL, which cannot tell how few the candidates are, by a hash join),
      // and the dialect's fence keeps PostgreSQL from turning the EXISTS back into that join
      // (docs/BENCHMARKS.md)
      sql.append(" WHERE EXISTS (SELECT 1 FROM uo_vuln uv WHERE uv.vuln = v.id AND uv.uo")
          .append(inOperations)
          .append(dialect.subqueryFence())
          .append(")");
    } else {
      sql.append(" JOIN uo_vuln uv ON uv.vuln = v.id WHERE uv.uo").append(inOperations);
    }
    for (Field field : fields) {
      sql.append(" AND v.").append(field.column()).append(" = ?");
    }
    if (filterNames) {
      sql.append(" AND v.")
          .append(nameColumn())
          .append(" IN (")
          .append(Sql.placeholders(names.size()))
          .append(")");
    }
    Map<String, List<Vulnerability>> byPackage = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      int i = 1;
      for (long operation : operations) {
        select.setLong(i++, operation);
      }
      for (String value : values) {
        select.setString(i++, value);
      }
      if (filterNames) {
        for (String name : names) {
          select.setString(i++, name);
        }
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          byPackage
              .computeIfAbsent(
                  filterNames ? rs.getString(nameColumn()) : "", k -> new ArrayList<>())
              .add(VulnTable.read(rs));
        }
      }
    }
    // in row id order, sorted here: an ORDER BY would make the database copy every selected
    // column of every candidate into a sorter, which cost more than the rest of the query
    byPackage.values().forEach(vulns -> vulns.sort(BY_ROW_ID));
    return byPackage;
  }

  private static List<Vulnerability> all(Map<String, List<Vulnerability>> byPackage) {
    return byPackage.values().stream().flatMap(List::stream).toList();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
