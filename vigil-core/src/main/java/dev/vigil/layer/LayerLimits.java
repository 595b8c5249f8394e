package dev.vigil.layer;

import java.util.Map;

/**
 * The bounds on reading one layer, the guard against decompression bombs and entry floods.
 *
 * <p>The defaults come from the environment, so every face (CLI, klar, server) reads them alike:
 * {@code VIGIL_LAYER_MAX_BYTES} (uncompressed bytes, default 64 GiB), {@code VIGIL_LAYER_MAX_RATIO}
 * (uncompressed to compressed bytes, default 1000, checked once a layer has expanded past 1 GiB,
 * since no real layer keeps a higher ratio over that much data) and {@code VIGIL_LAYER_MAX_ENTRIES}
 * (tar entries, default 5,000,000).
 *
 * @param maxUncompressedBytes the most bytes a layer may expand to
 * @param maxExpansionRatio the most uncompressed bytes per compressed byte, past the floor
 * @param ratioFloor how many uncompressed bytes a layer may have before the ratio is checked
 * @param maxEntries the most tar entries a layer may hold
 */
public record LayerLimits(
    long maxUncompressedBytes, long maxExpansionRatio, long ratioFloor, long maxEntries) {

  /** The limits when the environment sets none. */
  public static final LayerLimits DEFAULTS = new LayerLimits(64L << 30, 1000, 1L << 30, 5_000_000);

  private static final LayerLimits CONFIGURED = from(System.getenv());

  /** Checks that every limit is positive. */
  public LayerLimits {
    if (maxUncompressedBytes <= 0 || maxExpansionRatio <= 0 || ratioFloor < 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("layer: every limit must be positive");
    }
  }

  /** The limits this process runs with: the defaults, overridden by the environment. */
  public static LayerLimits configured() {
    return CONFIGURED;
  }

  /**
   * The defaults overridden by the {@code VIGIL_LAYER_*} variables of {@code environment}.
   *
   * @throws IllegalArgumentException when a variable is not a positive whole number
   */
  static LayerLimits from(Map<String, String> environment) {
    return new LayerLimits(
        number(environment, "VIGIL_LAYER_MAX_BYTES", DEFAULTS.maxUncompressedBytes),
        number(environment, "VIGIL_LAYER_MAX_RATIO", DEFAULTS.maxExpansionRatio),
        DEFAULTS.ratioFloor,
        number(environment, "VIGIL_LAYER_MAX_ENTRIES", DEFAULTS.maxEntries));
  }

  /** The same limits with another uncompressed-size limit. */
  public LayerLimits withMaxUncompressedBytes(long bytes) {
    return new LayerLimits(bytes, maxExpansionRatio, ratioFloor, maxEntries);
  }

  private static long number(Map<String, String> environment, String name, long fallback) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
    }
  }
}
