package io.newsflow.registry.serde;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Makes Avro 1.12 trust our generated classes. Since 1.12 Avro refuses to load a class named by a schema unless
 * {@link ClassSecurityValidator} trusts it (a guard against gadget classes named in untrusted schemas), and by
 * default it trusts only java.lang types plus what the system property org.apache.avro.SERIALIZABLE_PACKAGES lists.
 * Without this, a SpecificDatumReader silently falls back to GenericData records or fails with "Forbidden class".
 * Rather than ask every application to set the property, the serde trusts exactly the packages of the classes it
 * is asked to read, composed with whatever was trusted before.
 */
final class TrustedAvroPackages {

  /** The package of newsflow's generated classes, trusted as soon as the serde is loaded. */
  static final String NEWSFLOW_AVRO = "io.newsflow.avro";

  private static final Set<String> PACKAGES = new CopyOnWriteArraySet<>();
  private static boolean installed;

  private TrustedAvroPackages() {
  }

  /** Trusts every class of {@code packageName} (not its sub-packages), once per package. */
  static synchronized void trust(String packageName) {
    if (!installed) {
      ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, TrustedAvroPackages::trusted));
      installed = true;
    }
    PACKAGES.add(packageName);
  }

  private static boolean trusted(Class<?> type) {
    return PACKAGES.contains(type.getPackageName());
  }
}
