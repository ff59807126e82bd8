/**
 * An embedded, single-node Schema Registry implementing the part of Confluent's REST API that Kafka clients and
 * tools use (register, lookup, schemas by id, subjects and versions, compatibility checks and configuration), with
 * Confluent's JSON shapes and error codes, and Avro's own {@link org.apache.avro.SchemaCompatibility} as judge.
 *
 * <p>Hand-written because Confluent's registry (io.confluent:kafka-schema-registry) is not on Maven Central and
 * needs its own process. It runs on the JDK's com.sun.net.httpserver.HttpServer with a few worker threads: that
 * server is enough for this small JSON surface and adds no dependency.
 *
 * <p>Layout: {@link io.newsflow.registry.server.SchemaRegistryServer} starts everything; {@code Router} maps paths
 * to the handlers ({@code SubjectHandlers}, {@code SchemaHandlers}, {@code ConfigHandlers});
 * {@link io.newsflow.registry.server.SchemaRegistryService} holds the rules; {@code CompatibilityChecker} judges
 * schemas; {@code SchemaStore} keeps state, in memory or in a compacted Kafka topic ({@code KafkaSchemaStore}).
 *
 * <p>Storage in Kafka: every registration, soft delete and configuration change is a JSON record (keys shaped like
 * Confluent's SCHEMA / CONFIG keys) in a compacted topic, {@code _schemas} by default. On start the registry replays
 * the topic to its end, so ids and versions survive restarts. Writes are applied to memory only after Kafka
 * acknowledges them. There is exactly one writer: this is a single-node registry with no leader election, and
 * two registries must not share a topic. The topic is created with one partition and, unless configured, the
 * broker's default replication factor; the store's Kafka clients take the operator's security settings.
 *
 * <p>Security, when configured: HTTPS with a key store ({@code ServerTls}, on the JDK's HttpsServer) and HTTP basic
 * auth for every request ({@code BasicAuthFilter}: 401, a {@code Basic realm="newsflow-registry"} challenge and
 * Confluent's error body).
 */
package io.newsflow.registry.server;
