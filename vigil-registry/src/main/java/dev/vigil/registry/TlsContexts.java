package dev.vigil.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS context of a registry client: the JVM's CAs, plus a PEM file's, or no checks. */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * The context for these settings.
   *
   * @throws RegistryException when the CA file cannot be read
   */
  static SSLContext of(RegistrySettings settings) throws RegistryException {
    try {
      if (!settings.tlsVerify()) {
        return context(new TrustManager[] {new TrustingManager()});
      }
      if (settings.caCertificate() == null) {
        return SSLContext.getDefault();
      }
      return context(withCertificates(settings.caCertificate()).getTrustManagers());
    } catch (GeneralSecurityException e) {
      throw new RegistryException("registry: cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers, new SecureRandom());
    return context;
  }

  private static TrustManagerFactory withCertificates(Path pem)
      throws GeneralSecurityException, RegistryException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new RegistryException("registry: cannot create a trust store: " + e.getMessage(), e);
    }
    int n = 0;
    for (X509Certificate known : defaultTrustManager().getAcceptedIssuers()) {
      store.setCertificateEntry("jvm-" + n++, known);
    }
    Collection<? extends Certificate> extra;
    try (InputStream in = Files.newInputStream(pem)) {
      extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new RegistryException(
          "registry: cannot read CA certificates from " + pem + ": " + e.getMessage(), e);
    }
    if (extra.isEmpty()) {
      throw new RegistryException("registry: " + pem + " holds no PEM certificate");
    }
    for (Certificate certificate : extra) {
      store.setCertificateEntry("ca-" + n++, certificate);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("the JVM has no X.509 trust manager");
  }

  /**
   * Accepts every certificate and host name: only for {@code --tls-no-verify}. Being an extended
   * trust manager, it also stops the JDK's own host name check.
   */
  private static final class TrustingManager extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
