package dev.vigil.ecosystem.rpm;

import dev.vigil.spi.ScanException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads rpm's SQLite package database ({@code rpmdb.sqlite}, rpm 4.16 and later): the {@code
 * Packages} table's {@code blob} column holds one header per {@code hnum}. The file is opened
 * read-only; a blob larger than any header rpm would write is reported and skipped.
 */
final class SqliteDb {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final long MAX_BLOB = 8L + RpmHeader.MAX_ENTRIES * 16L + RpmHeader.MAX_DATA;
  private static final String QUERY =
      "SELECT hnum, length(blob), CASE WHEN length(blob) <= ? THEN blob END"
          + " FROM Packages ORDER BY hnum";

  private SqliteDb() {}

  /** True when {@code start}, the first bytes of a file, is SQLite's file header. */
  static boolean recognizes(ByteBuffer start) {
    return start.limit() >= MAGIC.length
        && start.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC));
  }

  /**
   * Reads every header of the database, by {@code hnum}.
   *
   * @throws ScanException when the file is not an SQLite database with rpm's table
   */
  static void read(Path file, HeaderSink sink) throws ScanException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
        PreparedStatement query = connection.prepareStatement(QUERY)) {
      query.setLong(1, MAX_BLOB);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          byte[] blob = rows.getBytes(3);
          if (blob == null) {
            sink.damaged(id, "blob of " + rows.getLong(2) + " bytes is not a header");
          } else {
            sink.header(id, blob);
          }
        }
      }
    } catch (SQLException e) {
      throw new ScanException("not a readable rpm SQLite database: " + e.getMessage(), e);
    }
  }
}
