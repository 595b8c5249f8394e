package dev.vigil.registry;

import dev.vigil.model.Digest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image in a registry, named as Docker names it: {@code [registry/]repository[:tag][@digest]}.
 *
 * <p>Parsing follows Docker's normalization: the first path component is the registry when it
 * contains a {@code .} or a {@code :}, is {@code localhost}, or has upper-case letters; otherwise
 * the registry is {@code docker.io}, where a one-component repository gets the {@code library/}
 * prefix ({@code alpine} is {@code docker.io/library/alpine}). {@code index.docker.io} means {@code
 * docker.io}. Without tag or digest the tag is {@code latest}.
 *
 * @param registry the registry host, with its port when it has one, e.g. {@code docker.io} or
 *     {@code 127.0.0.1:5000}
 * @param repository the repository path, e.g. {@code library/alpine}
 * @param tag the tag, or null when the reference has only a digest
 * @param digest the manifest digest, or null
 */
public record ImageReference(String registry, String repository, String tag, Digest digest) {
  /** Docker Hub's name in references. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String DOCKER_HUB_API = "registry-1.docker.io";
  private static final int MAX_NAME = 255;
  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
              + "|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?");
  private static final Pattern HEX_ID = Pattern.compile("[a-f0-9]{64}");

  /**
   * Parses a reference as {@code docker pull} would.
   *
   * @throws IllegalArgumentException when the text is not a valid reference; the message starts
   *     with {@code registry:}
   */
  public static ImageReference parse(String text) {
    String rest = text.trim();
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = digest(text, rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(text, "malformed tag '" + tag + "'");
      }
    }
    int slash = rest.indexOf('/');
    String registry = DOCKER_HUB;
    String repository = rest;
    if (slash > 0 && isRegistry(rest.substring(0, slash))) {
      registry = rest.substring(0, slash);
      repository = rest.substring(slash + 1);
    }
    if (registry.equals("index.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (HEX_ID.matcher(repository).matches()) {
      throw invalid(text, "a 64-character hex string is an image id, not a repository");
    }
    if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
      repository = "library/" + repository;
    }
    checkRepository(text, registry, repository);
    return new ImageReference(
        registry, repository, tag == null && digest == null ? "latest" : tag, digest);
  }

  private static boolean isRegistry(String first) {
    return first.contains(".")
        || first.contains(":")
        || first.equals("localhost")
        || !first.toLowerCase(Locale.ROOT).equals(first);
  }

  private static Digest digest(String text, String value) {
    try {
      return Digest.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(text, "malformed digest '" + value + "'");
    }
  }

  private static void checkRepository(String text, String registry, String repository) {
    if (!HOST.matcher(registry).matches()) {
      throw invalid(text, "malformed registry '" + registry + "'");
    }
    if (!repository.toLowerCase(Locale.ROOT).equals(repository)) {
      throw invalid(text, "the repository name must be lowercase");
    }
    for (String component : repository.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw invalid(text, "malformed repository '" + repository + "'");
      }
    }
    if (registry.length() + 1 + repository.length() > MAX_NAME) {
      throw invalid(text, "the name is longer than " + MAX_NAME + " characters");
    }
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("registry: invalid image reference '" + text + "': " + why);
  }

  /** The host and port to send API requests to: Docker Hub's API lives on its own host. */
  public String apiHost() {
    return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API : registry;
  }

  /** What the manifest URL names: the digest when there is one, else the tag. */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  /** The same image pinned to {@code manifest}, keeping the tag for display. */
  public ImageReference withDigest(Digest manifest) {
    return new ImageReference(registry, repository, tag, manifest);
  }

  /** The fully qualified reference, e.g. {@code docker.io/library/alpine:3.20}. */
  @Override
  public String toString() {
    return registry
        + "/"
        + repository
        + (tag == null ? "" : ":" + tag)
        + (digest == null ? "" : "@" + digest);
  }
}
