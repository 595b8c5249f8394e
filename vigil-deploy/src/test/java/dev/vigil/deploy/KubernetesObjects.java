package dev.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses rendered Kubernetes YAML into fabric8's typed model, strictly: an unknown field anywhere
 * (a typo, a wrong indentation, a field of another API version) fails the parse. The model's
 * classes keep unknown fields in an "additional properties" map ({@code @JsonAnySetter}); that is
 * switched off here, so Jackson's {@code FAIL_ON_UNKNOWN_PROPERTIES} applies.
 */
final class KubernetesObjects {
  /** The kinds the project's manifests may hold, by {@code apiVersion/kind}. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "v1/ServiceAccount", ServiceAccount.class,
          "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
          "apps/v1/Deployment", Deployment.class,
          "apps/v1/StatefulSet", StatefulSet.class,
          "networking.k8s.io/v1/Ingress", Ingress.class);

  private static final ObjectMapper YAML = new YAMLMapper();

  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .annotationIntrospector(
              new JacksonAnnotationIntrospector() {
                private static final long serialVersionUID = 1L;

                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                  return Boolean.FALSE;
                }
              })
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private KubernetesObjects() {}

  /**
   * Every document of a multi-document YAML stream as its typed object.
   *
   * @throws IllegalArgumentException naming the document when a kind is unknown or a field is not
   *     in the model
   */
  static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(yaml)) {
      for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
        if (document != null && !document.isNull() && !document.isEmpty()) {
          objects.add(typed(document));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  private static HasMetadata typed(JsonNode document) {
    String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    String name = kind + " " + document.path("metadata").path("name").asText();
    Class<? extends HasMetadata> type = KINDS.get(kind);
    if (type == null) {
      throw new IllegalArgumentException(name + ": not a kind the manifests may hold");
    }
    try {
      return STRICT.readValue(document.toString(), type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  /** The one object of {@code type} named {@code name}. */
  static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
    return find(objects, type, name)
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  /** The object of {@code type} named {@code name}, if rendered. */
  static <T extends HasMetadata> Optional<T> find(
      List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst();
  }

  /** Every object of {@code type}. */
  static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
