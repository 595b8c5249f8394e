package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Json;

/**
 * Brings the model's JSON to the letter of Clair's schemas where the model leaves empty fields out:
 * a vulnerability's package always has {@code name} and {@code version}, its distribution and
 * repository an {@code id}, and a package-scoped vulnerability an {@code arch_op} ({@code pattern
 * match} against an empty architecture, which matches any, when the feed states none).
 */
public final class WireJson {
  /** Clair's arch_op that, with an empty pattern, matches every architecture. */
  static final String ANY_ARCH = "pattern match";

  private WireJson() {}

  /** The JSON tree of a model record. */
  public static ObjectNode tree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  /** Completes every vulnerability in {@code container}, a JSON object or array of them. */
  public static void completeVulnerabilities(JsonNode container) {
    if (container != null) {
      container.forEach(
          v -> {
            if (v instanceof ObjectNode vulnerability) {
              complete(vulnerability);
            }
          });
    }
  }

  private static void complete(ObjectNode vulnerability) {
    for (String field : new String[] {"id", "updater"}) {
      if (!vulnerability.hasNonNull(field)) {
        vulnerability.put(field, "");
      }
    }
    if (vulnerability.get("package") instanceof ObjectNode pkg) {
      completePackage(pkg);
      if (!vulnerability.hasNonNull("arch_op")) {
        vulnerability.put("arch_op", ANY_ARCH);
      }
    }
    for (String field : new String[] {"distribution", "repository"}) {
      if (vulnerability.get(field) instanceof ObjectNode node && !node.has("id")) {
        node.put("id", "");
      }
    }
  }

  private static void completePackage(ObjectNode pkg) {
    for (String field : new String[] {"name", "version"}) {
      if (!pkg.hasNonNull(field)) {
        pkg.put(field, "");
      }
    }
    if (pkg.get("source") instanceof ObjectNode source) {
      completePackage(source);
    }
  }
}
