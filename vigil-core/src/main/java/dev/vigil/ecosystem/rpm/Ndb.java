package dev.vigil.ecosystem.rpm;

import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads rpm's NDB package database ({@code Packages.db}, rpm 4.16 and later, used by SUSE): a
 * little-endian header naming the number of 4 KiB slot pages, 16-byte slots that give each
 * package's index and the place of its blob (in 16-byte blocks), and blobs framed by a {@code BlbS}
 * header. Slots with a bad magic number make the file unreadable, as they do for rpm; a blob whose
 * frame does not match its slot is reported and skipped. Every offset and length is checked against
 * the slot and the file.
 */
final class Ndb {
  /** The file's magic number, {@code "RpmP"} read little-endian. */
  static final int MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;

  private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
  private static final int BLOB_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
  private static final int PAGE_SIZE = 4096;
  private static final int SLOT_SIZE = 16;
  private static final int BLOCK_SIZE = 16;
  private static final int BLOB_HEADER = 16;
  private static final int HEADER_SLOTS = 2;

  private Ndb() {}

  /** True when {@code start}, the first bytes of a file, begins with NDB's magic number. */
  static boolean recognizes(ByteBuffer start) {
    return start.limit() >= 4 && start.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == MAGIC;
  }

  /**
   * Reads every header of the database, in the order of the slots.
   *
   * @throws ScanException when the file header or a slot is not valid
   */
  static void read(DbFile file, HeaderSink sink) throws IOException {
    ByteBuffer head = file.read(0, Math.min(file.size(), 32), ByteOrder.LITTLE_ENDIAN);
    if (!recognizes(head) || head.limit() < 32 || head.getInt(4) != 0) {
      throw new ScanException("not an NDB database of a known version");
    }
    long slotPages = Integer.toUnsignedLong(head.getInt(12));
    if (slotPages == 0 || slotPages * PAGE_SIZE > file.size()) {
      throw new ScanException("NDB database claims " + slotPages + " slot pages");
    }
    for (long p = 0; p < slotPages; p++) {
      ByteBuffer page = file.read(p * PAGE_SIZE, PAGE_SIZE, ByteOrder.LITTLE_ENDIAN);
      for (int s = p == 0 ? HEADER_SLOTS : 0; s < PAGE_SIZE / SLOT_SIZE; s++) {
        int at = s * SLOT_SIZE;
        if (page.getInt(at) != SLOT_MAGIC) {
          throw new ScanException("NDB slot " + (p * PAGE_SIZE / SLOT_SIZE + s) + " is damaged");
        }
        long index = Integer.toUnsignedLong(page.getInt(at + 4));
        if (index != 0) {
          long offset = Integer.toUnsignedLong(page.getInt(at + 8)) * BLOCK_SIZE;
          long blocks = Integer.toUnsignedLong(page.getInt(at + 12));
          blob(file, index, offset, blocks * BLOCK_SIZE, sink);
        }
      }
    }
  }

  private static void blob(DbFile file, long index, long offset, long room, HeaderSink sink)
      throws IOException {
    try {
      ByteBuffer frame = file.read(offset, BLOB_HEADER, ByteOrder.LITTLE_ENDIAN);
      long length = Integer.toUnsignedLong(frame.getInt(12));
      if (frame.getInt(0) != BLOB_MAGIC
          || Integer.toUnsignedLong(frame.getInt(4)) != index
          || BLOB_HEADER + length > room) {
        sink.damaged(index, "NDB blob at offset " + offset + " does not match its slot");
        return;
      }
      ByteBuffer blob = file.read(offset + BLOB_HEADER, length, ByteOrder.LITTLE_ENDIAN);
      sink.header(index, blob.array());
    } catch (ScanException e) {
      sink.damaged(index, e.getMessage());
    }
  }
}
