package dev.vigil.ecosystem.golang;

import dev.vigil.spi.ScanException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The little of an ELF file (32 or 64 bit, either byte order) that reading Go build info needs: its
 * sections by name and reads by file offset or virtual address. Reads reopen the file and skip to
 * the offset, so nothing beyond what is asked for is held in memory.
 */
final class ElfFile {
  private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final int CLASS_64 = 2;
  private static final int DATA_BIG_ENDIAN = 2;
  private static final int SHT_NOBITS = 8;
  private static final int MAX_NAMES = 1 << 20;

  /** Opens the file anew, from its start. */
  @FunctionalInterface
  interface Opener {
    /** A new stream over the whole file. */
    InputStream open() throws IOException;
  }

  /** One section header. */
  record Section(String name, int type, long address, long offset, long size) {}

  private final Opener opener;
  private final List<Section> sections;

  private ElfFile(Opener opener, List<Section> sections) {
    this.opener = opener;
    this.sections = sections;
  }

  /**
   * Reads the ELF header and section headers.
   *
   * @return the file, or empty when it is not an ELF file
   * @throws ScanException when the headers are truncated or inconsistent
   */
  static Optional<ElfFile> read(Opener opener) throws IOException {
    byte[] ident;
    try (InputStream in = opener.open()) {
      ident = in.readNBytes(64);
    }
    if (ident.length < 52 || !Arrays.equals(Arrays.copyOf(ident, 4), MAGIC)) {
      return Optional.empty();
    }
    boolean wide = ident[4] == CLASS_64;
    ByteOrder order = ident[5] == DATA_BIG_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer header = ByteBuffer.wrap(ident).order(order);
    long shoff = wide ? header.getLong(0x28) : Integer.toUnsignedLong(header.getInt(0x20));
    int shentsize = Short.toUnsignedInt(header.getShort(wide ? 0x3A : 0x2E));
    int shnum = Short.toUnsignedInt(header.getShort(wide ? 0x3C : 0x30));
    int shstrndx = Short.toUnsignedInt(header.getShort(wide ? 0x3E : 0x32));
    if (shoff == 0 || shnum == 0) {
      return Optional.of(new ElfFile(opener, List.of()));
    }
    if (shentsize < (wide ? 0x40 : 0x28) || shentsize > 0x100 || shstrndx >= shnum) {
      throw new ScanException("ELF: bad section header table");
    }
    ByteBuffer table = ByteBuffer.wrap(read(opener, shoff, shentsize * shnum)).order(order);
    List<long[]> raw = new ArrayList<>();
    for (int i = 0; i < shnum; i++) {
      int at = i * shentsize;
      raw.add(
          wide
              ? new long[] {
                Integer.toUnsignedLong(table.getInt(at)),
                table.getInt(at + 4),
                table.getLong(at + 0x10),
                table.getLong(at + 0x18),
                table.getLong(at + 0x20)
              }
              : new long[] {
                Integer.toUnsignedLong(table.getInt(at)),
                table.getInt(at + 4),
                Integer.toUnsignedLong(table.getInt(at + 0x0C)),
                Integer.toUnsignedLong(table.getInt(at + 0x10)),
                Integer.toUnsignedLong(table.getInt(at + 0x14))
              });
    }
    long[] names = raw.get(shstrndx);
    if (names[4] > MAX_NAMES) {
      throw new ScanException("ELF: section name table too large");
    }
    byte[] strings = read(opener, names[3], (int) names[4]);
    List<Section> sections = new ArrayList<>();
    for (long[] s : raw) {
      sections.add(new Section(name(strings, s[0]), (int) s[1], s[2], s[3], s[4]));
    }
    return Optional.of(new ElfFile(opener, List.copyOf(sections)));
  }

  /** The section called {@code name}, if the file has one. */
  Optional<Section> section(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * Reads {@code length} bytes at file offset {@code offset}.
   *
   * @throws ScanException when the file ends before
   */
  byte[] read(long offset, int length) throws IOException {
    return read(opener, offset, length);
  }

  /**
   * Reads {@code length} bytes at virtual address {@code address}, from the section loaded there.
   *
   * @throws ScanException when no section with content holds the whole range
   */
  byte[] readAt(long address, int length) throws IOException {
    for (Section s : sections) {
      if (s.type() != SHT_NOBITS
          && Long.compareUnsigned(s.address(), address) <= 0
          && address - s.address() + length <= s.size()) {
        return read(s.offset() + (address - s.address()), length);
      }
    }
    throw new ScanException(
        "ELF: no section holds address 0x" + Long.toHexString(address) + " (+" + length + ")");
  }

  private static byte[] read(Opener opener, long offset, int length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new ScanException("ELF: bad offset " + offset);
    }
    try (InputStream in = opener.open()) {
      in.skipNBytes(offset);
      byte[] bytes = in.readNBytes(length);
      if (bytes.length < length) {
        throw new EOFException();
      }
      return bytes;
    } catch (EOFException e) {
      throw new ScanException("ELF: truncated at offset " + offset, e);
    }
  }

  private static String name(byte[] strings, long offset) {
    if (offset >= strings.length) {
      return "";
    }
    int end = (int) offset;
    while (end < strings.length && strings[end] != 0) {
      end++;
    }
    return new String(strings, (int) offset, end - (int) offset, StandardCharsets.ISO_8859_1);
  }
}
