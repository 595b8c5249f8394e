package dev.vigil.ecosystem.osv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the OSV record parser: any archive entry, read as JSON ({@code .json}) and as YAML ({@code
 * .yaml}), yields a record for every ecosystem's reader or a {@link ScanException}.
 */
class OsvRecordReaderFuzzTest {
  private static final List<String> ENTRIES = List.of("record.json", "record.yaml");
  private static final List<OsvRecordReader> READERS =
      Arrays.stream(OsvEcosystem.values()).map(OsvRecordReader::new).toList();

  @TempDir Path dir;

  @FuzzTest(maxDuration = "10m")
  void readsOrRefuses(byte[] input) throws IOException {
    for (String entry : ENTRIES) {
      Path zip = OsvMirror.writeArchive(dir.resolve("all.zip"), Map.of(entry, input));
      try {
        OsvArchive.read(zip, "fuzz/all.zip", OsvRecordReaderFuzzTest::readForEveryEcosystem);
      } catch (ScanException expected) {
        // a clear refusal is the only allowed failure
      }
    }
  }

  private static void readForEveryEcosystem(JsonNode record, String where) {
    for (OsvRecordReader reader : READERS) {
      try {
        reader.read(record, where);
      } catch (ScanException expected) {
        // a clear refusal is the only allowed failure
      }
    }
  }
}
