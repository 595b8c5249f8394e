package dev.vigil.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes an updater's fingerprint: the {@link Validators} of every URL it fetched, as a JSON
 * object keyed by URL in sorted order, so equal states give equal strings.
 */
public final class Fingerprint {
  private static final Logger LOG = LoggerFactory.getLogger(Fingerprint.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<TreeMap<String, Validators>> TYPE = new TypeReference<>() {};

  private Fingerprint() {}

  /** The JSON form of {@code validators}, keyed by URL. */
  public static String encode(Map<String, Validators> validators) {
    try {
      return MAPPER.writeValueAsString(new TreeMap<>(validators));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("feed: cannot encode a fingerprint", e);
    }
  }

  /**
   * Reads a fingerprint written by {@link #encode}. A null, blank or unreadable fingerprint gives
   * an empty map, so the next fetch is unconditional.
   */
  public static SortedMap<String, Validators> decode(String fingerprint) {
    if (fingerprint == null || fingerprint.isBlank()) {
      return new TreeMap<>();
    }
    try {
      TreeMap<String, Validators> decoded = MAPPER.readValue(fingerprint, TYPE);
      return decoded == null ? new TreeMap<>() : decoded;
    } catch (JsonProcessingException e) {
      LOG.atWarn()
          .setMessage("feed: ignoring an unreadable fingerprint")
          .addKeyValue("error", e.getOriginalMessage())
          .log();
      return new TreeMap<>();
    }
  }
}
