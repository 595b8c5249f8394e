package dev.vigil.updater;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A scratch directory goes away with everything in it. */
class ScratchDirectoryTest {

  @Test
  void closingDeletesTheWholeTree() throws Exception {
    Path dir;
    try (ScratchDirectory scratch = ScratchDirectory.create("vigil-test")) {
      dir = scratch.dir();
      Files.createDirectories(dir.resolve("v3.10"));
      Files.writeString(dir.resolve("v3.10/main.json"), "{}");
      assertThat(dir.resolve("v3.10/main.json")).exists();
    }
    assertThat(dir).doesNotExist();
  }
}
