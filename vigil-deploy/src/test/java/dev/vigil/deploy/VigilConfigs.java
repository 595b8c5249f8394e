package dev.vigil.deploy;

import dev.vigil.server.config.ConfigLoader;
import dev.vigil.server.config.Mode;
import dev.vigil.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads a shipped configuration with Vigil's own loader, as {@code vigil serve} would. */
final class VigilConfigs {
  private VigilConfigs() {}

  /**
   * The configuration {@code vigil ARGS} loads from {@code configYaml} in {@code env}.
   *
   * @param args the container's arguments: {@code serve --mode MODE --config FILE}
   */
  static ServerConfig load(List<String> args, String configYaml, Map<String, String> env, Path tmp)
      throws IOException {
    int mode = args.indexOf("--mode");
    Path file = Files.createTempFile(tmp, "config", ".yaml");
    Files.writeString(file, configYaml);
    return ConfigLoader.load(mode < 0 ? Mode.COMBO : Mode.parse(args.get(mode + 1)), file, env);
  }
}
