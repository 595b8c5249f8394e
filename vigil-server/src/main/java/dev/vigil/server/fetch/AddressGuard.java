package dev.vigil.server.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which hosts the server may fetch layers from, before any connection is attempted: the
 * host of a layer URI is resolved once, every address it resolves to is checked, and the fetch
 * connects only to the checked addresses (see {@link GuardedLayerFetcher}), so a DNS answer that
 * changes between check and connect cannot redirect it.
 *
 * <p>Link-local addresses (which hold the cloud metadata services), the known metadata addresses,
 * unspecified and multicast addresses are always refused. With {@code denyPrivate}, loopback,
 * private (RFC 1918, unique-local IPv6) and carrier-grade NAT ranges are refused too, unless an
 * address is in one of the allowed networks. Thread-safe.
 */
public final class AddressGuard {
  private static final List<Network> ALWAYS_REFUSED =
      List.of(
          Network.parse("169.254.0.0/16"),
          Network.parse("fe80::/10"),
          Network.parse("fd00:ec2::254/128"),
          Network.parse("100.100.100.200/32"),
          Network.parse("0.0.0.0/8"),
          Network.parse("::/128"),
          Network.parse("224.0.0.0/4"),
          Network.parse("255.255.255.255/32"),
          Network.parse("ff00::/8"));
  private static final List<Network> PRIVATE =
      List.of(
          Network.parse("127.0.0.0/8"),
          Network.parse("::1/128"),
          Network.parse("10.0.0.0/8"),
          Network.parse("172.16.0.0/12"),
          Network.parse("192.168.0.0/16"),
          Network.parse("100.64.0.0/10"),
          Network.parse("fc00::/7"));

  /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} in production. */
  @FunctionalInterface
  public interface Resolver {
    /** The addresses of {@code host}. */
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean denyPrivate;
  private final List<Network> allowed;
  private final Resolver resolver;

  /**
   * A guard resolving with the JVM's resolver.
   *
   * @param denyPrivate whether private and loopback ranges are refused too
   * @param allowed networks allowed even when {@code denyPrivate} (never link-local or metadata)
   */
  public AddressGuard(boolean denyPrivate, List<Network> allowed) {
    this(denyPrivate, allowed, InetAddress::getAllByName);
  }

  /** A guard resolving with {@code resolver}. */
  public AddressGuard(boolean denyPrivate, List<Network> allowed, Resolver resolver) {
    this.denyPrivate = denyPrivate;
    this.allowed = List.copyOf(allowed);
    this.resolver = resolver;
  }

  /**
   * Resolves the host of {@code uri} and checks every address.
   *
   * @return the checked addresses, the only ones a fetch may connect to
   * @throws LayerUriRefusedException when the URI is not http(s), has no host, does not resolve, or
   *     any address it resolves to is refused
   */
  public List<InetAddress> check(URI uri) throws LayerUriRefusedException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new LayerUriRefusedException(uri, "only http and https layer URIs are fetched");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new LayerUriRefusedException(uri, "it names no host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      throw new LayerUriRefusedException(uri, "its host does not resolve");
    }
    if (addresses.length == 0) {
      throw new LayerUriRefusedException(uri, "its host does not resolve");
    }
    for (InetAddress address : addresses) {
      Optional<String> reason = refusal(address);
      if (reason.isPresent()) {
        throw new LayerUriRefusedException(
            uri, host + " resolves to " + address.getHostAddress() + ", " + reason.get());
      }
    }
    return List.of(addresses);
  }

  /** Why {@code address} is refused, if it is. */
  Optional<String> refusal(InetAddress address) {
    if (ALWAYS_REFUSED.stream().anyMatch(n -> n.contains(address))) {
      return Optional.of(
          "a link-local, metadata, unspecified or multicast address (always refused)");
    }
    if (denyPrivate
        && PRIVATE.stream().anyMatch(n -> n.contains(address))
        && allowed.stream().noneMatch(n -> n.contains(address))) {
      return Optional.of("a private or loopback address (refused by indexer.deny_private)");
    }
    return Optional.empty();
  }
}
