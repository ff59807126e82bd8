package io.newsflow.streams.dedup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.avro.Article;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link DedupMessage} on the internal topic to the resolvers: JSON, with the article as the bytes
 * of newsflow's Avro serde (Confluent wire format, its schema registered like every other internal topic's),
 * so an in-flight article survives a schema upgrade.
 */
public final class DedupMessageSerde implements Serde<DedupMessage> {

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  private final Serde<Article> articles;

  public DedupMessageSerde(Serde<Article> articles) {
    this.articles = articles;
  }

  /** The JSON form: the article as bytes. */
  private record Wire(DedupMessage.Type type, byte[] article, String handle, List<String> keys,
      List<Match> matches) {
  }

  @Override
  public Serializer<DedupMessage> serializer() {
    return (topic, message) -> {
      if (message == null) {
        return null;
      }
      byte[] article = message.article() == null ? null : articles.serializer().serialize(topic, message.article());
      try {
        return MAPPER.writeValueAsBytes(
            new Wire(message.type(), article, message.handle(), message.keys(), message.matches()));
      } catch (IOException e) {
        throw new SerializationException("cannot write dedup message for " + topic, e);
      }
    };
  }

  @Override
  public Deserializer<DedupMessage> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      Wire wire;
      try {
        wire = MAPPER.readValue(bytes, Wire.class);
      } catch (IOException e) {
        throw new SerializationException("cannot read dedup message from " + topic, e);
      }
      Article article = wire.article() == null ? null : articles.deserializer().deserialize(topic, wire.article());
      return new DedupMessage(wire.type(), article, wire.handle(), wire.keys(), wire.matches());
    };
  }
}
