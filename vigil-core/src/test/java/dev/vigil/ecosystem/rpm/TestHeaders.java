package dev.vigil.ecosystem.rpm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Builds rpm header blobs and rpm SQLite databases for tests. */
final class TestHeaders {
  private TestHeaders() {}

  /**
   * A header blob holding the given tags, in pairs of tag number and value: a String becomes a
   * STRING entry, an Integer an INT32 entry.
   */
  static byte[] header(Object... tagsAndValues) {
    int count = tagsAndValues.length / 2;
    ByteBuffer index = ByteBuffer.allocate(count * 16);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int k = 0; k < count; k++) {
      int tag = (Integer) tagsAndValues[2 * k];
      Object value = tagsAndValues[2 * k + 1];
      if (value instanceof Integer number) {
        while (data.size() % 4 != 0) {
          data.write(0);
        }
        index.putInt(tag).putInt(4).putInt(data.size()).putInt(1);
        data.writeBytes(ByteBuffer.allocate(4).putInt(number).array());
      } else {
        index.putInt(tag).putInt(6).putInt(data.size()).putInt(1);
        data.writeBytes(((String) value).getBytes(StandardCharsets.UTF_8));
        data.write(0);
      }
    }
    return ByteBuffer.allocate(8 + index.capacity() + data.size())
        .putInt(count)
        .putInt(data.size())
        .put(index.array())
        .put(data.toByteArray())
        .array();
  }

  /** The header of an ordinary package. */
  static byte[] pkg(String name, String version, String release, String sourceRpm) {
    return header(
        RpmHeader.NAME,
        name,
        RpmHeader.VERSION,
        version,
        RpmHeader.RELEASE,
        release,
        RpmHeader.ARCH,
        "x86_64",
        RpmHeader.SOURCERPM,
        sourceRpm);
  }

  /** Writes an rpm SQLite database (rpm's own schema) holding {@code blobs} as hnum 1, 2, …. */
  static void sqlite(Path file, List<byte[]> blobs) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE 'Packages' (hnum INTEGER PRIMARY KEY AUTOINCREMENT,blob BLOB NOT NULL)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO Packages(blob) VALUES (?)")) {
        for (byte[] blob : blobs) {
          insert.setBytes(1, blob);
          insert.executeUpdate();
        }
      }
    }
  }
}
