package dev.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import dev.vigil.server.config.Mode;
import dev.vigil.server.config.ServerConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil's Helm chart through Helm's own engine: it lints strictly and renders, with its defaults
 * and with the seeds' overrides, into objects that parse into the Kubernetes model with no unknown
 * field, and the configuration it gives each pod is one Vigil's own loader accepts.
 */
class HelmChartTest {
  private static Path seedValues() throws URISyntaxException {
    return Path.of(HelmChartTest.class.getResource("/seed-values.yaml").toURI());
  }

  @Test
  void lintsWithItsDefaults(@TempDir Path work) throws IOException {
    LintResult lint = HelmChart.lint(null, work);

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("Fail:"));
  }

  @Test
  void lintsWithTheSeedOverrides(@TempDir Path work) throws Exception {
    LintResult lint = HelmChart.lint(seedValues(), work);

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("Fail:"));
  }

  @Test
  void rendersComboModeOnABundledPostgresqlByDefault(@TempDir Path tmp) throws IOException {
    List<HasMetadata> objects = HelmChart.render(null, Map.of());

    assertThat(objects)
        .extracting(o -> o.getKind() + " " + o.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "ConfigMap vigil-config",
            "Secret vigil-db",
            "Service vigil",
            "Deployment vigil",
            "Service vigil-postgresql",
            "StatefulSet vigil-postgresql");
    Deployment vigil = KubernetesObjects.one(objects, Deployment.class, "vigil");
    Container container = container(vigil);
    assertThat(container.getImage()).isEqualTo("vigil/vigil:0.1.0-SNAPSHOT");
    assertThat(container.getArgs())
        .containsExactly("serve", "--mode", "combo", "--config", "/etc/vigil/config.yaml");
    assertThat(port(container, container.getLivenessProbe().getHttpGet().getPort().getStrVal()))
        .isEqualTo(8089);
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(vigil.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
        .isTrue();
    StatefulSet postgresql = KubernetesObjects.one(objects, StatefulSet.class, "vigil-postgresql");
    assertThat(postgresql.getSpec().getVolumeClaimTemplates())
        .singleElement()
        .satisfies(
            pvc ->
                assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString())
                    .isEqualTo("10Gi"));
    assertThat(PodEnvironment.of(container, objects).get("VIGIL_INDEXER_CONNSTRING"))
        .startsWith("host=vigil-postgresql port=5432 dbname=vigil user=vigil password='")
        .doesNotContain("$(");

    ServerConfig config = vigilConfig(objects, vigil, tmp);
    assertThat(config.mode()).isEqualTo(Mode.COMBO);
    assertThat(config.warnings()).isEmpty();
    assertThat(config.indexer().store())
        .startsWith("jdbc:postgresql://vigil-postgresql:5432/vigil");
    assertThat(config.psk()).isEmpty();
  }

  @Test
  void rendersTheSeedOverrides(@TempDir Path tmp) throws Exception {
    List<HasMetadata> objects = HelmChart.render(seedValues(), Map.of());

    Deployment vigil = KubernetesObjects.one(objects, Deployment.class, "vigil");
    assertThat(container(vigil).getImage()).isEqualTo("registry.example.com/security/vigil:0.1.0");
    assertThat(KubernetesObjects.one(objects, Service.class, "vigil").getSpec().getType())
        .isEqualTo("NodePort");
    Ingress ingress = KubernetesObjects.one(objects, Ingress.class, "vigil");
    assertThat(ingress.getSpec().getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getHost()).isEqualTo("clair.apps.example.com");
              assertThat(rule.getHttp().getPaths())
                  .extracting(p -> p.getPath() + " " + p.getBackend().getService().getName())
                  .containsExactly("/ vigil");
            });
    Map<String, String> env = PodEnvironment.of(container(vigil), objects);
    assertThat(env.get("VIGIL_MATCHER_CONNSTRING"))
        .isEqualTo(
            "host=vigil-postgresql port=5432 dbname=clair user=clair password='s3cr3t-clair-Pa55'"
                + " sslmode=disable");
    StatefulSet postgresql = KubernetesObjects.one(objects, StatefulSet.class, "vigil-postgresql");
    Map<String, String> postgresEnv =
        PodEnvironment.of(
            postgresql.getSpec().getTemplate().getSpec().getContainers().get(0), objects);
    assertThat(postgresEnv)
        .containsEntry("POSTGRES_USER", "clair")
        .containsEntry("POSTGRES_DB", "clair")
        .containsEntry("POSTGRES_PASSWORD", "s3cr3t-clair-Pa55");

    ServerConfig config = vigilConfig(objects, vigil, tmp);
    assertThat(config.matcher().store())
        .startsWith("jdbc:postgresql://vigil-postgresql:5432/clair")
        .contains("password=s3cr3t-clair-Pa55");
  }

  @Test
  void rendersSeparateIndexerMatcherAndNotifierOnAnExternalDatabase(@TempDir Path tmp)
      throws IOException {
    List<HasMetadata> objects =
        HelmChart.render(
            null,
            Map.of(
                "mode", "split",
                "notifier.enabled", "true",
                "matcher.replicas", "3",
                "postgresql.enabled", "false",
                "postgresql.host", "db.internal",
                "postgresql.sslmode", "require",
                "auth.psk.enabled", "true",
                "ingress.enabled", "true",
                "ingress.hosts[0]", "vigil.example.com"));

    assertThat(KubernetesObjects.all(objects, Deployment.class))
        .extracting(d -> d.getMetadata().getName() + " " + d.getSpec().getReplicas())
        .containsExactlyInAnyOrder("vigil-indexer 1", "vigil-matcher 3", "vigil-notifier 1");
    assertThat(KubernetesObjects.all(objects, StatefulSet.class)).isEmpty();
    assertThat(KubernetesObjects.find(objects, Secret.class, "vigil-psk")).isPresent();
    Ingress ingress = KubernetesObjects.one(objects, Ingress.class, "vigil");
    assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths())
        .extracting(HTTPIngressPath::getPath, p -> p.getBackend().getService().getName())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/indexer", "vigil-indexer"),
            org.assertj.core.groups.Tuple.tuple("/matcher", "vigil-matcher"),
            org.assertj.core.groups.Tuple.tuple("/notifier", "vigil-notifier"));

    Deployment matcher = KubernetesObjects.one(objects, Deployment.class, "vigil-matcher");
    assertThat(container(matcher).getArgs()).containsSequence("--mode", "matcher");
    ServerConfig config = vigilConfig(objects, matcher, tmp);
    assertThat(config.mode()).isEqualTo(Mode.MATCHER);
    assertThat(config.matcher().indexerAddr().toString()).isEqualTo("http://vigil-indexer:6060/");
    assertThat(config.matcher().store()).startsWith("jdbc:postgresql://db.internal:5432/vigil");
    assertThat(config.psk()).hasValueSatisfying(psk -> assertThat(psk.key()).hasSize(48));
    ServerConfig indexer =
        vigilConfig(
            objects, KubernetesObjects.one(objects, Deployment.class, "vigil-indexer"), tmp);
    assertThat(indexer.mode()).isEqualTo(Mode.INDEXER);
  }

  @Test
  void tellsHowToGateAnImageWithKlarAgainstTheRelease() throws Exception {
    String notes = HelmChart.notes(seedValues());

    assertThat(notes)
        .contains("CLAIR_ADDR=http://clair.apps.example.com")
        .contains("vigil klar registry.example.com/team/app:1.0")
        .contains("vigil scan --server $CLAIR_ADDR");
  }

  @Test
  void refusesAnExternalDatabaseWithoutAHost() {
    assertThatThrownBy(() -> HelmChart.template(null, Map.of("postgresql.enabled", "false")))
        .hasMessageContaining("postgresql.host is required when postgresql.enabled is false");
  }

  @Test
  void rejectsAFieldTheKubernetesModelDoesNotKnow() {
    String misplaced =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: vigil
        spec:
          type: NodePort
          ports:
            - port: 6060
              nodeport: 30060
        """;

    assertThatThrownBy(() -> KubernetesObjects.parse(misplaced))
        .hasMessageContaining("v1/Service vigil")
        .hasMessageContaining("nodeport");
  }

  static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static int port(Container container, String name) {
    return container.getPorts().stream()
        .filter(p -> p.getName().equals(name))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow();
  }

  /** What {@code vigil serve} would load in the deployment's pod. */
  private static ServerConfig vigilConfig(
      List<HasMetadata> objects, Deployment deployment, Path tmp) throws IOException {
    ConfigMap config = KubernetesObjects.one(objects, ConfigMap.class, "vigil-config");
    Container container = container(deployment);
    return VigilConfigs.load(
        container.getArgs(),
        config.getData().get("config.yaml"),
        PodEnvironment.of(container, objects),
        tmp);
  }
}
