package io.newsflow.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test, and the files a TLS setup needs from it: a server key store for
 * "localhost" (DNS name only, so 127.0.0.1 fails hostname verification), a client key store for mutual TLS, and
 * trust stores holding the CA in PKCS12 and JKS. Every store has the password {@link #PASSWORD}.
 */
public final class TestPki {

  public static final String PASSWORD = "changeit-test";
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final Path serverKeyStore;
  private final Path clientKeyStore;
  private final Path trustStore;
  private final Path jksTrustStore;
  private final KeyStore trust;

  private TestPki(Path dir) throws GeneralSecurityException, IOException, OperatorCreationException {
    KeyPair caKeys = keyPair();
    X500Name caName = new X500Name("CN=newsflow test CA");
    X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), notBefore(), notAfter(), caName,
        caKeys.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), caKeys);

    KeyPair serverKeys = keyPair();
    X509Certificate server = sign(leaf(caName, "CN=localhost", serverKeys, KeyPurposeId.id_kp_serverAuth)
        .addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost"))), caKeys);
    KeyPair clientKeys = keyPair();
    X509Certificate client = sign(leaf(caName, "CN=registry-client", clientKeys, KeyPurposeId.id_kp_clientAuth),
        caKeys);

    serverKeyStore = write(keyStore("PKCS12", "server", serverKeys, server, ca), dir.resolve("server.p12"));
    clientKeyStore = write(keyStore("PKCS12", "client", clientKeys, client, ca), dir.resolve("client.p12"));
    trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    trustStore = write(trust, dir.resolve("truststore.p12"));
    KeyStore jks = KeyStore.getInstance("JKS");
    jks.load(null, null);
    jks.setCertificateEntry("ca", ca);
    jksTrustStore = write(jks, dir.resolve("truststore.jks"));
  }

  /** A new CA and its files in {@code dir}. */
  public static TestPki create(Path dir) {
    try {
      return new TestPki(dir);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the test CA", e);
    }
  }

  /** PKCS12: the server's key and its chain (server, CA), for "localhost". */
  public Path serverKeyStore() {
    return serverKeyStore;
  }

  /** PKCS12: a client key and chain for mutual TLS. */
  public Path clientKeyStore() {
    return clientKeyStore;
  }

  /** PKCS12 holding the CA certificate. */
  public Path trustStore() {
    return trustStore;
  }

  /** JKS holding the CA certificate. */
  public Path jksTrustStore() {
    return jksTrustStore;
  }

  /** A client context trusting the CA, for tests that call the registry without our client. */
  public SSLContext clientContext() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server context with the "localhost" key that trusts client certificates from the CA (mutual TLS). */
  public SSLContext mutualServerContext() {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(serverKeyStore)) {
        keys.load(in, PASSWORD.toCharArray());
      }
      KeyManagerFactory keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyFactory.init(keys, PASSWORD.toCharArray());
      TrustManagerFactory trustFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustFactory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509v3CertificateBuilder leaf(X500Name issuer, String subject, KeyPair keys, KeyPurposeId purpose)
      throws IOException {
    return new JcaX509v3CertificateBuilder(issuer, serial(), notBefore(), notAfter(), new X500Name(subject),
        keys.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  private static KeyStore keyStore(String type, String alias, KeyPair keys, X509Certificate cert,
      X509Certificate ca) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(type);
    store.load(null, null);
    store.setKeyEntry(alias, keys.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert, ca});
    return store;
  }

  private static Path write(KeyStore store, Path file) throws GeneralSecurityException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD.toCharArray());
    }
    return file;
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIALS.incrementAndGet());
  }

  private static Date notBefore() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date notAfter() {
    return Date.from(Instant.now().plus(Duration.ofDays(1)));
  }
}
