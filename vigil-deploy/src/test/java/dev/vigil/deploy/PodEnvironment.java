package dev.vigil.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a container would get, as the kubelet builds it: literal values with {@code
 * $(NAME)} references to earlier variables expanded, and {@code secretKeyRef}s read from the
 * rendered Secrets.
 */
final class PodEnvironment {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private PodEnvironment() {}

  static Map<String, String> of(Container container, List<HasMetadata> objects) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      if (variable.getValueFrom() != null) {
        env.put(
            variable.getName(), secretValue(variable.getValueFrom().getSecretKeyRef(), objects));
      } else {
        env.put(variable.getName(), expand(variable.getValue(), env));
      }
    }
    return env;
  }

  /** A key of a rendered Secret, decoded. */
  static String secretValue(SecretKeySelector ref, List<HasMetadata> objects) {
    Secret secret = KubernetesObjects.one(objects, Secret.class, ref.getName());
    String encoded = secret.getData().get(ref.getKey());
    if (encoded == null) {
      throw new AssertionError("secret " + ref.getName() + " has no key " + ref.getKey());
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static String expand(String value, Map<String, String> env) {
    Matcher matcher = REFERENCE.matcher(value == null ? "" : value);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement = env.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
