package io.newsflow.registry.serde;

import java.io.ByteArrayOutputStream;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: byte 0 is the magic byte 0x0, bytes 1-4 the schema id as a big-endian int, then the
 * Avro binary encoding of the record.
 */
final class WireFormat {

  static final byte MAGIC_BYTE = 0x0;
  static final int HEADER_SIZE = 5;

  private WireFormat() {
  }

  static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /** The schema id of {@code payload}, after checking that it has a complete header with the right magic byte. */
  static int schemaId(byte[] payload, String topic) {
    if (payload.length < HEADER_SIZE) {
      throw new SerializationException("Payload of " + payload.length + " bytes from topic " + topic
          + " is truncated: the Confluent header needs " + HEADER_SIZE);
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new SerializationException(String.format("Unknown magic byte 0x%02x at offset 0 of record from topic %s"
          + " (expected 0x0)", payload[0] & 0xff, topic));
    }
    return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8)
        | (payload[4] & 0xff);
  }
}
