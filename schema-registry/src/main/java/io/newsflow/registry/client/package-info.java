/**
 * Schema Registry clients: {@link io.newsflow.registry.client.SchemaRegistryClient}, an HTTP implementation of
 * Confluent's REST API ({@link io.newsflow.registry.client.HttpSchemaRegistryClient}), an in-process
 * {@link io.newsflow.registry.client.MockSchemaRegistry} for {@code mock://scope} URLs, and a factory choosing by URL.
 *
 * <p>Hand-written because Confluent's own client (io.confluent:kafka-schema-registry-client) is published only in
 * Confluent's Maven repository, not on Maven Central, which is all this build may reach. The REST surface used here
 * is small and stable, so java.net.http and Jackson are enough.
 *
 * <p>Confluent's client keys carry over: basic auth ({@code basic.auth.*}), a static bearer token
 * ({@code bearer.auth.*}) and TLS ({@code schema.registry.ssl.*}). Keys of those families that nothing here reads
 * are logged once each, so that a typo or an unsupported Confluent feature does not pass in silence.
 */
package io.newsflow.registry.client;
