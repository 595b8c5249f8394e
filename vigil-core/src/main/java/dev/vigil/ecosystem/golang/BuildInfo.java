package dev.vigil.ecosystem.golang;

import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The build information the Go linker embeds in a binary's {@code .go.buildinfo} section: the Go
 * version that built it and the module text ({@code go version -m} prints both). The section starts
 * with the 14-byte magic {@code \xff Go buildinf:}, a pointer size and a flags byte. Since Go 1.18
 * (flag bit 2) both strings follow inline at offset 32, each prefixed by its length as a varint;
 * before, two pointers at offset 16 lead to Go string headers (data address, length) elsewhere in
 * the binary.
 *
 * @param goVersion e.g. {@code go1.22.1}
 * @param modules the module text, sentinels removed; empty for a binary built without modules
 */
record BuildInfo(String goVersion, String modules) {

  /** The bytes that open the build info. */
  static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);

  /** The section the linker puts it in. */
  static final String SECTION = ".go.buildinfo";

  private static final int HEADER = 32;
  private static final int FLAG_BIG_ENDIAN = 1;
  private static final int FLAG_INLINE = 2;
  private static final int MAX_TEXT = 4 << 20;

  /**
   * Reads the build info of an ELF file.
   *
   * @return the build info, or empty when the file has no {@code .go.buildinfo} section
   * @throws ScanException when the section is malformed
   */
  static Optional<BuildInfo> read(ElfFile elf) throws IOException {
    Optional<ElfFile.Section> section = elf.section(SECTION);
    if (section.isEmpty()) {
      return Optional.empty();
    }
    ElfFile.Section s = section.get();
    if (s.size() < HEADER) {
      throw new ScanException("Go build info: section too small");
    }
    byte[] header = elf.read(s.offset(), HEADER);
    if (!Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
      throw new ScanException("Go build info: no magic");
    }
    int pointerSize = header[14];
    int flags = header[15];
    if ((flags & FLAG_INLINE) != 0) {
      int length = (int) Math.min(s.size() - HEADER, MAX_TEXT);
      ByteBuffer text = ByteBuffer.wrap(elf.read(s.offset() + HEADER, length));
      byte[] version = varintBytes(text);
      return Optional.of(of(version, varintBytes(text)));
    }
    if (pointerSize != 4 && pointerSize != 8) {
      throw new ScanException("Go build info: bad pointer size " + pointerSize);
    }
    ByteOrder order =
        (flags & FLAG_BIG_ENDIAN) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer pointers = ByteBuffer.wrap(header).order(order);
    long versionAddress = pointer(pointers, 16, pointerSize);
    long modulesAddress = pointer(pointers, 16 + pointerSize, pointerSize);
    byte[] version = goString(elf, versionAddress, pointerSize, order);
    return Optional.of(of(version, goString(elf, modulesAddress, pointerSize, order)));
  }

  private static BuildInfo of(byte[] version, byte[] modules) {
    return new BuildInfo(
        new String(version, StandardCharsets.UTF_8),
        new String(withoutSentinels(modules), StandardCharsets.UTF_8));
  }

  /** A Go string whose header (data address, length) lies at {@code address}. */
  private static byte[] goString(ElfFile elf, long address, int pointerSize, ByteOrder order)
      throws IOException {
    ByteBuffer header = ByteBuffer.wrap(elf.readAt(address, 2 * pointerSize)).order(order);
    long data = pointer(header, 0, pointerSize);
    long length = pointer(header, pointerSize, pointerSize);
    if (length < 0 || length > MAX_TEXT) {
      throw new ScanException("Go build info: bad string length " + length);
    }
    return length == 0 ? new byte[0] : elf.readAt(data, (int) length);
  }

  private static long pointer(ByteBuffer buffer, int at, int pointerSize) {
    return pointerSize == 8 ? buffer.getLong(at) : Integer.toUnsignedLong(buffer.getInt(at));
  }

  private static byte[] varintBytes(ByteBuffer text) throws ScanException {
    long length = 0;
    int shift = 0;
    while (true) {
      if (!text.hasRemaining() || shift > 35) {
        throw new ScanException("Go build info: bad length");
      }
      byte b = text.get();
      length |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
    }
    if (length > text.remaining()) {
      throw new ScanException("Go build info: string runs past the section");
    }
    byte[] bytes = new byte[(int) length];
    text.get(bytes);
    return bytes;
  }

  /** The module text without the 16-byte sentinels the linker wraps it in. */
  private static byte[] withoutSentinels(byte[] modules) {
    int n = modules.length;
    if (n >= 33 && modules[n - 17] == '\n') {
      return Arrays.copyOfRange(modules, 16, n - 16);
    }
    return modules;
  }
}
