package dev.vigil.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.LayerRef;
import dev.vigil.model.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The OCI distribution client: pulls images from registries into the {@link LayerCache} (as jib's
 * RegistryClient is its facade over one class per endpoint).
 *
 * <p>{@link #pull(ImageReference, Platform)} resolves a tag or digest to an image manifest (through
 * an OCI index or Docker manifest list, for the platform), downloads its layers a few at a time,
 * then its config, each checked against its digest while streaming, and returns the image with its
 * layers reading from the cache. Blobs already cached are not requested again. {@link
 * #pull(Manifest)} does the same for a manifest given as layer URIs and headers (Clair v4's shape).
 * One client can serve many pulls, from many threads; it keeps per registry how to reach it and the
 * tokens it was given.
 */
public final class RegistryClient {
  private static final int MAX_NESTING = 4;
  private static final long CONFIG_MAX_BYTES = 8 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final RegistrySettings settings;
  private final HttpTransport http;
  private final Credentials credentials;
  private final TokenService tokens;
  private final RetryPolicy retry;
  private final BlobPuller blobs;
  private final Map<String, RegistryEndpoint> endpoints = new ConcurrentHashMap<>();

  /**
   * A client with these settings.
   *
   * @throws RegistryException when the TLS settings cannot be applied (e.g. an unreadable CA file)
   */
  public RegistryClient(RegistrySettings settings) throws RegistryException {
    this.settings = settings;
    this.http = new HttpTransport(settings);
    this.credentials = new Credentials(settings);
    this.tokens = new TokenService(http);
    this.retry = new RetryPolicy(settings.maxAttempts(), settings.backoff());
    LayerCache cache = new LayerCache(settings.cacheDirectory(), settings.cacheMaxBytes());
    this.blobs = new BlobPuller(cache, retry, http, settings.progress());
  }

  /** The layer cache the client downloads into. */
  public LayerCache cache() {
    return blobs.cache();
  }

  /**
   * Pulls an image: resolves {@code reference} for {@code platform} and makes sure every layer and
   * the config are in the cache.
   *
   * @throws RegistryException when the registry cannot be reached, refuses the credentials, lacks
   *     the image or its platform, or sends bytes that do not match their digests
   */
  public PulledImage pull(ImageReference reference, Platform platform) throws IOException {
    RegistryEndpoint endpoint = endpoint(reference);
    String repository = reference.repository();
    ImageManifest image = imageManifest(endpoint, reference, platform);
    ManifestDocument document = image.document();
    Platform chosen = image.platform();
    Descriptor config = requireImageConfig(document, reference);
    List<LayerSource> layers =
        downloadLayers(
            document.layers(),
            Descriptor::digest,
            layer -> () -> blobs.pull(endpoint, repository, layer));
    blobs.pull(endpoint, repository, config);
    if (chosen == null) {
      chosen = configPlatform(config.digest());
    }
    String name = reference.withDigest(document.digest()).toString();
    return new PulledImage(name, document.digest(), layers, chosen);
  }

  /**
   * Resolves {@code reference} for {@code platform} to its image manifest without downloading
   * blobs: the layer digests and blob URLs, and the {@code Authorization} value that fetches them.
   *
   * @throws RegistryException when the registry cannot be reached, refuses the credentials, or
   *     lacks the image or its platform
   */
  public ResolvedImage resolve(ImageReference reference, Platform platform) throws IOException {
    RegistryEndpoint endpoint = endpoint(reference);
    ManifestDocument document = imageManifest(endpoint, reference, platform).document();
    Descriptor config = requireImageConfig(document, reference);
    List<Digest> digests = new ArrayList<>();
    List<URI> uris = new ArrayList<>();
    for (Descriptor layer : document.layers()) {
      digests.add(layer.digest());
      uris.add(endpoint.blobUri(reference.repository(), layer.digest()));
    }
    return new ResolvedImage(
        reference,
        document.digest(),
        config.digest(),
        digests,
        uris,
        endpoint.authorization(reference.repository()));
  }

  /**
   * Pulls the layers of a manifest given as layer URIs with request headers (Clair v4's {@code
   * Manifest}); no registry protocol is involved beyond following redirects.
   *
   * @throws RegistryException when a layer cannot be fetched or does not match its digest
   */
  public PulledImage pull(Manifest manifest) throws IOException {
    List<LayerSource> layers =
        downloadLayers(manifest.layers(), LayerRef::hash, layer -> () -> blobs.pull(layer));
    return new PulledImage(manifest.hash().toString(), manifest.hash(), layers, null);
  }

  /**
   * Downloads every layer, a few at once and a digest listed twice once, and gives layers that read
   * the cache.
   */
  private <T> List<LayerSource> downloadLayers(
      List<T> layers, Function<T, Digest> digest, Function<T, Downloads.Download> download)
      throws IOException {
    Map<Digest, Downloads.Download> unique = new LinkedHashMap<>();
    List<LayerSource> sources = new ArrayList<>();
    for (T layer : layers) {
      Downloads.Download fetch = download.apply(layer);
      unique.putIfAbsent(digest.apply(layer), fetch);
      sources.add(cachedLayer(digest.apply(layer), fetch));
    }
    Downloads.all(unique, settings.parallelDownloads(), settings.timeout());
    return sources;
  }

  /** An image manifest, with the platform the index that led to it gave, or null. */
  private record ImageManifest(ManifestDocument document, Platform platform) {}

  /** Resolves {@code reference} through any indexes to the image manifest for {@code platform}. */
  private ImageManifest imageManifest(
      RegistryEndpoint endpoint, ImageReference reference, Platform platform) throws IOException {
    ManifestDocument document = manifest(endpoint, reference, reference.manifestReference(), null);
    Platform chosen = null;
    for (int depth = 0; document.index(); depth++) {
      if (depth == MAX_NESTING) {
        throw new RegistryException("registry: the indexes of " + reference + " nest too deeply");
      }
      Descriptor entry = select(document, platform, reference);
      document = manifest(endpoint, reference, entry.digest().toString(), entry);
      chosen = entry.platform();
    }
    return new ImageManifest(document, chosen);
  }

  /** The config descriptor of an image manifest, refusing other artifacts and huge configs. */
  private static Descriptor requireImageConfig(ManifestDocument manifest, ImageReference reference)
      throws RegistryException {
    Descriptor config = manifest.config();
    if (!config.mediaType().isEmpty() && !MediaTypes.IMAGE_CONFIGS.contains(config.mediaType())) {
      throw new RegistryException(
          "registry: "
              + reference
              + " is not a container image (its config is "
              + config.mediaType()
              + ")");
    }
    if (config.size() > CONFIG_MAX_BYTES) {
      throw new RegistryException(
          "registry: the config of "
              + reference
              + " is larger than "
              + CONFIG_MAX_BYTES
              + " bytes");
    }
    return config;
  }

  private RegistryEndpoint endpoint(ImageReference reference) {
    return endpoints.computeIfAbsent(
        reference.apiHost(),
        host ->
            new RegistryEndpoint(
                reference,
                http,
                new Authorizer(reference.registry(), credentials, tokens),
                settings.insecure()));
  }

  private ManifestDocument manifest(
      RegistryEndpoint endpoint, ImageReference reference, String ref, Descriptor expected)
      throws IOException {
    String what = reference.toString();
    return retry.call(
        "GET manifest " + reference.registry() + "/" + reference.repository() + ":" + ref,
        () -> ManifestPuller.pull(endpoint, reference.repository(), ref, expected, what));
  }

  private static Descriptor select(
      ManifestDocument index, Platform platform, ImageReference reference)
      throws RegistryException {
    for (Descriptor entry : index.manifests()) {
      if (entry.platform() != null && platform.matches(entry.platform())) {
        return entry;
      }
    }
    String available =
        index.manifests().stream()
            .map(d -> String.valueOf(d.platform()))
            .collect(Collectors.joining(", "));
    throw new RegistryException(
        "registry: "
            + reference
            + " has no image for "
            + platform
            + " (it has "
            + available
            + "); choose one with --platform");
  }

  /** A layer that reads its cached blob, downloading it again if another process evicted it. */
  private LayerSource cachedLayer(Digest digest, Downloads.Download download) {
    return new TarLayer(
        digest,
        () -> {
          try {
            return blobs.cache().open(digest);
          } catch (NoSuchFileException evicted) {
            download.run();
            return blobs.cache().open(digest);
          }
        });
  }

  private Platform configPlatform(Digest config) throws IOException {
    try (InputStream in = blobs.cache().open(config)) {
      return Platform.of(MAPPER.readTree(in.readAllBytes()));
    } catch (com.fasterxml.jackson.core.JacksonException | java.io.CharConversionException e) {
      throw new RegistryException("registry: the image config " + config + " is not JSON", e);
    }
  }
}
