package dev.vigil.server.http.v1;

import dev.vigil.datastore.LegacyLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.LayerRef;
import dev.vigil.server.http.ApiException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A v1 layer with its stored ancestors, as the manifest to index: named by the chain of layer
 * names, since v1 names are unique where blob digests are not.
 */
record LegacyChain(Digest manifest, List<LayerRef> refs) {

  /** The chain of {@code ancestors} (base first) topped by the posted layer. */
  static LegacyChain of(
      List<LegacyLayer> ancestors, String name, String path, Map<String, String> headers) {
    StringBuilder names = new StringBuilder("vigil-v1-chain\n");
    List<LayerRef> refs = new ArrayList<>();
    URI top = uri(path);
    for (LegacyLayer ancestor : ancestors) {
      URI uri = uri(ancestor.path());
      refs.add(
          new LayerRef(
              ancestor.layerHash(), uri, sameOrigin(top, uri) ? multi(headers) : Map.of()));
      names.append(ancestor.name()).append('\n');
    }
    refs.add(new LayerRef(digestIn(path), top, multi(headers)));
    names.append(name).append('\n');
    return new LegacyChain(Digest.sha256(names.toString().getBytes(StandardCharsets.UTF_8)), refs);
  }

  private static URI uri(String path) {
    try {
      return URI.create(path);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed layer Path '" + path + "'");
    }
  }

  /** The digest a registry blob URL ends with, or null (the blob is then taken as it comes). */
  private static Digest digestIn(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    try {
      return last.contains(":") ? Digest.parse(last) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
        && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
        && a.getPort() == b.getPort();
  }

  private static Map<String, List<String>> multi(Map<String, String> headers) {
    Map<String, List<String>> multi = new HashMap<>();
    headers.forEach(
        (key, value) -> {
          if (value != null && !value.isBlank()) {
            multi.put(key, List.of(value));
          }
        });
    return multi;
  }
}
