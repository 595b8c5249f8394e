package dev.vigil.ecosystem.dpkg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.spi.ScanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Fuzzes the dpkg status parser: any input yields packages or a {@link ScanException}. */
class DpkgDatabaseFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void parsesOrRefuses(byte[] input) throws IOException {
    try {
      DpkgDatabase.parse(new ByteArrayInputStream(input), "var/lib/dpkg/status", false);
    } catch (ScanException expected) {
      // a clear refusal is the only allowed failure
    }
  }
}
