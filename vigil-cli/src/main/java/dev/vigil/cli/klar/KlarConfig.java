package dev.vigil.cli.klar;

import dev.vigil.registry.Credential;
import dev.vigil.registry.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * klar's settings, read from the environment as klar reads them.
 *
 * @param image the image reference given on the command line
 * @param clairAddr {@code CLAIR_ADDR}: the Clair server, scheme and port optional
 * @param clairOutput {@code CLAIR_OUTPUT}: the lowest severity shown and counted
 * @param threshold {@code CLAIR_THRESHOLD}: how many counted findings still exit 0
 * @param format {@code FORMAT_OUTPUT} (standard, json, table), json when {@code JSON_OUTPUT}
 * @param clairTimeoutMinutes {@code CLAIR_TIMEOUT} in minutes, 1 when unset
 * @param dockerTimeoutMinutes {@code DOCKER_TIMEOUT} in minutes, 1 when unset
 * @param credential from {@code DOCKER_USER}/{@code DOCKER_PASSWORD} or {@code DOCKER_TOKEN}, or
 *     null
 * @param tlsInsecure {@code DOCKER_INSECURE}: skip TLS verification
 * @param registryInsecure {@code REGISTRY_INSECURE}: allow plain HTTP
 * @param platform {@code DOCKER_PLATFORM_OS}/{@code DOCKER_PLATFORM_ARCH}, linux/amd64 by default
 * @param whitelistFile {@code WHITELIST_FILE}, or empty
 * @param ignoreUnfixed {@code IGNORE_UNFIXED}: do not count findings without a fix
 * @param trace {@code KLAR_TRACE}: print every request and response status on stderr
 */
public record KlarConfig(
    String image,
    String clairAddr,
    String clairOutput,
    int threshold,
    String format,
    int clairTimeoutMinutes,
    int dockerTimeoutMinutes,
    Credential credential,
    boolean tlsInsecure,
    boolean registryInsecure,
    Platform platform,
    String whitelistFile,
    boolean ignoreUnfixed,
    boolean trace) {

  /** klar's severities, lowest first. */
  public static final List<String> PRIORITIES =
      List.of("Unknown", "Negligible", "Low", "Medium", "High", "Critical", "Defcon1");

  /** klar's output formats; the first is the default. */
  static final List<String> FORMATS = List.of("standard", "json", "table");

  /** Whether the JSON format was chosen (klar then prints no progress lines). */
  public boolean json() {
    return format.equals("json");
  }

  /** The Clair request timeout. */
  public Duration clairTimeout() {
    return Duration.ofMinutes(clairTimeoutMinutes);
  }

  /** The registry timeout. */
  public Duration dockerTimeout() {
    return Duration.ofMinutes(dockerTimeoutMinutes);
  }

  /**
   * Reads the settings for {@code image} from {@code env}.
   *
   * @throws IllegalArgumentException with klar's message when CLAIR_ADDR is missing or
   *     CLAIR_OUTPUT, FORMAT_OUTPUT or DOCKER_TOKEN is invalid
   */
  public static KlarConfig fromEnvironment(Map<String, String> env, String image) {
    String clairAddr = env.getOrDefault("CLAIR_ADDR", "");
    if (clairAddr.isEmpty()) {
      throw new IllegalArgumentException("Clair address must be provided");
    }
    return new KlarConfig(
        image,
        clairAddr,
        outputPriority(env.getOrDefault("CLAIR_OUTPUT", "")),
        intOption(env, "CLAIR_THRESHOLD"),
        format(env),
        minutes(env, "CLAIR_TIMEOUT"),
        minutes(env, "DOCKER_TIMEOUT"),
        credential(env),
        boolOption(env, "DOCKER_INSECURE"),
        boolOption(env, "REGISTRY_INSECURE"),
        new Platform(
            env.getOrDefault("DOCKER_PLATFORM_OS", "").isEmpty()
                ? "linux"
                : env.get("DOCKER_PLATFORM_OS"),
            env.getOrDefault("DOCKER_PLATFORM_ARCH", "").isEmpty()
                ? "amd64"
                : env.get("DOCKER_PLATFORM_ARCH"),
            ""),
        env.getOrDefault("WHITELIST_FILE", ""),
        boolOption(env, "IGNORE_UNFIXED"),
        !env.getOrDefault("KLAR_TRACE", "").isEmpty());
  }

  private static String outputPriority(String value) {
    if (value.isEmpty()) {
      return PRIORITIES.get(0);
    }
    String lower = value.toLowerCase(Locale.ROOT);
    String title = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    if (!PRIORITIES.contains(title)) {
      throw new IllegalArgumentException(
          "Clair output level " + value + " is not supported, only support " + goList(PRIORITIES));
    }
    return title;
  }

  private static String format(Map<String, String> env) {
    if (boolOption(env, "JSON_OUTPUT")) {
      return "json";
    }
    String value = env.getOrDefault("FORMAT_OUTPUT", "");
    if (value.isEmpty()) {
      return FORMATS.get(0);
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(lower)) {
      throw new IllegalArgumentException(
          "Format type " + value + " is not supported, only support " + goList(FORMATS));
    }
    return lower;
  }

  private static Credential credential(Map<String, String> env) {
    String user = env.getOrDefault("DOCKER_USER", "");
    if (!user.isEmpty()) {
      return new Credential(user, env.getOrDefault("DOCKER_PASSWORD", ""));
    }
    String token = env.getOrDefault("DOCKER_TOKEN", "");
    if (token.isEmpty()) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DOCKER_TOKEN is not base64 of user:password", e);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("DOCKER_TOKEN is not base64 of user:password");
    }
    return new Credential(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** Go's {@code strconv.Atoi} with errors read as 0, as klar does. */
  private static int intOption(Map<String, String> env, String key) {
    try {
      return Integer.parseInt(env.getOrDefault(key, ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A timeout in minutes; klar's default of 1 when unset, zero or (unlike klar) negative. */
  private static int minutes(Map<String, String> env, String key) {
    int value = intOption(env, key);
    return value <= 0 ? 1 : value;
  }

  /** Go's {@code strconv.ParseBool} with errors read as false, as klar does. */
  static boolean boolOption(Map<String, String> env, String key) {
    return List.of("1", "t", "T", "TRUE", "true", "True").contains(env.getOrDefault(key, ""));
  }

  /** A list as Go's {@code %v} prints it: {@code [a b c]}. */
  private static String goList(List<String> values) {
    return "[" + String.join(" ", values) + "]";
  }
}
