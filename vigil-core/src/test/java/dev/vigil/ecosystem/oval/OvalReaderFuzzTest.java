package dev.vigil.ecosystem.oval;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.spi.ScanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the OVAL reader: any document yields definitions or a {@link ScanException}; a DOCTYPE
 * (and with it every external entity) is refused.
 */
class OvalReaderFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void readsOrRefuses(byte[] input) throws IOException {
    try {
      OvalReader.read(new ByteArrayInputStream(input), "fuzz.xml");
    } catch (ScanException expected) {
      // a clear refusal is the only allowed failure
    }
  }
}
