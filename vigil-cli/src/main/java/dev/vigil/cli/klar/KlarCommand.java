package dev.vigil.cli.klar;

import dev.vigil.cli.remote.ClairHttp;
import dev.vigil.registry.ImageReference;
import dev.vigil.registry.RegistryClient;
import dev.vigil.registry.RegistrySettings;
import dev.vigil.registry.ResolvedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil klar IMAGE}: klar's contract, configured by klar's environment variables, against a
 * Clair-compatible server (Vigil's {@code serve} or Clair): exit 0 when the counted findings do not
 * exceed {@code CLAIR_THRESHOLD}, 1 when they do, 2 on errors.
 */
@Command(
    name = "klar",
    mixinStandardHelpOptions = true,
    description = {
      "Analyses a registry image with a Clair server, as klar does.",
      "Configured by klar's environment: CLAIR_ADDR (required), CLAIR_OUTPUT, CLAIR_THRESHOLD,"
          + " CLAIR_TIMEOUT, DOCKER_TIMEOUT, DOCKER_USER, DOCKER_PASSWORD, DOCKER_TOKEN,"
          + " DOCKER_INSECURE, REGISTRY_INSECURE, DOCKER_PLATFORM_OS, DOCKER_PLATFORM_ARCH,"
          + " JSON_OUTPUT, FORMAT_OUTPUT, WHITELIST_FILE, IGNORE_UNFIXED, KLAR_TRACE."
    })
public final class KlarCommand implements Callable<Integer> {
  private static final int OK = 0;
  private static final int FINDINGS = 1;
  private static final int ERROR = 2;

  @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "The image.")
  String image;

  @Spec CommandSpec spec;

  private final Map<String, String> env;

  /** The command reading the process environment. */
  public KlarCommand() {
    this(System.getenv());
  }

  /** The command reading {@code env}; for tests. */
  public KlarCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (image == null) {
      return fail(err, "Image name must be provided");
    }
    KlarConfig conf;
    try {
      conf = KlarConfig.fromEnvironment(env, image);
    } catch (IllegalArgumentException e) {
      return fail(err, "Invalid options: " + e.getMessage());
    }
    boolean quiet = conf.json();
    if (!quiet) {
      err.println("clair timeout " + goMinutes(conf.clairTimeoutMinutes()));
      err.println("docker timeout: " + goMinutes(conf.dockerTimeoutMinutes()));
    }
    Whitelist whitelist = Whitelist.empty();
    if (!conf.whitelistFile().isEmpty()) {
      if (!quiet) {
        err.println("whitelist file: " + conf.whitelistFile());
      }
      try {
        whitelist = Whitelist.read(Path.of(conf.whitelistFile()));
      } catch (IOException e) {
        return fail(err, "Could not parse whitelist file: " + e.getMessage());
      }
    } else if (!quiet) {
      err.println("no whitelist file");
    }
    ImageReference reference;
    try {
      reference = ImageReference.parse(image);
    } catch (IllegalArgumentException e) {
      return fail(err, "Can't parse qname: " + e.getMessage());
    }
    KlarImage klarImage;
    try {
      klarImage = KlarImage.of(resolve(conf, reference));
    } catch (IOException | IllegalArgumentException e) {
      return fail(err, "Can't pull image: " + e.getMessage());
    }
    if (klarImage.layerCount() == 0) {
      return fail(err, "Can't pull fsLayers");
    }
    if (!quiet) {
      out.println("Analysing " + klarImage.layerCount() + " layers");
    }
    ClairHttp http =
        new ClairHttp(conf.clairAddr(), conf.clairTimeout(), conf.trace() ? err : null);
    List<KlarVulnerability> found;
    try {
      found = KlarAnalysis.run(klarImage, reference.toString(), http, quiet, out, err);
    } catch (IOException e) {
      return fail(err, "Failed to analyze, exiting");
    }
    List<KlarVulnerability> kept = whitelist.filter(found, klarImage.repository());
    KlarFindings findings = new KlarFindings(kept);
    if (quiet) {
      out.print(JsonFormat.render(klarImage.layerCount(), findings, conf.clairOutput()));
    } else {
      if (kept.size() < found.size()) {
        out.println("Whitelisted " + (found.size() - kept.size()) + " vulnerabilities");
      }
      out.println("Found " + kept.size() + " vulnerabilities");
      out.print(
          conf.format().equals("table")
              ? TableFormat.render(findings, conf.clairOutput())
              : StandardFormat.render(findings, conf.clairOutput()));
    }
    out.flush();
    return findings.counted(conf.clairOutput(), conf.ignoreUnfixed()) > conf.threshold()
        ? FINDINGS
        : OK;
  }

  private ResolvedImage resolve(KlarConfig conf, ImageReference reference) throws IOException {
    RegistrySettings settings =
        RegistrySettings.fromEnvironment(env)
            .timeout(conf.dockerTimeout())
            .insecure(conf.registryInsecure())
            .tlsVerify(!conf.tlsInsecure())
            .credential(conf.credential())
            .build();
    return new RegistryClient(settings).resolve(reference, conf.platform());
  }

  private static int fail(PrintWriter err, String message) {
    err.println(message);
    err.flush();
    return ERROR;
  }

  /** A whole number of minutes as Go prints a duration, e.g. {@code 1m0s}, {@code 1h30m0s}. */
  static String goMinutes(int minutes) {
    int hours = minutes / 60;
    return (hours > 0 ? hours + "h" : "") + (minutes % 60) + "m0s";
  }
}
