package dev.vigil.server.indexer;

import dev.vigil.layer.LayerSource;
import dev.vigil.model.Digest;
import dev.vigil.model.LayerRef;
import dev.vigil.model.Manifest;
import dev.vigil.registry.RegistryClient;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Fetches layers with the registry module's client, into its content-addressed layer cache: a layer
 * already cached is not downloaded again, whichever manifest names it, and every byte is checked
 * against its digest while it streams.
 *
 * <p>Layers posted without a digest (a v1 {@code Path} that does not end in one) cannot be cached
 * by content; those chains go to {@code uncached}. Thread-safe.
 */
public final class RegistryLayerFetcher implements LayerFetcher {
  private static final Digest UNNAMED = Digest.sha256(new byte[0]);

  private final RegistryClient client;
  private final LayerFetcher uncached;

  /** A fetcher over {@code client}, with {@code uncached} for layers without a digest. */
  public RegistryLayerFetcher(RegistryClient client, LayerFetcher uncached) {
    this.client = client;
    this.uncached = uncached;
  }

  @Override
  public Fetched fetch(List<LayerRef> layers) throws IOException {
    if (layers.stream().map(LayerRef::hash).anyMatch(Objects::isNull)) {
      return uncached.fetch(layers);
    }
    List<LayerSource> pulled = client.pull(new Manifest(UNNAMED, layers)).layers();
    return new Fetched() {
      @Override
      public List<LayerSource> layers() {
        return pulled;
      }

      @Override
      public void close() {
        // the layers stay in the shared cache, which bounds its own size
      }
    };
  }
}
