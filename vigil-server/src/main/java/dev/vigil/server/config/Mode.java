package dev.vigil.server.config;

import java.util.Locale;

/** Which services one {@code vigil serve} process runs, as Clair's modes. */
public enum Mode {
  /** Indexer and matcher in one process, with the legacy v1 API. */
  COMBO,
  /** Only the indexer: manifests in, index reports out. */
  INDEXER,
  /** Only the matcher: vulnerability reports from a remote indexer's index reports. */
  MATCHER,
  /** Only the notifier. */
  NOTIFIER;

  /** Parses a mode name case-insensitively. */
  public static Mode parse(String text) {
    for (Mode mode : values()) {
      if (mode.name().equalsIgnoreCase(text.trim())) {
        return mode;
      }
    }
    throw new ConfigException(
        "config: unknown mode '" + text + "' (use combo, indexer, matcher or notifier)");
  }

  /** True when this mode runs the indexer. */
  public boolean runsIndexer() {
    return this == COMBO || this == INDEXER;
  }

  /** True when this mode runs the matcher. */
  public boolean runsMatcher() {
    return this == COMBO || this == MATCHER;
  }

  /** The name as Clair spells it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
