package dev.vigil.server.notifier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.datastore.NotificationStore;
import dev.vigil.datastore.NotificationStore.Notification;
import dev.vigil.datastore.VulnerabilityStore;
import dev.vigil.model.Digest;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import dev.vigil.server.http.Responses;
import dev.vigil.server.http.WireJson;
import dev.vigil.server.indexer.AffectedManifests;
import dev.vigil.server.matcher.UpdateDiff;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clair's notifier processor: for every committed update operation not processed yet, the diff
 * against the updater's previous operation, the manifests its added and removed vulnerabilities
 * affect (judged by the matchers, as reports are), and one notification per (manifest,
 * vulnerability, reason), stored as one set. An updater's first operation has nothing to compare
 * with and is recorded without notifications, as is one whose previous operation is gone.
 *
 * <p>With {@code summary}, only the most severe vulnerability per manifest and reason is kept.
 */
public final class NotificationProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationProcessor.class);

  /** The fields of Clair's {@code vulnerability_summary}. */
  private static final Set<String> SUMMARY_FIELDS =
      Set.of(
          "name",
          "fixed_in_version",
          "severity",
          "normalized_severity",
          "range",
          "arch_op",
          "package",
          "distribution",
          "repository");

  private final VulnerabilityStore vulnerabilities;
  private final AffectedManifests affected;
  private final NotificationStore notifications;
  private final boolean summary;
  private final Clock clock;

  /** A processor over these stores. */
  public NotificationProcessor(
      VulnerabilityStore vulnerabilities,
      AffectedManifests affected,
      NotificationStore notifications,
      boolean summary,
      Clock clock) {
    this.vulnerabilities = vulnerabilities;
    this.affected = affected;
    this.notifications = notifications;
    this.summary = summary;
    this.clock = clock;
  }

  /** Processes every operation not processed yet, oldest first per updater. */
  public void processNew() {
    for (List<UpdateOperation> ops : vulnerabilities.updateOperations().values()) {
      for (int i = ops.size() - 1; i >= 0; i--) {
        UpdateOperation op = ops.get(i);
        if (notifications.notificationsProcessed(op.ref())) {
          continue;
        }
        List<Notification> found =
            i + 1 < ops.size()
                ? UpdateDiff.between(vulnerabilities, ops.get(i + 1).ref(), op.ref())
                    .map(this::notificationsOf)
                    .orElse(List.of())
                : List.of();
        UUID set = notifications.saveNotifications(op.ref(), op.updater(), found, clock.instant());
        LOG.atInfo()
            .setMessage("update operation processed")
            .addKeyValue("updater", op.updater())
            .addKeyValue("operation", op.ref())
            .addKeyValue("notification_id", set)
            .addKeyValue("notifications", found.size())
            .log();
      }
    }
  }

  private List<Notification> notificationsOf(UpdateDiff diff) {
    List<Notification> out = new ArrayList<>();
    out.addAll(notificationsOf(diff.added(), "added"));
    out.addAll(notificationsOf(diff.removed(), "removed"));
    return out;
  }

  private List<Notification> notificationsOf(List<Vulnerability> changed, String reason) {
    if (changed.isEmpty()) {
      return List.of();
    }
    Map<String, Vulnerability> byId = new LinkedHashMap<>();
    changed.forEach(v -> byId.put(v.id(), v));
    List<Notification> out = new ArrayList<>();
    for (Map.Entry<Digest, Set<String>> manifest : affected.find(byId).entrySet()) {
      List<Vulnerability> hits = manifest.getValue().stream().map(byId::get).toList();
      if (summary) {
        hits =
            List.of(
                hits.stream()
                    .max(Comparator.comparing(Vulnerability::normalizedSeverity))
                    .orElseThrow());
      }
      for (Vulnerability v : hits) {
        out.add(new Notification(UUID.randomUUID(), manifest.getKey(), reason, summaryJson(v)));
      }
    }
    return out;
  }

  /** The vulnerability as Clair's {@code vulnerability_summary}. */
  static String summaryJson(Vulnerability v) {
    ObjectNode tree = WireJson.tree(v);
    WireJson.completeVulnerabilities(JsonNodeFactory.instance.objectNode().set("v", tree));
    tree.retain(SUMMARY_FIELDS);
    return new String(Responses.encode(tree), StandardCharsets.UTF_8);
  }
}
