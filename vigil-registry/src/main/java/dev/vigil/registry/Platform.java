package dev.vigil.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;

/**
 * An image platform such as {@code linux/amd64} or {@code linux/arm64/v8}, as OCI indexes and image
 * configs name it.
 *
 * @param os the operating system, e.g. {@code linux}
 * @param architecture the CPU architecture, e.g. {@code arm64}
 * @param variant the CPU variant, e.g. {@code v8}, or empty
 */
public record Platform(String os, String architecture, String variant) {

  /** The platform chosen when none is asked for. */
  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", "");

  /** Checks the parts; a null variant becomes empty. */
  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    variant = variant == null ? "" : variant;
  }

  /**
   * Parses {@code os/architecture[/variant]}.
   *
   * @throws IllegalArgumentException when the text has another shape
   */
  public static Platform parse(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "registry: malformed platform '" + text + "', expected os/architecture[/variant]");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
  }

  /**
   * The platform that an image config or a descriptor's {@code platform} object names, or null when
   * it lacks {@code os} or {@code architecture}.
   */
  public static Platform of(JsonNode node) {
    String os = node.path("os").asText("");
    String architecture = node.path("architecture").asText("");
    if (os.isEmpty() || architecture.isEmpty()) {
      return null;
    }
    return new Platform(os, architecture, node.path("variant").asText(""));
  }

  /**
   * True when an image built for {@code candidate} fits this requested platform: same os and
   * architecture, and the same variant unless none was asked for ({@code arm64} with no variant
   * counts as {@code v8}).
   */
  public boolean matches(Platform candidate) {
    if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
      return false;
    }
    return variant.isEmpty()
        || variant.equals(candidate.variant)
        || (candidate.variant.isEmpty() && architecture.equals("arm64") && variant.equals("v8"));
  }

  /** The platform as {@code os/architecture[/variant]}. */
  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }
}
