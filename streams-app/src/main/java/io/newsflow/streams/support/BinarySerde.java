package io.newsflow.streams.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for a value newsflow keeps in its own state stores or internal topics, written field by
 * field with {@link DataOutput}. The first byte is the format version, so a reader can tell an old value from a
 * new one and a changed format fails loudly instead of reading garbage.
 *
 * <p>Why not JSON or Avro: these values are read and written many times per article (a keyword tally per keyword,
 * an item's state per dedup message), and Jackson's reflection and text parsing were a fifth of the stream
 * threads' time; they never leave the application, so they need neither a schema registry nor readability.
 * Avro's reflect and generic readers would need a schema per value and do not map Java records and their maps
 * and nested lists more simply than the dozen lines each format takes here.
 */
public final class BinarySerde<T> implements Serde<T> {

  /** Writes a value's fields. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(DataOutput out, T value) throws IOException;
  }

  /** Reads a value's fields, in the order its writer wrote them. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(DataInput in) throws IOException;
  }

  private final String name;
  private final byte version;
  private final Writer<T> writer;
  private final Reader<T> reader;
  private final byte olderVersion;
  private final Reader<T> olderReader;

  public BinarySerde(String name, int version, Writer<T> writer, Reader<T> reader) {
    this(name, version, writer, reader, 0, null);
  }

  /**
   * A format that replaced an older one: values of format {@code olderVersion} (still in flight on an internal
   * topic when the app is upgraded) are read with {@code olderReader}.
   */
  public BinarySerde(String name, int version, Writer<T> writer, Reader<T> reader, int olderVersion,
      Reader<T> olderReader) {
    this.name = name;
    this.version = (byte) version;
    this.writer = writer;
    this.reader = reader;
    this.olderVersion = (byte) olderVersion;
    this.olderReader = olderReader;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(version);
        writer.write(out, value);
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("cannot write " + name + " for " + topic, e);
      }
      return bytes.toByteArray();
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        byte found = in.readByte();
        if (olderReader != null && found == olderVersion) {
          return olderReader.read(in);
        }
        if (found != version) {
          throw new SerializationException("unknown " + name + " format " + found + " in " + topic
              + " (expected " + version + "): the state was written by another version; reset the application");
        }
        return reader.read(in);
      } catch (IOException e) {
        throw new SerializationException("cannot read " + name + " from " + topic, e);
      }
    };
  }

  /** A string of any length (writeUTF stops at 64 KB) or null. */
  public static void writeString(DataOutput out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  public static String readString(DataInput in) throws IOException {
    byte[] bytes = readBytes(in);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /** Bytes or null. */
  public static void writeBytes(DataOutput out, byte[] value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(value.length);
    out.write(value);
  }

  public static byte[] readBytes(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  /** A list of strings, none null. */
  public static void writeStrings(DataOutput out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      writeString(out, value);
    }
  }

  public static List<String> readStrings(DataInput in) throws IOException {
    int size = in.readInt();
    List<String> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(readString(in));
    }
    return values;
  }
}
