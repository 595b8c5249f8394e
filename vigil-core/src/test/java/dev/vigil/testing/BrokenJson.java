package dev.vigil.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A JSON document in a broken encoding: Jackson detects UTF-32 big-endian from the leading zero
 * bytes, then meets a code point beyond U+10FFFF and throws a {@code CharConversionException}, an
 * {@code IOException} that is not a {@code JsonProcessingException}.
 */
public final class BrokenJson {
  private static final byte[] UTF32_OUT_OF_RANGE = {
    0, 0, 0, '{', 0, 0, 0, '"', 0x7f, 0, 0, 0, 0, 0, 0, '"', 0, 0, 0, '}'
  };

  private BrokenJson() {}

  /** The document's bytes. */
  public static byte[] bytes() {
    return UTF32_OUT_OF_RANGE.clone();
  }

  /** The document as a stream. */
  public static InputStream stream() {
    return new ByteArrayInputStream(bytes());
  }
}
