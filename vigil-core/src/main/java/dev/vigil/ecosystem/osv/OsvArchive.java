package dev.vigil.ecosystem.osv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.layer.SizeLimitedInputStream;
import dev.vigil.model.Json;
import dev.vigil.spi.ScanException;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an ecosystem's {@code all.zip} one entry at a time, never the whole archive in memory: each
 * {@code .json}, {@code .yaml} or {@code .yml} entry is one OSV record, read through a size limit
 * (a zip bomb stops at {@link #MAX_ENTRY_BYTES}); other entries are skipped. At most {@link
 * #MAX_ENTRIES} entries are read.
 */
final class OsvArchive {
  /** The largest record read; the largest real OSV records are a few MiB. */
  static final long MAX_ENTRY_BYTES = 32L << 20;

  /** The most entries one archive may have. */
  static final int MAX_ENTRIES = 2_000_000;

  /** Receives each record of an archive. */
  interface RecordSink {
    /** Takes the record of the entry that {@code where} names. */
    void accept(JsonNode record, String where) throws IOException;
  }

  private OsvArchive() {}

  /**
   * Reads every record of {@code zip}, named in errors as {@code label: entry}.
   *
   * @throws ScanException when the archive or a record is malformed or over a limit
   */
  static void read(Path zip, String label, RecordSink sink) throws IOException {
    try (ZipInputStream in =
        new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
      int count = 0;
      for (ZipEntry entry = next(in, label); entry != null; entry = next(in, label)) {
        if (++count > MAX_ENTRIES) {
          throw new ScanException(
              "osv: " + label + ": more than " + MAX_ENTRIES + " entries; refusing the archive");
        }
        ObjectMapper mapper = mapperFor(entry);
        if (entry.isDirectory() || mapper == null) {
          continue;
        }
        String where = label + ": " + entry.getName();
        InputStream limited =
            new SizeLimitedInputStream(
                in,
                MAX_ENTRY_BYTES,
                "osv: "
                    + where
                    + ": entry larger than "
                    + (MAX_ENTRY_BYTES >> 20)
                    + " MiB;"
                    + " refusing it (zip bomb?)");
        sink.accept(parse(mapper, limited, where), where);
      }
    }
  }

  private static ZipEntry next(ZipInputStream in, String label) throws ScanException {
    try {
      return in.getNextEntry();
    } catch (ZipException e) {
      throw new ScanException(
          "osv: " + label + ": not a readable zip archive: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ScanException("osv: " + label + ": cannot read the archive: " + e.getMessage(), e);
    }
  }

  private static ObjectMapper mapperFor(ZipEntry entry) {
    String name = entry.getName().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Json.mapper();
    }
    return name.endsWith(".yaml") || name.endsWith(".yml") ? Json.yamlMapper() : null;
  }

  private static JsonNode parse(ObjectMapper mapper, InputStream in, String where)
      throws IOException {
    try {
      byte[] bytes = in.readAllBytes();
      return mapper.readTree(bytes);
    } catch (JsonProcessingException | CharConversionException e) {
      throw new ScanException("osv: " + where + ": not an OSV record: " + Json.failure(e), e);
    } catch (ZipException e) {
      throw new ScanException("osv: " + where + ": corrupt entry: " + e.getMessage(), e);
    }
  }
}
