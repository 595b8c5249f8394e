package dev.vigil.spi;

import java.util.Comparator;

/**
 * An ecosystem's exact version ordering, e.g. apk's or dpkg's.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface VersionScheme extends Comparator<String> {

  /** A short, stable name, e.g. {@code apk}. */
  String name();

  /** True when {@code version} is well-formed in this scheme. */
  boolean isValid(String version);

  /**
   * Compares two versions: negative when {@code a} is older than {@code b}, zero when they are
   * equal, positive when newer.
   */
  @Override
  int compare(String a, String b);
}
