package io.newsflow.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.common.config.ConfigException;

/**
 * The TLS side of an HTTPS registry client, from Confluent's {@code schema.registry.ssl.*} keys: whom to trust
 * (trust store), who the client is for mutual TLS (key store), and whether the server's name is checked.
 * Without any of these keys the JVM's defaults apply (its cacerts and javax.net.ssl.* properties).
 */
record ClientTls(SSLContext context, SSLParameters parameters) {

  static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  static final String KEY_PASSWORD = "schema.registry.ssl.key.password";
  static final String ENDPOINT_IDENTIFICATION_ALGORITHM = "schema.registry.ssl.endpoint.identification.algorithm";
  static final String PROTOCOL = "schema.registry.ssl.protocol";
  static final String DEFAULT_PROTOCOL = "TLSv1.3";

  /** Empty when no key asks for anything but the JVM's defaults. */
  static Optional<ClientTls> from(Map<String, ?> configs) {
    String trustStore = ClientSettings.string(configs, TRUSTSTORE_LOCATION, null);
    String keyStore = ClientSettings.string(configs, KEYSTORE_LOCATION, null);
    boolean verifyHostname = verifyHostname(configs);
    String protocol = ClientSettings.string(configs, PROTOCOL, null);
    if (trustStore == null && keyStore == null && verifyHostname && protocol == null) {
      return Optional.empty();
    }
    try {
      TrustManager[] trust = trustManagers(configs, trustStore);
      if (!verifyHostname) {
        trust = Arrays.stream(trust)
            .map(manager -> manager instanceof X509TrustManager x509
                ? new HostnameIgnoringTrustManager(x509) : manager)
            .toArray(TrustManager[]::new);
      }
      SSLContext context = SSLContext.getInstance(protocol == null ? DEFAULT_PROTOCOL : protocol.trim());
      context.init(keyManagers(configs, keyStore), trust, null);
      SSLParameters parameters = context.getDefaultSSLParameters();
      parameters.setEndpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
      return Optional.of(new ClientTls(context, parameters));
    } catch (GeneralSecurityException e) {
      throw new ConfigException("Cannot set up TLS for the schema registry client: " + e.getMessage());
    }
  }

  void applyTo(HttpClient.Builder builder) {
    builder.sslContext(context).sslParameters(parameters);
  }

  private static boolean verifyHostname(Map<String, ?> configs) {
    Object value = configs.get(ENDPOINT_IDENTIFICATION_ALGORITHM);
    if (value == null) {
      return true;
    }
    String algorithm = value.toString().trim();
    if (algorithm.isEmpty()) {
      return false;
    }
    if (!algorithm.toLowerCase(Locale.ROOT).equals("https")) {
      throw new ConfigException(ENDPOINT_IDENTIFICATION_ALGORITHM, value,
          "supported values are https (check the server's name) and an empty string (do not)");
    }
    return true;
  }

  private static TrustManager[] trustManagers(Map<String, ?> configs, String location)
      throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    // A null store means the JVM's own trust anchors.
    factory.init(location == null ? null : load(location, TRUSTSTORE_LOCATION,
        ClientSettings.string(configs, TRUSTSTORE_TYPE, KeyStore.getDefaultType()),
        ClientSettings.string(configs, TRUSTSTORE_PASSWORD, null)));
    return factory.getTrustManagers();
  }

  private static KeyManager[] keyManagers(Map<String, ?> configs, String location) throws GeneralSecurityException {
    if (location == null) {
      return null;
    }
    String storePassword = ClientSettings.string(configs, KEYSTORE_PASSWORD, null);
    KeyStore store = load(location, KEYSTORE_LOCATION,
        ClientSettings.string(configs, KEYSTORE_TYPE, KeyStore.getDefaultType()), storePassword);
    String keyPassword = ClientSettings.string(configs, KEY_PASSWORD, storePassword);
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    try {
      factory.init(store, keyPassword == null ? new char[0] : keyPassword.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new ConfigException(KEY_PASSWORD, "[hidden]", "cannot read the key of " + location + ": " + e.getMessage());
    }
    return factory.getKeyManagers();
  }

  /** A trust store may be read without its password (its integrity is then not checked); a key store may not. */
  private static KeyStore load(String location, String key, String type, String password) {
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      KeyStore store = KeyStore.getInstance(type.trim());
      store.load(in, password == null ? null : password.toCharArray());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(key, location, "cannot load it as a " + type.trim() + " store: " + e);
    }
  }
}
