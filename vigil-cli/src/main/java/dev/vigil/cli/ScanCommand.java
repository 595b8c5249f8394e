package dev.vigil.cli;

import dev.vigil.cli.options.StoreOpening;
import dev.vigil.cli.options.StoreOption;
import dev.vigil.cli.output.OutputTarget;
import dev.vigil.cli.output.Outputs;
import dev.vigil.cli.output.ScanResult;
import dev.vigil.cli.policy.Finding;
import dev.vigil.cli.policy.Findings;
import dev.vigil.cli.policy.Gate;
import dev.vigil.cli.policy.Policy;
import dev.vigil.cli.policy.PolicyResult;
import dev.vigil.cli.policy.RiskFilter;
import dev.vigil.cli.progress.Progress;
import dev.vigil.cli.remote.ClairHttp;
import dev.vigil.cli.remote.RemoteScan;
import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.image.Image;
import dev.vigil.image.ImageInput;
import dev.vigil.indexer.IndexResult;
import dev.vigil.indexer.Indexer;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.IndexReport;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.progress.ProgressListener;
import dev.vigil.sbom.Sbom;
import dev.vigil.sbom.SbomInput;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil scan IMAGE}: index an image (or read an SBOM) and match it against the store. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scans an image for known vulnerabilities.",
      "IMAGE is a local input (docker-archive:FILE, oci:DIR[:REF], oci-archive:FILE, dir:DIR,"
          + " rootfs:FILE, or a path whose kind is detected), sbom:FILE (CycloneDX 1.4-1.6 or"
          + " SPDX 2.3 JSON) or a registry reference."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the scan ran and the gate (if any) held",
      "1:the gate tripped (--fail-on, or --exit-code N to change the code)",
      "2:an error (bad flag, unreadable input or file), with a one-line reason"
    })
class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StoreOption store = new StoreOption();

  @Mixin RegistryOptions registry = new RegistryOptions();

  @Mixin OutputOptions output = new OutputOptions();

  @Mixin PolicyOptions policy = new PolicyOptions();

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "Ask a Clair v4 server (Vigil's or Clair's) instead of the local store; the server"
              + " fetches the layers of a registry IMAGE itself. A Vigil server that cannot"
              + " fetch them, and any local IMAGE, gets the layers it lacks uploaded.")
  String server;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image or SBOM to scan.")
  String image;

  /** What indexing (or reading an SBOM) produced. */
  private record Indexed(String name, IndexReport report) {}

  /** The vulnerability report of what was scanned, and its name. */
  private record Analysed(String name, VulnerabilityReport report) {}

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    Console console = new Console(cli.getErr(), output.quiet);
    List<OutputTarget> targets = output.targets(cli);
    Gate gate = policy.gate(cli);
    RiskFilter risks = policy.riskFilter(cli);
    Policy rules = policy.policy(LocalDate.now());
    Analysed analysed = server != null ? askServer(console) : matchLocally(console);
    VulnerabilityReport report = analysed.report();
    List<Finding> findings = Findings.of(report);
    risks.missingData(findings).forEach(console::warn);
    PolicyResult decided = rules.apply(policy.sortBy.sort(risks.apply(findings)));
    decided
        .expired()
        .forEach(
            e ->
                console.warn(
                    "ignore-file: the entry for "
                        + e.id()
                        + " expired on "
                        + e.expiredAt()
                        + " and no longer applies"));
    ScanResult result =
        new ScanResult(
            analysed.name(),
            report,
            decided.shown(),
            policy.showSuppressed ? decided.suppressed() : List.of(),
            VersionProvider.version(),
            Instant.now());
    Outputs.write(targets, result, cli.getOut());
    List<Finding> tripping = gate.tripping(decided);
    if (tripping.isEmpty()) {
      return VigilCli.OK;
    }
    console.say("gate: " + gate.summary(tripping.size()));
    return gate.exitCode();
  }

  private Analysed matchLocally(Console console) throws IOException {
    try (StoreOpening opening = store.openInBackground()) {
      Indexed indexed = index(console);
      Datastore datastore = opening.get();
      if (datastore.updateOperations().isEmpty()) {
        console.warn("the vulnerability store is empty; run 'vigil update' to fill it");
      }
      return new Analysed(
          indexed.name(),
          new MatcherEngine(Defaults.matchers(), Defaults.enrichers(), datastore)
              .match(indexed.report()));
    }
  }

  /** Lets the Clair v4 server at {@code --server} index and match the image. */
  private Analysed askServer(Console console) throws IOException {
    if (SbomInput.handles(image)) {
      throw new ScanException("scan: --server needs an image, not an SBOM: " + image);
    }
    ClairHttp http = new ClairHttp(server, registry.timeout(), null);
    RemoteScan.Result result =
        new RemoteScan(http, registry.settings(), registry.platform(), console::say).scan(image);
    return new Analysed(result.name(), result.report());
  }

  private Indexed index(Console console) throws IOException {
    if (SbomInput.handles(image)) {
      Sbom sbom = SbomInput.read(image);
      sbom.warnings().forEach(console::warn);
      return new Indexed(sbom.name(), sbom.report());
    }
    ProgressListener progress =
        Progress.on(spec.commandLine().getErr(), output.quiet, output.noProgress);
    Image opened = ImageInput.open(image, registry.platform(), registry.settings(progress));
    IndexResult indexed =
        Indexer.withDefaults().index(opened.manifestDigest(), opened.layers(), progress);
    indexed.warnings().forEach(console::warn);
    return new Indexed(opened.name(), indexed.report());
  }
}
