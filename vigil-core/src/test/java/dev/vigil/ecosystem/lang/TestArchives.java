package dev.vigil.ecosystem.lang;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds inputs for the language scanner tests: fixture layouts, and zip archives made on the fly
 * (plain jars, deep nests and zip bombs).
 */
public final class TestArchives {
  private TestArchives() {}

  /**
   * Every regular file below {@code dir}, by its path relative to it prefixed with {@code prefix/}:
   * a fixture directory laid out at {@code prefix} in a tree.
   */
  public static Map<String, Path> under(String prefix, Path dir) throws IOException {
    Map<String, Path> layout = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .forEach(f -> layout.put(prefix + "/" + dir.relativize(f).toString(), f));
    }
    return layout;
  }

  /** A zip holding {@code entries} (name to content), deflated, in the given order. */
  public static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** The {@code pom.properties} entry of a Maven artifact, by name and content. */
  public static Map<String, byte[]> pom(String group, String artifact, String version) {
    String text = "groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(
        "META-INF/maven/" + group + "/" + artifact + "/pom.properties",
        text.getBytes(StandardCharsets.UTF_8));
    return entries;
  }

  /**
   * A jar nested {@code depth} levels deep: each level holds its own {@code pom.properties} ({@code
   * deep:level-N}) and the next level as {@code lib/nested.jar}.
   */
  public static byte[] nestedJar(int depth) throws IOException {
    byte[] inner = zip(pom("deep", "level-" + depth, "1.0"));
    for (int level = depth - 1; level >= 0; level--) {
      Map<String, byte[]> entries = pom("deep", "level-" + level, "1.0");
      entries.put("lib/nested.jar", inner);
      inner = zip(entries);
    }
    return inner;
  }

  /**
   * A zip bomb: a war whose {@code WEB-INF/lib/bomb.jar} (deflated, so it shrinks about a
   * thousandfold) is a jar storing {@code zeros} zero bytes uncompressed; whoever reads the nested
   * jar inflates them all.
   */
  public static byte[] zipBomb(long zeros) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream war = new ZipOutputStream(bytes)) {
      war.putNextEntry(new ZipEntry("WEB-INF/lib/bomb.jar"));
      ZipOutputStream jar = new ZipOutputStream(unclosable(war));
      ZipEntry stored = new ZipEntry("zeros.bin");
      stored.setMethod(ZipEntry.STORED);
      stored.setSize(zeros);
      stored.setCompressedSize(zeros);
      stored.setCrc(crcOfZeros(zeros));
      jar.putNextEntry(stored);
      byte[] block = new byte[1 << 16];
      for (long left = zeros; left > 0; left -= block.length) {
        jar.write(block, 0, (int) Math.min(block.length, left));
      }
      jar.closeEntry();
      jar.finish();
      war.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static long crcOfZeros(long count) {
    CRC32 crc = new CRC32();
    byte[] block = new byte[1 << 16];
    for (long left = count; left > 0; left -= block.length) {
      crc.update(block, 0, (int) Math.min(block.length, left));
    }
    return crc.getValue();
  }

  private static OutputStream unclosable(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }
    };
  }
}
