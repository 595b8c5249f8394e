package dev.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.config.Mode;
import dev.vigil.server.config.ServerConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/kubernetes} rendered by the kubectl of Debian's {@code kubernetes-client} package
 * (1.20, whose kustomize is the oldest a user may have): Vigil's configuration as a generated
 * Secret, the server, a NodePort service on 30060 and PostgreSQL, all in the Kubernetes model.
 */
class KustomizeTest {
  private static List<HasMetadata> objects;

  @BeforeAll
  static void render() throws Exception {
    String kubectl = kubectl();
    assertThat(run(kubectl, "version", "--client")).contains("GitVersion:\"v1.20.");
    objects =
        KubernetesObjects.parse(
            run(kubectl, "kustomize", DeployFiles.path("kubernetes").toString()));
  }

  /** Debian's kubectl: {@code $VIGIL_KUBECTL} (scripts/test.sh unpacks the package), else PATH. */
  private static String kubectl() {
    String configured = System.getenv("VIGIL_KUBECTL");
    return configured == null || configured.isBlank() ? "kubectl" : configured;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }

  @Test
  void rendersTheServerPostgresqlAndTheirSecrets() {
    assertThat(objects)
        .extracting(
            o -> o.getKind() + " " + o.getMetadata().getName().replaceAll("-[a-z0-9]{10}$", ""))
        .containsExactlyInAnyOrder(
            "Secret vigil-config",
            "Secret postgres",
            "Service vigil",
            "Service postgres",
            "Deployment vigil",
            "StatefulSet postgres");
    Service vigil = KubernetesObjects.one(objects, Service.class, "vigil");
    assertThat(vigil.getSpec().getType()).isEqualTo("NodePort");
    assertThat(vigil.getSpec().getPorts())
        .anySatisfy(
            p -> {
              assertThat(p.getPort()).isEqualTo(6060);
              assertThat(p.getNodePort()).isEqualTo(30060);
            });
    StatefulSet postgres = KubernetesObjects.one(objects, StatefulSet.class, "postgres");
    assertThat(postgres.getSpec().getVolumeClaimTemplates()).hasSize(1);
  }

  @Test
  void mountsAConfigurationVigilAccepts(@TempDir Path tmp) throws IOException {
    Deployment deployment = KubernetesObjects.one(objects, Deployment.class, "vigil");
    var pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("vigil/vigil:0.1.0-SNAPSHOT");
    String secretName =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals("config"))
            .findFirst()
            .orElseThrow()
            .getSecret()
            .getSecretName();
    assertThat(secretName).as("kustomize rewrote the reference").startsWith("vigil-config-");
    String configYaml =
        PodEnvironment.secretValue(
            new SecretKeySelector("config.yaml", secretName, false), objects);

    ServerConfig config = VigilConfigs.load(container.getArgs(), configYaml, Map.of(), tmp);

    assertThat(config.mode()).isEqualTo(Mode.COMBO);
    assertThat(config.warnings()).isEmpty();
    assertThat(config.indexer().store()).startsWith("jdbc:postgresql://postgres:5432/vigil");
    Secret postgres =
        KubernetesObjects.all(objects, Secret.class).stream()
            .filter(s -> s.getMetadata().getName().startsWith("postgres-"))
            .findFirst()
            .orElseThrow();
    String password =
        PodEnvironment.secretValue(
            new SecretKeySelector("POSTGRES_PASSWORD", postgres.getMetadata().getName(), false),
            objects);
    assertThat(config.indexer().store()).contains("password=" + password);
  }
}
