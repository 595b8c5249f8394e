package dev.vigil.ecosystem.rpm;

import dev.vigil.spi.ScanException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An rpm header as the package databases store it: a big-endian index count and data length, that
 * many 16-byte index entries (tag, type, offset, count), then the data store. Every entry's type
 * and offset are checked when the header is parsed, and every read stays inside the data store, so
 * a damaged or hostile blob yields a {@link ScanException}, never a wrong value or an exception of
 * another kind. When a tag occurs twice, the later entry wins, as rpm's "dribble" entries replace
 * those of the immutable region. Error messages are fragments for the caller to prefix with the
 * component and the database.
 *
 * <p>Immutable and thread-safe.
 */
final class RpmHeader {

  /** The package name. */
  static final int NAME = 1000;

  /** The upstream version. */
  static final int VERSION = 1001;

  /** The packaging release. */
  static final int RELEASE = 1002;

  /** The epoch, an INT32. */
  static final int EPOCH = 1003;

  /** The vendor. */
  static final int VENDOR = 1011;

  /** The architecture. */
  static final int ARCH = 1022;

  /** The source rpm's file name. */
  static final int SOURCERPM = 1044;

  /** The modularity label, {@code name:stream:version:context}. */
  static final int MODULARITYLABEL = 5096;

  /** rpm's own limit on the number of index entries. */
  static final int MAX_ENTRIES = 0xffff;

  /** rpm's own limit on the size of the data store. */
  static final int MAX_DATA = 0x0fffffff;

  private static final int ENTRY_SIZE = 16;
  private static final int TYPE_INT32 = 4;
  private static final int TYPE_STRING = 6;
  private static final int TYPE_STRING_ARRAY = 8;
  private static final int TYPE_I18NSTRING = 9;
  private static final int MAX_TYPE = 9;

  private record Entry(int type, int offset, int count) {}

  private final byte[] blob;
  private final int dataStart;
  private final int dataLength;
  private final Map<Integer, Entry> entries;

  private RpmHeader(byte[] blob, int dataStart, int dataLength, Map<Integer, Entry> entries) {
    this.blob = blob;
    this.dataStart = dataStart;
    this.dataLength = dataLength;
    this.entries = entries;
  }

  /**
   * Parses a header blob.
   *
   * @param blob the blob as stored, starting with the index count
   * @throws ScanException when the counts, a type or an offset are out of bounds
   */
  static RpmHeader parse(byte[] blob) throws ScanException {
    if (blob.length < 8) {
      throw new ScanException("header of " + blob.length + " bytes is too short");
    }
    ByteBuffer buffer = ByteBuffer.wrap(blob);
    int count = buffer.getInt(0);
    int dataLength = buffer.getInt(4);
    if (count < 1 || count > MAX_ENTRIES) {
      throw new ScanException("header has " + Integer.toUnsignedString(count) + " index entries");
    }
    if (dataLength < 0 || dataLength > MAX_DATA) {
      throw new ScanException("header data of " + Integer.toUnsignedString(dataLength) + " bytes");
    }
    long needed = 8L + (long) count * ENTRY_SIZE + dataLength;
    if (needed > blob.length) {
      throw new ScanException("header needs " + needed + " bytes but has " + blob.length);
    }
    Map<Integer, Entry> entries = new HashMap<>();
    for (int k = 0; k < count; k++) {
      int at = 8 + k * ENTRY_SIZE;
      int tag = buffer.getInt(at);
      int type = buffer.getInt(at + 4);
      int offset = buffer.getInt(at + 8);
      int n = buffer.getInt(at + 12);
      if (type < 0 || type > MAX_TYPE || offset < 0 || offset > dataLength) {
        throw new ScanException("header entry " + k + " (tag " + tag + ") is out of bounds");
      }
      entries.put(tag, new Entry(type, offset, n));
    }
    return new RpmHeader(blob, 8 + count * ENTRY_SIZE, dataLength, entries);
  }

  /**
   * A string tag: the value of a STRING entry, or the first value of an I18NSTRING or STRING_ARRAY
   * entry.
   *
   * @return the value, or empty when the header has no such tag
   * @throws ScanException when the entry has another type or its string is not terminated
   */
  Optional<String> string(int tag) throws ScanException {
    Entry entry = entries.get(tag);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.type() != TYPE_STRING
        && entry.type() != TYPE_I18NSTRING
        && entry.type() != TYPE_STRING_ARRAY) {
      throw new ScanException("tag " + tag + " has type " + entry.type() + ", not a string");
    }
    if (entry.count() < 1) {
      throw new ScanException("tag " + tag + " has no value");
    }
    int start = dataStart + entry.offset();
    int end = dataStart + dataLength;
    for (int k = start; k < end; k++) {
      if (blob[k] == 0) {
        return Optional.of(new String(blob, start, k - start, StandardCharsets.UTF_8));
      }
    }
    throw new ScanException("tag " + tag + " runs past the end of the header");
  }

  /**
   * The first value of an INT32 tag.
   *
   * @return the value, or empty when the header has no such tag
   * @throws ScanException when the entry has another type, no value, or lies outside the data
   */
  OptionalInt int32(int tag) throws ScanException {
    Entry entry = entries.get(tag);
    if (entry == null) {
      return OptionalInt.empty();
    }
    if (entry.type() != TYPE_INT32 || entry.count() < 1) {
      throw new ScanException("tag " + tag + " is not an INT32 value");
    }
    if (entry.offset() % 4 != 0 || (long) entry.offset() + 4 > dataLength) {
      throw new ScanException("tag " + tag + " lies outside the header data");
    }
    return OptionalInt.of(ByteBuffer.wrap(blob).getInt(dataStart + entry.offset()));
  }
}
