package dev.vigil.ecosystem.lang;

/**
 * How much work one archive found in an image may cause, its nested archives included: the guard
 * against zip bombs and endlessly nested jars. An archive beyond a limit is refused whole.
 *
 * @param maxDepth how deep archives may nest (the archive in the image is depth 0)
 * @param maxEntries the most entries all the nested archives may hold together
 * @param maxBytes the most bytes that may be decompressed from them together
 */
public record ArchiveLimits(int maxDepth, long maxEntries, long maxBytes) {

  /** 16 levels, 500,000 entries and 2 GiB decompressed. */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(16, 500_000, 2L << 30);
}
