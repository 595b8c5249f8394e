package dev.vigil.ecosystem.rhel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Json;
import dev.vigil.model.Package;
import dev.vigil.model.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the index report of a Red Hat container image from its rpm manifest as Red Hat's catalog
 * publishes it ({@code pkgdb/manifests/redhat/*.rpm-manifest.json}): one binary package per rpm
 * with its source package, and the {@code _repositoryhint} {@code repoid=...} as a content set
 * repository, as {@link ContentManifestScanner} states them.
 *
 * <p>The manifests write the binary epoch in different places or not at all: it is taken from
 * {@code version} ({@code 1:3.2.2}), else {@code nerva} ({@code
 * openssl-libs-1:1.1.1-8.el8.x86_64}), else {@code srpm_nevra} ({@code perl-4:5.32.1-480.el9.src}),
 * else from {@code epochs} by source name, else none.
 */
public final class RpmManifests {
  private static final Pattern SRPM_EPOCH = Pattern.compile(".*-(\\d+):[^-]+-[^-]+\\.src");
  private static final Pattern NEVRA_EPOCH = Pattern.compile(".*-(\\d+):[^-]+-[^-]+");

  private RpmManifests() {}

  /** The epoch {@code nerva} or {@code srpm_nevra} writes, else the stated one, else 0. */
  private static String epoch(JsonNode rpm, String srpm, Map<String, String> epochs) {
    Matcher nevra = NEVRA_EPOCH.matcher(rpm.path("nerva").asText());
    if (nevra.matches()) {
      return nevra.group(1);
    }
    Matcher written = SRPM_EPOCH.matcher(rpm.path("srpm_nevra").asText());
    return written.matches() ? written.group(1) : epochs.getOrDefault(srpm, "0");
  }

  /** The report of {@code manifest}, a RHEL image of {@code versionId} (e.g. {@code 9.2}). */
  public static IndexReport read(Path manifest, String versionId, Map<String, String> epochs)
      throws IOException {
    JsonNode rpms = Json.mapper().readTree(manifest.toFile()).path("rpms");
    String major = versionId.split("\\.")[0];
    Distribution rhel =
        new Distribution(
            "1",
            RhelReleaseScanner.RHEL,
            "Red Hat Enterprise Linux",
            versionId,
            "",
            versionId,
            "",
            "cpe:2.3:o:redhat:enterprise_linux:" + major + ":*:*:*:*:*:*:*",
            "Red Hat Enterprise Linux " + versionId);
    Map<String, Package> packages = new LinkedHashMap<>();
    Map<String, Repository> repositories = new LinkedHashMap<>();
    Map<String, List<Environment>> environments = new LinkedHashMap<>();
    for (JsonNode rpm : rpms) {
      String id = Integer.toString(packages.size() + 1);
      String srpm = rpm.path("srpm_name").asText();
      String[] version = rpm.path("version").asText().split(":", 2);
      String epoch = version.length == 2 ? version[0] : epoch(rpm, srpm, epochs);
      String evr =
          (epoch.equals("0") ? "" : epoch + ":")
              + version[version.length - 1]
              + "-"
              + rpm.path("release").asText();
      Package pkg =
          Package.binary(
                  rpm.path("name").asText(),
                  evr,
                  rpm.path("architecture").asText(),
                  Package.source(srpm, ""))
              .withId(id);
      packages.put(id, pkg);
      String hint = rpm.path("_repositoryhint").asText("");
      List<String> repositoryIds = List.of();
      if (hint.startsWith("repoid=")) {
        String contentSet = hint.substring("repoid=".length());
        Repository repository =
            repositories.computeIfAbsent(
                contentSet,
                set ->
                    new Repository(
                        "r" + (repositories.size() + 1), set, ContentManifestScanner.KEY, "", ""));
        repositoryIds = List.of(repository.id());
      }
      environments.put(id, List.of(new Environment("var/lib/rpm", null, "1", repositoryIds)));
    }
    Map<String, Repository> byId = new LinkedHashMap<>();
    repositories.values().forEach(r -> byId.put(r.id(), r));
    return new IndexReport(
        null, IndexReport.FINISHED, packages, Map.of("1", rhel), byId, environments, true, "");
  }
}
