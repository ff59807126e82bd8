package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.avro.RawArticle;
import io.newsflow.kafka.embedded.ClusterMember;
import io.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import io.newsflow.kafka.embedded.Ports;
import io.newsflow.producer.SentVersions;
import io.newsflow.registry.server.SchemaRegistryServer;
import io.newsflow.registry.server.ServerTls;
import io.newsflow.registry.testing.TestPki;
import io.newsflow.streams.verify.PipelineRun;
import io.newsflow.streams.verify.SyntheticNews;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline as an operator of a managed Kafka runs it: a broker whose only client listener is SASL_SSL
 * (SCRAM-SHA-512, a certificate from a CA the test makes), ACLs that allow each principal what it needs and
 * nothing else, and the schema registry behind HTTP basic auth over HTTPS. {@code newsflow produce},
 * {@code stream} and {@code verify} are child processes configured only by a properties file each (Kafka client
 * settings plus Confluent's registry keys); verify reports no difference from the oracle. A principal outside
 * the ACLs is refused, and so is a registry request without credentials.
 */
class SecuredPipelineIT {

  private static final String SCRAM = "SCRAM-SHA-512";
  private static final Map<String, String> USERS = Map.of("admin", "admin-secret", "app", "app-secret",
      "producer", "producer-secret", "registry", "registry-secret", "reader", "reader-secret");
  private static final String REGISTRY_USER_INFO = "newsflow:registry-http-secret";

  @TempDir
  Path dir;

  private TestPki pki;
  private String bootstrap;

  @Test
  void producesStreamsAndVerifiesOverSaslSslWithAclsAndARegistryBehindBasicAuthOverHttps() throws Exception {
    assertThat(StreamProcess.JAR).as("the packaged jar (mvn package runs before the ITs)").exists();
    pki = TestPki.create(Files.createDirectories(dir.resolve("pki")));
    try (EmbeddedKafkaBroker broker = startSecuredBroker()) {
      bootstrap = broker.bootstrapServers();
      PipelineRun run = new PipelineRun("secured", bootstrap, "unused", 3);
      String appId = run.config().get("application.id");
      grantAcls(bootstrap, appId);
      try (SchemaRegistryServer registry = SchemaRegistryServer.start(
          new SchemaRegistryServer.Config("localhost", 0, bootstrap, "_schemas")
              .withTls(new ServerTls(pki.serverKeyStore(), TestPki.PASSWORD))
              .withBasicAuth(REGISTRY_USER_INFO)
              .withKafkaClientSettings(kafkaClient("registry")))) {
        assertThat(registry.url()).startsWith("https://");
        assertThat(unauthenticatedRegistryStatus(registry.url())).isEqualTo(401);

        List<RawArticle> articles = SyntheticNews.generate(400, 17, Instant.parse("2025-11-03T00:00:00Z"),
            Duration.ofDays(2));
        Path input = dir.resolve("newswire.jsonl");
        NewswireFile.write(articles, input);

        Map<String, String> app = new HashMap<>(run.config());
        app.putAll(clientFile("app", registry.url()));
        app.remove("schema.registry.url");
        StreamProcess stream = new StreamProcess(dir.resolve("app"), bootstrap, registry.url(), app).start();
        try {
          stream.apiUrl();
          Path producerConfig = writeProperties("producer.properties", clientFile("producer", registry.url()));
          assertThat(newsflow("produce", "produce", "--config", producerConfig.toString(), "--topic",
              run.rawTopic(), "--no-state", "--no-progress", input.toString()))
              .as("%s", Files.readString(dir.resolve("produce.log"))).isZero();

          Map<String, String> reader = clientFile("reader", registry.url());
          run.config().forEach((key, value) -> {
            if (key.startsWith("newsflow.")) {
              reader.put(key, value);
            }
          });
          Path readerConfig = writeProperties("reader.properties", reader);
          assertThat(newsflow("verify", "verify", "--config", readerConfig.toString(), "--wait", "4m",
              input.toString())).as("%s", Files.readString(dir.resolve("verify.log"))).isZero();
          assertThat(Files.readString(dir.resolve("verify.log"))).contains("differences: 0")
              .contains("oracle: " + SentVersions.sentOnce(articles).size() + " articles");
        } finally {
          stream.stop();
          keepLogs();
        }
        assertThat(Files.readString(stream.log())).doesNotContain("event=unexpected-error");
        assertProducerCannotReadTheArticles(bootstrap, run.config().get("newsflow.topic.articles"));
      }
    }
  }

  /** The commands' logs outlive the temporary directory, for a failure to be read. */
  private void keepLogs() throws IOException {
    ItLogs.keep(getClass(),
        List.of(dir.resolve("produce.log"), dir.resolve("verify.log"), dir.resolve("app/stream.log")));
  }

  private EmbeddedKafkaBroker startSecuredBroker() throws IOException {
    int port = Ports.freePort("localhost");
    int controllerPort = Ports.freePort("localhost");
    Map<String, String> settings = new LinkedHashMap<>();
    // The controller listener stays inside the node (combined mode); clients reach the broker on SASL_SSL only.
    settings.put("listeners", "SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    settings.put("advertised.listeners", "SASL_SSL://localhost:" + port);
    settings.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
    settings.put("inter.broker.listener.name", "SASL_SSL");
    // PLAIN as Confluent Cloud has it (an API key and secret) for the producer; SCRAM for everyone else.
    settings.put("sasl.enabled.mechanisms", SCRAM + ",PLAIN");
    settings.put("listener.name.sasl_ssl.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required user_producer=\""
            + USERS.get("producer") + "\";");
    settings.put("sasl.mechanism.inter.broker.protocol", SCRAM);
    settings.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas("admin"));
    settings.put("ssl.keystore.location", pki.serverKeyStore().toString());
    settings.put("ssl.keystore.password", TestPki.PASSWORD);
    settings.put("ssl.keystore.type", "PKCS12");
    settings.put("ssl.key.password", TestPki.PASSWORD);
    settings.put("ssl.truststore.location", pki.trustStore().toString());
    settings.put("ssl.truststore.password", TestPki.PASSWORD);
    settings.put("ssl.truststore.type", "PKCS12");
    settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    // ANONYMOUS is the node's own broker half calling its controller half over the plaintext controller listener.
    settings.put("super.users", "User:admin;User:ANONYMOUS");
    settings.put("allow.everyone.if.no.acl.found", "false");
    settings.put("auto.create.topics.enable", "false");
    List<String> credentials = new ArrayList<>();
    USERS.forEach((user, password) -> credentials.add(SCRAM + "=[name=" + user + ",password=" + password + "]"));
    return EmbeddedKafkaBroker.start(new EmbeddedKafkaBroker.Config("localhost", port, dir.resolve("kafka"), settings)
        .withMember(new ClusterMember(1, 1, controllerPort, ClusterMember.voters("localhost", controllerPort),
            Uuid.randomUuid().toString()))
        .withScramCredentials(credentials)
        .withClientSettings(kafkaClient("admin")));
  }

  /** What each principal may do: the app its topics, group and transactions; the others one topic each. */
  private void grantAcls(String bootstrap, String appId) throws Exception {
    List<AclBinding> acls = new ArrayList<>();
    for (String prefix : List.of("secured.news.", appId)) {
      acls.add(allow("app", new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), AclOperation.ALL));
    }
    acls.add(allow("app", new ResourcePattern(ResourceType.GROUP, appId, PatternType.PREFIXED), AclOperation.ALL));
    acls.add(allow("app", new ResourcePattern(ResourceType.TRANSACTIONAL_ID, appId, PatternType.PREFIXED),
        AclOperation.ALL));
    ResourcePattern cluster = new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
    for (String user : List.of("app", "producer")) {
      acls.add(allow(user, cluster, AclOperation.IDEMPOTENT_WRITE));
    }
    ResourcePattern raw = new ResourcePattern(ResourceType.TOPIC, "secured.news.raw", PatternType.LITERAL);
    acls.add(allow("producer", raw, AclOperation.WRITE));
    acls.add(allow("producer", raw, AclOperation.DESCRIBE));
    acls.add(allow("registry", new ResourcePattern(ResourceType.TOPIC, "_schemas", PatternType.LITERAL),
        AclOperation.ALL));
    ResourcePattern outputs = new ResourcePattern(ResourceType.TOPIC, "secured.news.", PatternType.PREFIXED);
    acls.add(allow("reader", outputs, AclOperation.READ));
    acls.add(allow("reader", outputs, AclOperation.DESCRIBE));
    acls.add(allow("reader", new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL), AclOperation.READ));
    Map<String, Object> admin = new HashMap<>(kafkaClient("admin"));
    admin.put("bootstrap.servers", bootstrap);
    try (Admin client = Admin.create(admin)) {
      client.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static AclBinding allow(String user, ResourcePattern pattern, AclOperation operation) {
    return new AclBinding(pattern, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }

  private void assertProducerCannotReadTheArticles(String bootstrap, String topic) {
    Properties props = new Properties();
    props.putAll(kafkaClient("producer"));
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      assertThatThrownBy(() -> consumer.partitionsFor(topic, Duration.ofSeconds(20)))
          .isInstanceOf(TopicAuthorizationException.class);
    }
  }

  private int unauthenticatedRegistryStatus(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(pki.clientContext()).build();
    return http.send(HttpRequest.newBuilder(URI.create(url + "/subjects")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * A principal's Kafka client settings: SASL_SSL, trusting the test CA; the producer with PLAIN, the keys of the
   * README's Confluent Cloud example, the others with SCRAM.
   */
  private Map<String, String> kafkaClient(String user) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("security.protocol", "SASL_SSL");
    if (user.equals("producer")) {
      settings.put("sasl.mechanism", "PLAIN");
      settings.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
          + user + "\" password=\"" + USERS.get(user) + "\";");
    } else {
      settings.put("sasl.mechanism", SCRAM);
      settings.put("sasl.jaas.config", jaas(user));
    }
    settings.put("ssl.truststore.location", pki.trustStore().toString());
    settings.put("ssl.truststore.password", TestPki.PASSWORD);
    settings.put("ssl.truststore.type", "PKCS12");
    return settings;
  }

  /** A command's whole configuration file: its principal's Kafka settings and Confluent's registry keys. */
  private Map<String, String> clientFile(String user, String registryUrl) {
    Map<String, String> settings = kafkaClient(user);
    settings.put("bootstrap.servers", bootstrap);
    settings.put("schema.registry.url", registryUrl);
    settings.put("basic.auth.credentials.source", "USER_INFO");
    settings.put("basic.auth.user.info", REGISTRY_USER_INFO);
    settings.put("schema.registry.ssl.truststore.location", pki.trustStore().toString());
    settings.put("schema.registry.ssl.truststore.password", TestPki.PASSWORD);
    settings.put("schema.registry.ssl.truststore.type", "PKCS12");
    return settings;
  }

  private static String jaas(String user) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
        + USERS.get(user) + "\";";
  }

  private Path writeProperties(String name, Map<String, String> settings) throws IOException {
    Properties props = new Properties();
    props.putAll(settings);
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, null);
    }
    return file;
  }

  /** Runs {@code newsflow ARGS} to its end; its output goes to {@code <log>.log}. */
  private int newsflow(String log, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", StreamProcess.JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log + ".log").toFile());
    // Kafka's own warnings (authentication, authorization) are what a failure here needs to show.
    builder.environment().put("NEWSFLOW_KAFKA_LOG_LEVEL", "WARN");
    Process process = builder.start();
    assertThat(process.waitFor(6, TimeUnit.MINUTES)).as("%s finished", log).isTrue();
    return process.exitValue();
  }
}
