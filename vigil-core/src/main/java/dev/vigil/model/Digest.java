package dev.vigil.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:0123…}: the identity of manifests and layers.
 *
 * <p>Only well-formed digests can be built: the algorithm must be {@code sha256} or {@code sha512}
 * and the hex part must have the algorithm's length, in lower case.
 */
public record Digest(String algorithm, String hex) {
  private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

  /** Validates the parts. */
  public Digest {
    int length =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha512" -> 128;
          default ->
              throw new IllegalArgumentException("digest: unsupported algorithm " + algorithm);
        };
    if (hex.length() != length || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("digest: malformed " + algorithm + " hex '" + hex + "'");
    }
  }

  /** Parses {@code algorithm:hex}; throws {@link IllegalArgumentException} when malformed. */
  @JsonCreator
  public static Digest parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("digest: malformed '" + text + "'");
    }
    return new Digest(text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1));
  }

  /** The sha256 digest of the given bytes. */
  public static Digest sha256(byte[] bytes) {
    return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(bytes)));
  }

  /** The sha256 digest that a finished {@link MessageDigest} computed. */
  public static Digest sha256(MessageDigest finished) {
    return new Digest("sha256", HexFormat.of().formatHex(finished.digest()));
  }

  /** A fresh SHA-256 message digest, for hashing streams as they pass. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  /** The digest as {@code algorithm:hex}. */
  @JsonValue
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
