package dev.vigil.ecosystem.rpm;

import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads rpm's {@code Packages} file in BerkeleyDB's hash format without BerkeleyDB: every hash page
 * is walked and each key/value pair whose key is a record number is a header, stored inline or on a
 * chain of overflow pages. The metadata page's magic number tells the byte order, so databases of
 * big-endian machines read as well. Page sizes, item offsets, overflow chains (which must not loop)
 * and lengths are all checked against the page and the file.
 */
final class BerkeleyDb {
  /** The magic number of a hash database's metadata page. */
  static final int HASH_MAGIC = 0x061561;

  private static final int PAGE_HEADER = 26;
  private static final int P_HASH_UNSORTED = 2;
  private static final int P_OVERFLOW = 7;
  private static final int P_HASHMETA = 8;
  private static final int P_HASH = 13;
  private static final int H_KEYDATA = 1;
  private static final int H_OFFPAGE = 3;
  private static final long MAX_BLOB = 8L + RpmHeader.MAX_ENTRIES * 16L + RpmHeader.MAX_DATA;

  private final DbFile file;
  private final ByteOrder order;
  private final int pageSize;
  private final long pages;

  private BerkeleyDb(DbFile file, ByteOrder order, int pageSize, long pages) {
    this.file = file;
    this.order = order;
    this.pageSize = pageSize;
    this.pages = pages;
  }

  /** True when {@code start}, the first bytes of a file, is a BerkeleyDB hash metadata page. */
  static boolean recognizes(ByteBuffer start) {
    return start.limit() >= 16
        && (start.order(ByteOrder.LITTLE_ENDIAN).getInt(12) == HASH_MAGIC
            || start.order(ByteOrder.BIG_ENDIAN).getInt(12) == HASH_MAGIC);
  }

  /**
   * Reads every header of the database.
   *
   * @throws ScanException when the metadata page is not that of a readable hash database
   */
  static void read(DbFile file, HeaderSink sink) throws IOException {
    ByteBuffer meta = file.read(0, Math.min(file.size(), 72), ByteOrder.LITTLE_ENDIAN);
    if (!recognizes(meta) || meta.limit() < 72) {
      throw new ScanException("not a BerkeleyDB hash database");
    }
    ByteOrder order =
        meta.order(ByteOrder.LITTLE_ENDIAN).getInt(12) == HASH_MAGIC
            ? ByteOrder.LITTLE_ENDIAN
            : ByteOrder.BIG_ENDIAN;
    meta.order(order);
    int pageSize = meta.getInt(20);
    if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
      throw new ScanException("BerkeleyDB page size " + pageSize + " is not valid");
    }
    if (meta.get(24) != 0) {
      throw new ScanException("BerkeleyDB database is encrypted");
    }
    if (meta.get(25) != P_HASHMETA) {
      throw new ScanException("BerkeleyDB database is not a hash database");
    }
    long claimed = Integer.toUnsignedLong(meta.getInt(32)) + 1;
    long pages = Math.min(claimed, file.size() / pageSize);
    if (pages < claimed) {
      sink.damaged(-1, "BerkeleyDB file holds " + pages + " of its " + claimed + " pages");
    }
    new BerkeleyDb(file, order, pageSize, pages).readPages(sink);
  }

  private void readPages(HeaderSink sink) throws IOException {
    for (long p = 1; p < pages; p++) {
      ByteBuffer page = file.read(p * pageSize, pageSize, order);
      int type = page.get(25) & 0xff;
      if (type == P_HASH || type == P_HASH_UNSORTED) {
        readHashPage(p, page, sink);
      }
    }
  }

  private void readHashPage(long number, ByteBuffer page, HeaderSink sink) throws IOException {
    int entries = u16(page, 20);
    int itemsStart = PAGE_HEADER + entries * 2;
    if (entries % 2 != 0 || itemsStart > pageSize) {
      sink.damaged(-1, "hash page " + number + " has " + entries + " items");
      return;
    }
    for (int k = 0; k < entries; k += 2) {
      int keyAt = u16(page, PAGE_HEADER + k * 2);
      int keyEnd = k == 0 ? pageSize : u16(page, PAGE_HEADER + (k - 1) * 2);
      int valueAt = u16(page, PAGE_HEADER + (k + 1) * 2);
      if (keyAt < itemsStart || keyAt >= keyEnd || keyEnd > pageSize) {
        sink.damaged(-1, "hash page " + number + " item " + k + " is out of bounds");
        continue;
      }
      if (valueAt < itemsStart || valueAt >= keyAt) {
        sink.damaged(-1, "hash page " + number + " item " + (k + 1) + " is out of bounds");
        continue;
      }
      if (page.get(keyAt) != H_KEYDATA || keyEnd - keyAt != 5) {
        sink.damaged(-1, "hash page " + number + " item " + k + " is not a record number");
        continue;
      }
      long id = Integer.toUnsignedLong(page.getInt(keyAt + 1));
      if (id != 0) {
        readValue(id, page, valueAt, keyAt, sink);
      }
    }
  }

  private void readValue(long id, ByteBuffer page, int at, int end, HeaderSink sink)
      throws IOException {
    int type = page.get(at);
    if (type == H_KEYDATA) {
      byte[] blob = new byte[end - at - 1];
      page.get(at + 1, blob);
      sink.header(id, blob);
    } else if (type == H_OFFPAGE && end - at >= 12) {
      try {
        sink.header(id, overflow(page.getInt(at + 4), page.getInt(at + 8)));
      } catch (ScanException e) {
        sink.damaged(id, e.getMessage());
      }
    } else {
      sink.damaged(id, "value of item type " + type + " is not supported");
    }
  }

  /** Concatenates a chain of overflow pages holding {@code length} bytes. */
  private byte[] overflow(int firstPage, int length) throws IOException {
    long total = Integer.toUnsignedLong(length);
    if (total > MAX_BLOB || total > file.size()) {
      throw new ScanException("overflow value of " + total + " bytes is larger than the file");
    }
    byte[] value = new byte[(int) total];
    int filled = 0;
    long next = Integer.toUnsignedLong(firstPage);
    Set<Long> visited = new HashSet<>();
    while (filled < value.length) {
      if (next == 0 || next >= pages) {
        throw new ScanException("overflow chain breaks at page " + next);
      }
      if (!visited.add(next)) {
        throw new ScanException("overflow chain loops at page " + next);
      }
      ByteBuffer page = file.read(next * pageSize, pageSize, order);
      int used = u16(page, 22);
      if ((page.get(25) & 0xff) != P_OVERFLOW
          || used > pageSize - PAGE_HEADER
          || used > value.length - filled) {
        throw new ScanException("overflow page " + next + " is not valid");
      }
      page.get(PAGE_HEADER, value, filled, used);
      filled += used;
      next = Integer.toUnsignedLong(page.getInt(16));
    }
    return value;
  }

  private static int u16(ByteBuffer page, int at) {
    return page.getShort(at) & 0xffff;
  }
}
