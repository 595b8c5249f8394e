package dev.vigil.ecosystem.rpm;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BerkeleyDB reader on go-rpmdb's libuuid database (one header on a chain of 20 overflow pages,
 * pages 3 to 22, referenced from hash page 2) and on damaged copies of it.
 */
class BerkeleyDbTest {
  private static final int PAGE = 4096;

  @TempDir Path tmp;

  private RpmDatabase.Contents read(byte[] db) throws IOException {
    Path file = tmp.resolve("Packages");
    Files.write(file, db);
    return RpmDatabase.parse(file);
  }

  private static byte[] libuuid() throws IOException {
    return Files.readAllBytes(fixture("pkgdb/rpm/libuuid-bdb/Packages"));
  }

  private static String line(RpmDatabase.Contents contents) {
    return contents.packages().stream().map(p -> p.name() + " " + p.evr()).toList().toString();
  }

  @Test
  void readsABigEndianDatabaseAsTheLittleEndianOne() throws IOException {
    byte[] little = libuuid();

    RpmDatabase.Contents big = read(bigEndian(little));

    assertThat(big.problems()).isEmpty();
    assertThat(line(big)).isEqualTo("[libuuid 2.32.1-42.el8_8]").isEqualTo(line(read(little)));
  }

  @Test
  void reportsAnOverflowChainThatLoops() throws IOException {
    byte[] db = libuuid();
    ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(10 * PAGE + 16, 5);

    RpmDatabase.Contents contents = read(db);

    assertThat(contents.packages()).isEmpty();
    assertThat(contents.problems()).containsExactly("record 1: overflow chain loops at page 5");
  }

  @Test
  void reportsAnOverflowChainThatBreaks() throws IOException {
    byte[] db = libuuid();
    ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(8 * PAGE + 16, 0);

    assertThat(read(db).problems()).containsExactly("record 1: overflow chain breaks at page 0");
    assertThat(read(Arrays.copyOf(libuuid(), 10 * PAGE + 100)).problems())
        .containsExactly(
            "BerkeleyDB file holds 10 of its 23 pages",
            "record 1: overflow value of 80880 bytes is larger than the file");
  }

  @Test
  void reportsAHostileLength() throws IOException {
    byte[] db = libuuid();
    // hash page 2: the value item sits at 4079, its length at +8
    ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(2 * PAGE + 4079 + 8, 0xfffffff0);

    assertThat(read(db).problems())
        .containsExactly("record 1: overflow value of 4294967280 bytes is larger than the file");
  }

  @Test
  void reportsItemsOutsideTheirPage() throws IOException {
    byte[] db = libuuid();
    ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putShort(2 * PAGE + 26 + 2, (short) 3);

    assertThat(read(db).problems()).containsExactly("hash page 2 item 1 is out of bounds");
  }

  @Test
  void rejectsABadMetadataPage() throws IOException {
    byte[] db = libuuid();
    ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 1000);
    assertThat(read(db).problems()).containsExactly("BerkeleyDB page size 1000 is not valid");

    db = libuuid();
    db[24] = 1;
    assertThat(read(db).problems()).containsExactly("BerkeleyDB database is encrypted");
  }

  /**
   * The same database as a big-endian machine writes it: every field the reader uses swapped (the
   * rpm header blobs themselves are big-endian either way).
   */
  private static byte[] bigEndian(byte[] little) {
    ByteBuffer in = ByteBuffer.wrap(little).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.wrap(little.clone()).order(ByteOrder.BIG_ENDIAN);
    for (int at : new int[] {12, 20, 32}) {
      out.putInt(at, in.getInt(at));
    }
    for (int page = PAGE; page < little.length; page += PAGE) {
      for (int at : new int[] {8, 12, 16}) {
        out.putInt(page + at, in.getInt(page + at));
      }
      int entries = in.getShort(page + 20);
      out.putShort(page + 20, (short) entries).putShort(page + 22, in.getShort(page + 22));
      if (little[page + 25] != 13) {
        continue;
      }
      for (int k = 0; k < entries; k++) {
        int item = in.getShort(page + 26 + 2 * k) & 0xffff;
        out.putShort(page + 26 + 2 * k, (short) item);
        if (k % 2 == 0) {
          out.putInt(page + item + 1, in.getInt(page + item + 1));
        } else if (little[page + item] == 3) {
          out.putInt(page + item + 4, in.getInt(page + item + 4));
          out.putInt(page + item + 8, in.getInt(page + item + 8));
        }
      }
    }
    return out.array();
  }
}
