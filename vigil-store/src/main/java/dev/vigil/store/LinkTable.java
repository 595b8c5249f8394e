package dev.vigil.store;

/** A table of deduplicated rows and the table linking them to update operations. */
enum LinkTable {
  /** Vulnerabilities. */
  VULN("vuln", "uo_vuln", "vuln"),
  /** Enrichment records. */
  ENRICHMENT("enrichment", "uo_enrich", "enrich");

  private final String rows;
  private final String links;
  private final String column;

  LinkTable(String rows, String links, String column) {
    this.rows = rows;
    this.links = links;
    this.column = column;
  }

  /** The table of rows, keyed by {@code id} and unique by {@code hash}. */
  String rows() {
    return rows;
  }

  /** The link table, with columns {@code uo} and {@link #column()}. */
  String links() {
    return links;
  }

  /** The link table's column naming a row. */
  String column() {
    return column;
  }

  /** {@code INSERT INTO links (uo, column) SELECT ?, id FROM rows}, for a WHERE to follow. */
  String linkSelect() {
    return "INSERT INTO " + links + " (uo, " + column + ") SELECT ?, id FROM " + rows;
  }

  /** Deletes the rows no operation links to. */
  String deleteOrphans() {
    return "DELETE FROM "
        + rows
        + " WHERE NOT EXISTS (SELECT 1 FROM "
        + links
        + " WHERE "
        + links
        + "."
        + column
        + " = "
        + rows
        + ".id)";
  }

  /** Counts the rows linked to the operation with reference {@code ?}. */
  String countByRef() {
    return "SELECT COUNT(*) FROM "
        + links
        + " l JOIN update_operation uo ON uo.id = l.uo WHERE uo.ref = ?";
  }
}
