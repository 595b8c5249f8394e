package dev.vigil.ecosystem.rpm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.spi.ScanException;

/** Fuzzes the rpm header parser: any blob yields a header or a {@link ScanException}. */
class RpmHeaderFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void parsesOrRefuses(byte[] blob) {
    try {
      RpmPackageInfo.of(RpmHeader.parse(blob));
    } catch (ScanException expected) {
      // a clear refusal is the only allowed failure
    }
  }
}
