/**
 * Kafka serdes for newsflow's generated Avro classes in Confluent's wire format (magic byte 0, 4-byte big-endian
 * schema id, Avro binary), configured with Confluent's keys ({@code schema.registry.url},
 * {@code auto.register.schemas}, {@code use.latest.version}, basic auth), with subjects named by TopicNameStrategy.
 *
 * <p>Hand-written because Confluent's KafkaAvroSerializer and SpecificAvroSerde (io.confluent:kafka-avro-serializer,
 * kafka-streams-avro-serde) are not on Maven Central. Compatibility is byte for byte: a Confluent consumer reads
 * what these serializers write, and these deserializers read what Confluent's serializers write.
 */
package io.newsflow.registry.serde;
