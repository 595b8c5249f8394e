package dev.vigil.model;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one Jackson configuration for the model's wire format (Clair v4 JSON).
 *
 * <p>The model leaves empty strings out of its JSON, so absent strings read back as empty strings,
 * the model's own convention for "none": a record survives a round trip equal.
 *
 * <p>Every document it reads is untrusted (API requests, feeds, SBOMs), so its parser limits are
 * set here on purpose rather than left to Jackson's defaults: {@link #MAX_NESTING_DEPTH} levels of
 * arrays and objects, strings of at most {@link #MAX_STRING_LENGTH} characters, numbers of at most
 * {@link #MAX_NUMBER_LENGTH} digits. A document beyond them fails as a {@code
 * JsonProcessingException} before it can exhaust the stack or the heap.
 */
public final class Json {
  /** The deepest nesting of arrays and objects read; Clair's documents need fewer than 10. */
  public static final int MAX_NESTING_DEPTH = 200;

  /** The longest string value read, in characters (a CVE description is a few thousand). */
  public static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;

  /** The longest number read, in characters. */
  public static final int MAX_NUMBER_LENGTH = 100;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .build();

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .withConfigOverride(
              String.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
          .build();

  private Json() {}

  /**
   * Why reading a JSON document failed, in one line: Jackson's message without its location suffix,
   * or the message of a {@code CharConversionException} (bytes in a broken encoding, which Jackson
   * raises as a plain {@code IOException}).
   */
  public static String failure(IOException e) {
    String message =
        e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return message == null ? e.toString() : message;
  }

  private static final ObjectMapper YAML =
      YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(LIMITS).build()).build();

  /** The shared, thread-safe mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A thread-safe mapper for untrusted YAML documents (feeds published as YAML), to read trees with
   * the same limits; do not reconfigure it.
   */
  public static ObjectMapper yamlMapper() {
    return YAML;
  }
}
