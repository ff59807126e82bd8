package io.newsflow.streams.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serde of {@link Member}, for the match index and its repartition topic: a member is stored
 * under up to 13 keys, and its sketch as JSON numbers would triple its size. The first byte is the format
 * version.
 */
public final class MemberSerde implements Serde<Member> {

  private static final byte VERSION = 1;

  @Override
  public Serializer<Member> serializer() {
    return (topic, member) -> {
      if (member == null) {
        return null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + 8 * member.sketch().length);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(VERSION);
        out.writeUTF(member.handle());
        out.writeUTF(member.item());
        out.writeUTF(member.id());
        out.writeLong(member.eventTime());
        out.writeUTF(member.fingerprint());
        out.writeLong(member.simhash());
        out.writeInt(member.words());
        out.writeLong(member.title());
        out.writeShort(member.sketch().length);
        for (long hash : member.sketch()) {
          out.writeLong(hash);
        }
      } catch (IOException e) {
        throw new SerializationException("cannot write member " + member.handle(), e);
      }
      return bytes.toByteArray();
    };
  }

  @Override
  public Deserializer<Member> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        byte version = in.readByte();
        if (version != VERSION) {
          throw new SerializationException("unknown member format " + version + " in " + topic);
        }
        String handle = in.readUTF();
        String item = in.readUTF();
        String id = in.readUTF();
        long eventTime = in.readLong();
        String fingerprint = in.readUTF();
        long simhash = in.readLong();
        int words = in.readInt();
        long title = in.readLong();
        long[] sketch = new long[in.readShort()];
        for (int i = 0; i < sketch.length; i++) {
          sketch[i] = in.readLong();
        }
        return new Member(handle, item, id, eventTime, fingerprint, simhash, sketch, words, title);
      } catch (IOException e) {
        throw new SerializationException("cannot read member from " + topic, e);
      }
    };
  }
}
