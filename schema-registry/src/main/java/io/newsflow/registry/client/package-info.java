/**
 * Schema Registry clients: {@link io.newsflow.registry.client.SchemaRegistryClient}, an HTTP implementation of
 * Confluent's REST API ({@link io.newsflow.registry.client.HttpSchemaRegistryClient}), an in-process
 * {@link io.newsflow.registry.client.MockSchemaRegistry} for {@code mock://scope} URLs, and a factory choosing by URL.
 *
 * <p>Hand-written because Confluent's own client (io.confluent:kafka-schema-registry-client) is published only in
 * Confluent's Maven repository, not on Maven Central, which is all this build may reach. The REST surface used here
 * is small and stable, so java.net.http and Jackson are enough.
 */
package io.newsflow.registry.client;
