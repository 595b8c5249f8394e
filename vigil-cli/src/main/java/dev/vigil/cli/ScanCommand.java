package dev.vigil.cli;

import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.image.Image;
import dev.vigil.image.ImageInput;
import dev.vigil.indexer.IndexResult;
import dev.vigil.indexer.Indexer;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.Json;
import dev.vigil.model.Vulnerability;
import dev.vigil.model.VulnerabilityReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil scan IMAGE}: index an image and match it against the store. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scans an image for known vulnerabilities.",
      "IMAGE is a local input (docker-archive:FILE, oci:DIR[:REF], oci-archive:FILE, dir:DIR,"
          + " rootfs:FILE, or a path whose kind is detected) or a registry reference."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the scan ran", "2:an error, with a one-line reason"})
final class ScanCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Mixin StoreOption store = new StoreOption();

  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image to scan.")
  String image;

  @Option(
      names = {"-f", "--format"},
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--ignore-unfixed",
      description = "Leave out vulnerabilities that have no fixed version yet.")
  boolean ignoreUnfixed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Datastore datastore = store.open()) {
      if (datastore.updateOperations().isEmpty()) {
        err.println(
            "vigil: warning: the vulnerability store is empty; run 'vigil update' to fill it");
      }
      Image opened = ImageInput.open(image);
      IndexResult indexed = Indexer.withDefaults().index(opened.manifestDigest(), opened.layers());
      indexed.warnings().forEach(w -> err.println("vigil: warning: " + w));
      VulnerabilityReport report =
          new MatcherEngine(Defaults.matchers(), datastore).match(indexed.report());
      if (ignoreUnfixed) {
        report = fixedOnly(report);
      }
      switch (format) {
        case json ->
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        case table -> new TableReport(opened.name(), report).print(out);
      }
      out.flush();
    }
    return VigilCli.OK;
  }

  /** The report without the vulnerabilities that name no fixed version. */
  static VulnerabilityReport fixedOnly(VulnerabilityReport report) {
    Map<String, Vulnerability> fixed = new LinkedHashMap<>();
    report
        .vulnerabilities()
        .forEach(
            (id, v) -> {
              if (v.hasFix()) {
                fixed.put(id, v);
              }
            });
    Map<String, List<String>> affecting = new LinkedHashMap<>();
    report
        .packageVulnerabilities()
        .forEach(
            (pkg, ids) -> {
              List<String> kept = ids.stream().filter(fixed::containsKey).toList();
              if (!kept.isEmpty()) {
                affecting.put(pkg, kept);
              }
            });
    return new VulnerabilityReport(
        report.manifestHash(),
        report.packages(),
        report.distributions(),
        report.repository(),
        report.environments(),
        fixed,
        affecting,
        report.enrichments());
  }
}
