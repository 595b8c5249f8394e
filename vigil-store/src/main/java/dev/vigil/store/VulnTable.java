package dev.vigil.store;

import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.MatchConstraint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code vuln} table's columns and the mapping between its rows and {@link Vulnerability}
 * records.
 *
 * <p>Absent text is stored as the empty string. Reading a row back gives empty strings for absent
 * text, document-local ids of {@code ""}, and a null package, distribution or repository when all
 * of its columns are empty.
 */
final class VulnTable {

  /** The content columns, in the order {@link #fields} lists their values. */
  static final List<String> COLUMNS =
      List.of(
          "updater",
          "name",
          "description",
          "issued",
          "links",
          "severity",
          "normalized_severity",
          "package_name",
          "package_kind",
          "package_version",
          "package_module",
          "package_arch",
          "dist_did",
          "dist_name",
          "dist_version",
          "dist_version_code_name",
          "dist_version_id",
          "dist_arch",
          "dist_cpe",
          "dist_pretty_name",
          "repo_name",
          "repo_key",
          "repo_uri",
          "fixed_in_version",
          "arch_op");

  /** The columns to select, row id first, each prefixed with {@code v.}. */
  static final String SELECT_COLUMNS =
      "v.id, " + String.join(", ", COLUMNS.stream().map(c -> "v." + c).toList());

  /**
   * Inserts a row unless its hash is already stored; the last column, the folded package name, is
   * derived from the package name and not part of the hash.
   */
  static final String INSERT =
      "INSERT INTO vuln (hash, "
          + String.join(", ", COLUMNS)
          + ", package_name_folded) VALUES (?"
          + ", ?".repeat(COLUMNS.size() + 1)
          + ") ON CONFLICT (hash) DO NOTHING";

  private static final int NAME = COLUMNS.indexOf("name");
  private static final int ISSUED = COLUMNS.indexOf("issued");
  private static final int PACKAGE_NAME = COLUMNS.indexOf("package_name");

  private VulnTable() {}

  /**
   * The column values of a vulnerability stored for {@code updater}, in {@link #COLUMNS} order;
   * {@code issued} as epoch milliseconds. A null name stays null, which the schema rejects.
   */
  static String[] fields(String updater, Vulnerability v) {
    Package p = v.pkg() != null ? v.pkg() : new Package("", "", "", "", null, "", "", "", "");
    Distribution d =
        v.distribution() != null
            ? v.distribution()
            : new Distribution("", "", "", "", "", "", "", "", "");
    Repository r = v.repository() != null ? v.repository() : new Repository("", "", "", "", "");
    Severity normalized =
        v.normalizedSeverity() != null ? v.normalizedSeverity() : Severity.Unknown;
    String[] fields = {
      updater,
      v.name(),
      v.description(),
      v.issued() != null ? Long.toString(v.issued().toEpochMilli()) : null,
      v.links(),
      v.severity(),
      normalized.name(),
      p.name(),
      p.kind(),
      p.version(),
      p.module(),
      p.arch(),
      d.did(),
      d.name(),
      d.version(),
      d.versionCodeName(),
      d.versionId(),
      d.arch(),
      d.cpe(),
      d.prettyName(),
      r.name(),
      r.key(),
      r.uri(),
      v.fixedInVersion(),
      v.archOp()
    };
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == null && i != NAME) {
        fields[i] = "";
      }
    }
    return fields;
  }

  /** The content hash of a row's fields: identical vulnerabilities share it. */
  static String hash(String[] fields) {
    MessageDigest sha = Digest.newSha256();
    for (String field : fields) {
      if (field == null) {
        sha.update((byte) '-');
      } else {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Binds the parameters of {@link #INSERT}. */
  static void bind(PreparedStatement insert, String hash, String[] fields) throws SQLException {
    insert.setString(1, hash);
    for (int i = 0; i < fields.length; i++) {
      if (i != ISSUED) {
        insert.setString(i + 2, fields[i]);
      } else if (fields[i].isEmpty()) {
        insert.setNull(i + 2, Types.BIGINT);
      } else {
        insert.setLong(i + 2, Long.parseLong(fields[i]));
      }
    }
    insert.setString(fields.length + 2, MatchConstraint.foldName(fields[PACKAGE_NAME]));
  }

  /** Rebuilds the vulnerability of the current row, selected with {@link #SELECT_COLUMNS}. */
  static Vulnerability read(ResultSet rs) throws SQLException {
    long issued = rs.getLong("issued");
    Instant issuedAt = rs.wasNull() ? null : Instant.ofEpochMilli(issued);
    Package pkg =
        new Package(
            "",
            rs.getString("package_name"),
            rs.getString("package_version"),
            rs.getString("package_kind"),
            null,
            "",
            rs.getString("package_module"),
            rs.getString("package_arch"),
            "");
    Distribution dist =
        new Distribution(
            "",
            rs.getString("dist_did"),
            rs.getString("dist_name"),
            rs.getString("dist_version"),
            rs.getString("dist_version_code_name"),
            rs.getString("dist_version_id"),
            rs.getString("dist_arch"),
            rs.getString("dist_cpe"),
            rs.getString("dist_pretty_name"));
    Repository repo =
        new Repository(
            "", rs.getString("repo_name"), rs.getString("repo_key"), rs.getString("repo_uri"), "");
    return new Vulnerability(
        Long.toString(rs.getLong("id")),
        rs.getString("updater"),
        rs.getString("name"),
        rs.getString("description"),
        issuedAt,
        rs.getString("links"),
        rs.getString("severity"),
        Severity.parse(rs.getString("normalized_severity")),
        allEmpty(pkg.name(), pkg.version(), pkg.kind(), pkg.module(), pkg.arch()) ? null : pkg,
        allEmpty(
                dist.did(),
                dist.name(),
                dist.version(),
                dist.versionCodeName(),
                dist.versionId(),
                dist.arch(),
                dist.cpe(),
                dist.prettyName())
            ? null
            : dist,
        allEmpty(repo.name(), repo.key(), repo.uri()) ? null : repo,
        rs.getString("fixed_in_version"),
        rs.getString("arch_op"));
  }

  private static boolean allEmpty(String... values) {
    return Stream.of(values).allMatch(String::isEmpty);
  }
}
