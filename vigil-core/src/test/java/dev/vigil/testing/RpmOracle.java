package dev.vigil.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * rpm itself as the oracle of version order: Debian's {@code rpm} evaluates {@code rpm.vercmp}
 * (which is {@code rpmverCmp} over {@code rpmverParse}) for many pairs in one process.
 */
public final class RpmOracle {
  private RpmOracle() {}

  /**
   * Runs rpm once: either every ordered pair of {@code values} ({@code all}), or consecutive pairs
   * ({@code values[0]} with {@code values[1]}, …). One answer ({@code -1}, {@code 0}, {@code 1})
   * per pair.
   *
   * @param tmp a directory for the Lua script
   */
  public static List<String> vercmp(Path tmp, List<String> values, boolean all)
      throws IOException, InterruptedException {
    StringBuilder lua = new StringBuilder("local v = {\n");
    for (String value : values) {
      lua.append("[[").append(value).append("]],\n");
    }
    lua.append("}\n");
    lua.append(
        all
            ? "for i = 1, #v do for j = 1, #v do"
                + " io.write(rpm.vercmp(v[i], v[j]), '\\n') end end\n"
            : "for i = 1, #v, 2 do io.write(rpm.vercmp(v[i], v[i + 1]), '\\n') end\n");
    Path script = Files.createTempFile(tmp, "vercmp", ".lua");
    Files.writeString(script, lua, StandardCharsets.UTF_8);
    Process rpm =
        new ProcessBuilder("rpm", "--eval", "%{lua: dofile('" + script + "')}")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(rpm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!rpm.waitFor(60, TimeUnit.SECONDS) || rpm.exitValue() != 0) {
      throw new IOException("rpm: vercmp failed or timed out");
    }
    List<String> answers = out.lines().filter(l -> !l.isBlank()).toList();
    int expected = all ? values.size() * values.size() : values.size() / 2;
    if (answers.size() != expected) {
      throw new IOException("rpm: " + answers.size() + " answers for " + expected + " pairs");
    }
    return answers;
  }
}
