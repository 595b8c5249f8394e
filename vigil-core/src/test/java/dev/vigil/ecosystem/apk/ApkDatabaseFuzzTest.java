package dev.vigil.ecosystem.apk;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.spi.ScanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the apk installed-database parser: any input yields packages or a {@link ScanException}.
 */
class ApkDatabaseFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void parsesOrRefuses(byte[] input) throws IOException {
    try {
      ApkDatabase.parse(new ByteArrayInputStream(input), ApkInstalledScanner.DATABASE);
    } catch (ScanException expected) {
      // a clear refusal is the only allowed failure
    }
  }
}
