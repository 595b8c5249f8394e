package dev.vigil.registry;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The registry rig of {@code ../shared/rig}: its registries ({@code rig.env}, written by {@code
 * registry-up.sh}) and the images pushed into them and written as archives ({@code images.env},
 * written by {@code build-images.sh}). Tests fail at once, saying how to start the rig, when it is
 * not up.
 */
public final class Rig {
  private static Rig loaded;

  private final Properties values;

  private Rig(Properties values) {
    this.values = values;
  }

  /** The rig, loaded once per JVM. */
  public static synchronized Rig get() {
    if (loaded == null) {
      Properties values = new Properties();
      String state = System.getenv().getOrDefault("RIG_STATE_DIR", "/tmp/scanner-rig");
      load(values, Path.of(state, "rig.env"));
      load(values, imagesDir().resolve("images.env"));
      for (String key : new String[] {"RIG_REGISTRY", "RIG_TLS_REGISTRY", "RIG_IMG_TINY_1_0"}) {
        if (!values.containsKey(key)) {
          throw new IllegalStateException("rig: " + key + " is not set; " + HOW);
        }
      }
      loaded = new Rig(values);
    }
    return loaded;
  }

  private static final String HOW =
      "start the registry rig with scripts/test.sh (it runs ../shared/rig/registry-up.sh and"
          + " build-images.sh into $VIGIL_RIG_IMAGES)";

  private static Path imagesDir() {
    String property = System.getProperty("vigil.rig.images", "");
    if (!property.isBlank() && !property.startsWith("${")) {
      return Path.of(property);
    }
    return Path.of(System.getenv().getOrDefault("VIGIL_RIG_IMAGES", "/tmp/vigil-rig-images"));
  }

  private static void load(Properties values, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("rig: " + file + " is missing; " + HOW);
    }
    try (Reader reader = Files.newBufferedReader(file)) {
      values.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("rig: cannot read " + file + "; " + HOW, e);
    }
  }

  /** A value of rig.env or images.env, e.g. {@code RIG_BASIC_REGISTRY}. */
  public String value(String key) {
    String value = values.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("rig: " + key + " is not set; " + HOW);
    }
    return value;
  }

  /** The open registry, {@code 127.0.0.1:5000}. */
  public String open() {
    return value("RIG_REGISTRY");
  }

  /** The registry with HTTP Basic auth. */
  public String basic() {
    return value("RIG_BASIC_REGISTRY");
  }

  /** The registry with bearer-token auth. */
  public String token() {
    return value("RIG_TOKEN_REGISTRY");
  }

  /** The TLS registry (no auth, certificate from the rig CA). */
  public String tls() {
    return value("RIG_TLS_REGISTRY");
  }

  /** The rig CA certificate (PEM) that signed the TLS registry's certificate. */
  public Path tlsCa() {
    return Path.of(value("RIG_TLS_CA"));
  }

  /** The user and password every authenticated rig registry accepts. */
  public Credential credential() {
    return new Credential(value("RIG_BASIC_USER"), value("RIG_BASIC_PASS"));
  }

  /** A file written by build-images.sh, e.g. {@code tiny.docker.tar}. */
  public Path archive(String name) {
    return Path.of(value("RIG_ARCHIVE_DIR")).resolve(name);
  }

  /** The rig's OCI image layout directory. */
  public Path ociLayout() {
    return Path.of(value("RIG_OCI_LAYOUT"));
  }
}
