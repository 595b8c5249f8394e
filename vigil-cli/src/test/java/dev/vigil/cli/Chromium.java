package dev.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian's {@code chromium}), offline, for looking at HTML reports. */
final class Chromium {
  private Chromium() {}

  /** Renders {@code page} into a 1280×2000 PNG at {@code png}. */
  static void screenshot(Path page, Path png) throws IOException, InterruptedException {
    run(page, "--screenshot=" + png, "--window-size=1280,2000", null);
  }

  /** The DOM after loading {@code page}, serialized. */
  static String dumpDom(Path page, Path scratch) throws IOException, InterruptedException {
    Path out = scratch.resolve("dom.html");
    run(page, "--dump-dom", "--window-size=1280,2000", out);
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static void run(Path page, String action, String size, Path stdout)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("vigil-chromium");
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--user-data-dir=" + profile,
                action,
                size,
                page.toUri().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(stdout == null);
    if (stdout != null) {
      builder.redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    } else {
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("chromium: no answer within 120s");
    }
    if (process.exitValue() != 0) {
      throw new IOException("chromium: exit code " + process.exitValue());
    }
  }
}
