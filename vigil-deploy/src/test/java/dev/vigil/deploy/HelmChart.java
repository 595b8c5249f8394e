package dev.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Vigil's chart run through Helm's own engine (helm-java bundles it as a native library). */
final class HelmChart {
  /** The release name the tests render with. */
  static final String RELEASE = "vigil";

  private static final YAMLMapper YAML = new YAMLMapper();

  private HelmChart() {}

  /** {@code helm template} with the values file (or none) and {@code --set} pairs, parsed. */
  static List<HasMetadata> render(Path valuesFile, Map<String, Object> set) {
    return KubernetesObjects.parse(template(valuesFile, set));
  }

  /** {@code helm template} with the values file (or none) and {@code --set} pairs. */
  static String template(Path valuesFile, Map<String, Object> set) {
    TemplateCommand template =
        new Helm(DeployFiles.chart()).template().withName(RELEASE).withNamespace("vigil");
    if (valuesFile != null) {
      template = template.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, Object> entry : set.entrySet()) {
      template = template.set(entry.getKey(), entry.getValue());
    }
    return template.call();
  }

  /**
   * The release notes ({@code NOTES.txt}) of a client-only dry-run install with the values file.
   */
  static String notes(Path valuesFile) {
    return new Helm(DeployFiles.chart())
        .install()
        .withName(RELEASE)
        .withNamespace("vigil")
        .withValuesFile(valuesFile)
        .clientOnly()
        .dryRun()
        .call()
        .getOutput();
  }

  /**
   * {@code helm lint --strict} of the chart with {@code overrides} merged into its values
   * (helm-java's lint takes no values file, so the chart is copied into {@code work} with merged
   * values).
   */
  static LintResult lint(Path overrides, Path work) throws IOException {
    Path chart = DeployFiles.chart();
    if (overrides != null) {
      chart = copy(chart, work.resolve("vigil"));
      JsonNode values = YAML.readTree(chart.resolve("values.yaml").toFile());
      YAML.readerForUpdating(values).readValue(overrides.toFile());
      YAML.writeValue(chart.resolve("values.yaml").toFile(), (ObjectNode) values);
    }
    return new Helm(chart).lint().strict().call();
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}
