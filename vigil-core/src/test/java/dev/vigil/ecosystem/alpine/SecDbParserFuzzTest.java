package dev.vigil.ecosystem.alpine;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Fuzzes the SecDB parser: any file yields vulnerabilities or a {@link ScanException}. */
class SecDbParserFuzzTest {

  @TempDir Path dir;

  @FuzzTest(maxDuration = "10m")
  void parsesOrRefuses(byte[] input) throws IOException {
    Path file = Files.write(dir.resolve("main.json"), input);
    try {
      new SecDbParser(AlpineSecDbUpdater.NAME).parse(file);
    } catch (ScanException expected) {
      // a clear refusal is the only allowed failure
    }
  }
}
