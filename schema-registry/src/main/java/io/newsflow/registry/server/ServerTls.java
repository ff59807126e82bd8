package io.newsflow.registry.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The registry's server certificate for HTTPS: a key store holding its private key and certificate chain, named
 * the way Confluent's registry names them (ssl.keystore.location / password / type, ssl.key.password).
 *
 * @param keyStore the key store file
 * @param keyStorePassword its password
 * @param keyStoreType PKCS12, JKS, ...; the JVM's default type (PKCS12) when null or blank
 * @param keyPassword the private key's password; the key store's when null
 */
public record ServerTls(Path keyStore, String keyStorePassword, String keyStoreType, String keyPassword) {

  public ServerTls {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(keyStorePassword, "keyStorePassword");
    keyStoreType = (keyStoreType == null || keyStoreType.isBlank() ? KeyStore.getDefaultType() : keyStoreType.trim())
        .toUpperCase(Locale.ROOT);
    keyPassword = keyPassword == null ? keyStorePassword : keyPassword;
  }

  /** A key store of the JVM's default type whose key has the store's password. */
  public ServerTls(Path keyStore, String keyStorePassword) {
    this(keyStore, keyStorePassword, null, null);
  }

  /** Loads the key store; a file that cannot be read or opened is an {@link IllegalStateException} naming it. */
  SSLContext sslContext() {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance(keyStoreType);
      store.load(in, keyStorePassword.toCharArray());
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, keyPassword.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot load the registry's " + keyStoreType + " key store " + keyStore
          + ": " + e.getMessage(), e);
    }
  }

  /** Without the passwords: configurations end up in logs. */
  @Override
  public String toString() {
    return "ServerTls[keyStore=" + keyStore + ", keyStoreType=" + keyStoreType + "]";
  }
}
