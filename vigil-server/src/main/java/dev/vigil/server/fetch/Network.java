package dev.vigil.server.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00:ec2::254/128}); a bare address
 * is a range of one.
 *
 * @param base the first address of the range, as bytes (4 for IPv4, 16 for IPv6)
 * @param prefix how many leading bits an address shares with {@code base} to be in the range
 */
public record Network(byte[] base, int prefix) {

  /** Copies the bytes. */
  public Network {
    base = base.clone();
  }

  @Override
  public byte[] base() {
    return base.clone();
  }

  /**
   * Parses {@code 10.0.0.0/8}, {@code ::1/128} or a bare address literal (never a host name).
   *
   * @throws IllegalArgumentException when {@code text} is not an address range
   */
  public static Network parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!address.matches("[0-9a-fA-F:.]+") || !address.matches(".*[.:].*")) {
      throw new IllegalArgumentException("'" + text + "' is not an address or CIDR range");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an address or CIDR range", e);
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' has a malformed prefix length", e);
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("'" + text + "' has a prefix length out of range");
      }
    }
    return new Network(bytes, prefix);
  }

  /** True when {@code address} is in this range (an IPv4 address is never in an IPv6 range). */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != base.length) {
      return false;
    }
    int full = prefix / 8;
    if (!Arrays.equals(bytes, 0, full, base, 0, full)) {
      return false;
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[full] & mask) == (base[full] & mask);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Network n && n.prefix == prefix && Arrays.equals(n.base, base);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(base) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(base).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
