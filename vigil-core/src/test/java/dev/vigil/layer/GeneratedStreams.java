package dev.vigil.layer;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Huge hostile inputs made as streams while they are read, never as files: tars of generated
 * entries, and compressed bombs made of one small compressed member repeated.
 */
final class GeneratedStreams {
  private static final int BLOCK = 512;

  private GeneratedStreams() {}

  /** One tar entry to generate: a regular file of {@code size} zero bytes. */
  record ZeroFile(String path, long size) {}

  /**
   * A plain tar of the given entries, each file's content zero bytes, ending in two zero blocks.
   */
  static InputStream tar(Iterator<ZeroFile> files) {
    return new InputStream() {
      private byte[] header = new byte[0];
      private int headerPos;
      private long zerosLeft;
      private int trailerLeft = 2 * BLOCK;
      private boolean done;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
          if (headerPos < header.length) {
            int n = Math.min(len, header.length - headerPos);
            System.arraycopy(header, headerPos, b, off, n);
            headerPos += n;
            return n;
          }
          if (zerosLeft > 0) {
            int n = (int) Math.min(len, zerosLeft);
            Arrays.fill(b, off, off + n, (byte) 0);
            zerosLeft -= n;
            return n;
          }
          if (files.hasNext()) {
            ZeroFile next = files.next();
            header = header(next);
            headerPos = 0;
            zerosLeft = (next.size() + BLOCK - 1) / BLOCK * BLOCK;
            continue;
          }
          if (done || trailerLeft == 0) {
            done = true;
            return -1;
          }
          int n = Math.min(len, trailerLeft);
          Arrays.fill(b, off, off + n, (byte) 0);
          trailerLeft -= n;
          return n;
        }
      }
    };
  }

  /** The tar header block of {@code file}, sizes beyond 8 GiB in star's binary form. */
  static byte[] header(ZeroFile file) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(file.path());
    entry.setSize(file.size());
    byte[] header = new byte[BLOCK];
    entry.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding("UTF-8"), true);
    return header;
  }

  /** {@code count} files named {@code dir/N}, each {@code size} bytes. */
  static Iterator<ZeroFile> manyFiles(String dir, int count, long size) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public ZeroFile next() {
        return new ZeroFile(dir + "/d" + (next / 1000) + "/f" + next++, size);
      }
    };
  }

  /** The bytes of {@code in}, gzip-compressed as one member. */
  static byte[] gzip(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      in.transferTo(gzip);
    }
    return out.toByteArray();
  }

  /** The bytes of {@code in}, zstd-compressed as one frame. */
  static byte[] zstd(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zstd = new ZstdOutputStream(out)) {
      in.transferTo(zstd);
    }
    return out.toByteArray();
  }

  /** {@code head}, then {@code member} repeated {@code times} times: concatenated members. */
  static InputStream repeated(byte[] head, byte[] member, long times) {
    return new InputStream() {
      private long index = -1;
      private int pos;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        while (true) {
          byte[] current = index < 0 ? head : member;
          if (pos < current.length) {
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
          }
          if (index + 1 >= times) {
            return -1;
          }
          index++;
          pos = 0;
        }
      }
    };
  }

  /** {@code size} zero bytes. */
  static InputStream zeros(long size) {
    return new InputStream() {
      private long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }
}
