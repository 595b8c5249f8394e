package dev.vigil.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Clair {@code connstring} into a store location: a JDBC URL passes through, a {@code
 * postgres://} URL or libpq {@code key=value} pairs become a {@code jdbc:postgresql:} URL, and
 * anything else names an SQLite file.
 */
public final class ConnStrings {
  private static final Pattern PAIR =
      Pattern.compile("\\s*([A-Za-z_]+)\\s*=\\s*('((?:\\\\.|[^'\\\\])*)'|[^\\s']*)");

  /** libpq keywords and the pgjdbc property each becomes. */
  private static final Map<String, String> LIBPQ =
      Map.ofEntries(
          Map.entry("user", "user"),
          Map.entry("password", "password"),
          Map.entry("sslmode", "sslmode"),
          Map.entry("sslrootcert", "sslrootcert"),
          Map.entry("sslcert", "sslcert"),
          Map.entry("sslkey", "sslkey"),
          Map.entry("connect_timeout", "connectTimeout"),
          Map.entry("application_name", "ApplicationName"),
          Map.entry("options", "options"));

  private ConnStrings() {}

  /**
   * The store location for {@code connstring}.
   *
   * @param key the configuration key, for error messages
   * @throws ConfigException when the connection string is malformed
   */
  public static String toLocation(String key, String connstring) {
    String text = connstring.trim();
    if (text.startsWith("jdbc:")) {
      return text;
    }
    if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
      return fromUrl(key, text);
    }
    if (PAIR.matcher(text).lookingAt() && text.contains("=")) {
      return fromPairs(key, text);
    }
    return text;
  }

  private static String fromUrl(String key, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigException("config: " + key + ": malformed PostgreSQL URL: " + e.getReason());
    }
    if (uri.getHost() == null) {
      throw new ConfigException("config: " + key + ": the PostgreSQL URL names no host");
    }
    Map<String, String> params = new LinkedHashMap<>();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      params.put("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        params.put("password", decode(userInfo.substring(colon + 1)));
      }
    }
    if (uri.getRawQuery() != null) {
      for (String param : uri.getRawQuery().split("&")) {
        int eq = param.indexOf('=');
        params.put(
            decode(eq < 0 ? param : param.substring(0, eq)),
            eq < 0 ? "" : decode(param.substring(eq + 1)));
      }
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    return jdbc(
        uri.getHost(), uri.getPort() < 0 ? "" : Integer.toString(uri.getPort()), database, params);
  }

  private static String fromPairs(String key, String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    Matcher m = PAIR.matcher(text);
    int end = 0;
    while (m.find() && m.start() == end) {
      String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
      pairs.put(m.group(1), value);
      end = m.end();
    }
    if (!text.substring(end).isBlank()) {
      throw new ConfigException(
          "config: " + key + ": cannot read '" + text.substring(end).trim() + "' as key=value");
    }
    String host = pairs.getOrDefault("host", pairs.getOrDefault("hostaddr", "localhost"));
    String port = pairs.getOrDefault("port", "");
    String database = pairs.getOrDefault("dbname", "");
    Map<String, String> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> pair : pairs.entrySet()) {
      String name = pair.getKey();
      if (name.equals("host") || name.equals("hostaddr") || name.equals("port")) {
        continue;
      }
      if (name.equals("dbname")) {
        continue;
      }
      String property = LIBPQ.get(name);
      if (property == null) {
        throw new ConfigException(
            "config: " + key + ": unsupported connection parameter '" + name + "'");
      }
      params.put(property, pair.getValue());
    }
    return jdbc(host, port, database, params);
  }

  private static String jdbc(
      String host, String port, String database, Map<String, String> params) {
    StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host);
    if (!port.isEmpty()) {
      url.append(':').append(port);
    }
    url.append('/').append(database);
    String separator = "?";
    for (Map.Entry<String, String> param : params.entrySet()) {
      url.append(separator)
          .append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
      separator = "&";
    }
    return url.toString();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
