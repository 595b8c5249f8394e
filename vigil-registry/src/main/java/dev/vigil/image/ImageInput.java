package dev.vigil.image;

import dev.vigil.layer.DirectoryLayer;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.registry.ImageReference;
import dev.vigil.registry.Platform;
import dev.vigil.registry.PulledImage;
import dev.vigil.registry.RegistryClient;
import dev.vigil.registry.RegistrySettings;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * What the user asked to scan, as text: a local input named by a prefix, an existing path whose
 * kind is detected from its content, or a registry reference.
 *
 * <ul>
 *   <li>{@code oci:DIR[:REF]}: an OCI image layout directory; {@code REF} matches the {@code
 *       org.opencontainers.image.ref.name} annotation, and without it the layout must hold one
 *       image. An image index is resolved to the requested platform ({@code linux/amd64} unless
 *       told otherwise).
 *   <li>{@code oci-archive:FILE[:REF]}: the same inside a tar.
 *   <li>{@code docker-archive:FILE[:TAG]}: a {@code docker save} tar, plain or gzip'd.
 *   <li>{@code dir:DIR}: a root filesystem directory, read as one layer.
 *   <li>{@code rootfs:FILE}: a root filesystem tarball (e.g. Alpine's minirootfs), one layer whose
 *       digest is the sha256 of the file.
 *   <li>An existing path without prefix: a directory with an {@code oci-layout} file is an OCI
 *       layout, any other directory a root filesystem; a tar (maybe compressed) holding {@code
 *       manifest.json} is a docker archive, one holding {@code oci-layout} an OCI archive, any
 *       other tar a root filesystem tarball.
 *   <li>Anything else, and {@code docker://} or {@code registry:} prefixes: a registry reference.
 * </ul>
 *
 * <p>Like skopeo, the {@code :REF} suffix starts at the first colon after the prefix, unless the
 * whole text names an existing path. The manifest digest of inputs without a manifest blob
 * (docker-archive, dir, rootfs) is {@link Image#layerListDigest}: the sha256 of each layer digest
 * followed by {@code "\n"}.
 *
 * @param kind how to read the input
 * @param location the path, or the registry reference
 * @param reference the {@code REF} or {@code TAG} suffix, or null
 */
public record ImageInput(Kind kind, String location, String reference) {

  /** Kinds of input. */
  public enum Kind {
    /** An OCI image layout directory. */
    OCI("oci:"),
    /** An OCI image layout in a tar. */
    OCI_ARCHIVE("oci-archive:"),
    /** A {@code docker save} tar. */
    DOCKER_ARCHIVE("docker-archive:"),
    /** A root filesystem directory. */
    DIR("dir:"),
    /** A root filesystem tarball. */
    ROOTFS("rootfs:"),
    /** An existing path, its kind detected from its content when opened. */
    DETECT(""),
    /** An image in a registry. */
    REGISTRY("registry:");

    private final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  /** Opens the image that {@code input} names, for {@code linux/amd64} when it has several. */
  public static Image open(String input) throws IOException {
    return parse(input).load(Platform.LINUX_AMD64);
  }

  /** Opens the image that {@code input} names, for {@code platform} when it has several. */
  public static Image open(String input, Platform platform) throws IOException {
    return parse(input).load(platform);
  }

  /**
   * Opens the image that {@code input} names, for {@code platform} when it has several, pulling
   * registry images with {@code registry}'s settings.
   */
  public static Image open(String input, Platform platform, RegistrySettings registry)
      throws IOException {
    return parse(input).load(platform, registry);
  }

  /** Parses the input text without reading anything but whether the path exists. */
  public static ImageInput parse(String input) {
    if (input.startsWith("docker://")) {
      return new ImageInput(Kind.REGISTRY, input.substring("docker://".length()), null);
    }
    for (Kind kind : Kind.values()) {
      if (kind != Kind.DETECT && input.startsWith(kind.prefix)) {
        String rest = input.substring(kind.prefix.length());
        boolean refs = kind == Kind.OCI || kind == Kind.OCI_ARCHIVE || kind == Kind.DOCKER_ARCHIVE;
        return refs ? withReference(kind, rest) : new ImageInput(kind, rest, null);
      }
    }
    return exists(input) || looksLikePath(input)
        ? new ImageInput(Kind.DETECT, input, null)
        : new ImageInput(Kind.REGISTRY, input, null);
  }

  private static ImageInput withReference(Kind kind, String rest) {
    int colon = rest.indexOf(':');
    if (exists(rest) || colon <= 0 || colon == rest.length() - 1) {
      return new ImageInput(kind, rest, null);
    }
    return new ImageInput(kind, rest.substring(0, colon), rest.substring(colon + 1));
  }

  private static boolean exists(String path) {
    try {
      return !path.isEmpty() && Files.exists(Path.of(path));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static boolean looksLikePath(String input) {
    return input.startsWith("/") || input.startsWith("./") || input.startsWith("../");
  }

  /**
   * Opens the image, pulling registry images with the settings of the environment.
   *
   * @param platform the platform to pick from a multi-platform image
   * @throws ScanException when the input is missing, malformed, truncated or ambiguous
   * @throws dev.vigil.registry.RegistryException when a registry image cannot be pulled
   * @throws IOException when reading fails
   */
  public Image load(Platform platform) throws IOException {
    return load(
        platform,
        kind == Kind.REGISTRY ? RegistrySettings.fromEnvironment(System.getenv()).build() : null);
  }

  /**
   * Opens the image.
   *
   * @param platform the platform to pick from a multi-platform image
   * @param registry how to pull a registry image (unused for local inputs)
   * @throws ScanException when the input is missing, malformed, truncated or ambiguous
   * @throws dev.vigil.registry.RegistryException when a registry image cannot be pulled
   * @throws IOException when reading fails
   */
  public Image load(Platform platform, RegistrySettings registry) throws IOException {
    Path path = kind == Kind.REGISTRY ? null : Path.of(location);
    String name = toString();
    return switch (kind) {
      case OCI ->
          OciLayout.read(
              new DirectoryFiles(directory(path, "oci"), "oci"), "oci", reference, platform, name);
      case OCI_ARCHIVE ->
          OciLayout.read(
              ImageFiles.archive(file(path, "oci-archive"), "oci-archive"),
              "oci-archive",
              reference,
              platform,
              name);
      case DOCKER_ARCHIVE ->
          DockerArchive.read(
              ImageFiles.archive(file(path, "docker-archive"), "docker-archive"), reference, name);
      case DIR -> rootDirectory(directory(path, "dir"), name);
      case ROOTFS -> rootfs(file(path, "rootfs"), name);
      case DETECT -> detect(path, platform);
      case REGISTRY -> pull(platform, registry);
    };
  }

  private Image pull(Platform platform, RegistrySettings registry) throws IOException {
    ImageReference parsed;
    try {
      parsed = ImageReference.parse(location);
    } catch (IllegalArgumentException e) {
      throw new ScanException(e.getMessage(), e);
    }
    PulledImage pulled = new RegistryClient(registry).pull(parsed, platform);
    return new Image(pulled.manifestDigest(), pulled.layers(), pulled.name(), pulled.platform());
  }

  private Image detect(Path path, Platform platform) throws IOException {
    if (!Files.exists(path)) {
      throw new ScanException("image: no such file or directory: " + path);
    }
    if (Files.isDirectory(path)) {
      return Files.isRegularFile(path.resolve("oci-layout"))
          ? OciLayout.read(new DirectoryFiles(path, "oci"), "oci", null, platform, location)
          : rootDirectory(path, location);
    }
    ImageFiles files = ImageFiles.archive(file(path, "image"), "image");
    if (files.exists("manifest.json")) {
      return DockerArchive.read(files, null, location);
    }
    if (files.exists("oci-layout")) {
      return OciLayout.read(files, "oci-archive", null, platform, location);
    }
    return rootfs(path, location);
  }

  private static Image rootDirectory(Path dir, String name) throws IOException {
    List<LayerSource> layers = List.of(DirectoryLayer.of(dir));
    return Image.ofLayers(layers, name, null);
  }

  private static Image rootfs(Path file, String name) throws IOException {
    MessageDigest sha256 = Digest.newSha256();
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
    }
    List<LayerSource> layers = List.of(TarLayer.ofFile(Digest.sha256(sha256), file));
    return Image.ofLayers(layers, name, null);
  }

  private static Path directory(Path path, String component) throws ScanException {
    if (!Files.isDirectory(path)) {
      throw new ScanException(component + ": no such directory: " + path);
    }
    return path;
  }

  private static Path file(Path path, String component) throws ScanException {
    if (!Files.isRegularFile(path)) {
      throw new ScanException(component + ": no such file: " + path);
    }
    return path;
  }

  /** The input as text, with its prefix and suffix, e.g. {@code oci:/images/alpine:3.20}. */
  @Override
  public String toString() {
    return kind.prefix + location + (reference == null ? "" : ":" + reference);
  }
}
