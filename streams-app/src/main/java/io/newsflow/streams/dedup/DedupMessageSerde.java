package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import io.newsflow.streams.support.BinarySerde;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link DedupMessage} on the internal topic to the resolvers: compact binary ({@link BinarySerde}),
 * with the article as the bytes of newsflow's Avro serde (Confluent wire format, its schema registered like
 * every other internal topic's), so an in-flight article survives a schema upgrade.
 */
public final class DedupMessageSerde implements Serde<DedupMessage> {

  private static final DedupMessage.Type[] TYPES = DedupMessage.Type.values();

  private final Serde<Article> articles;

  public DedupMessageSerde(Serde<Article> articles) {
    this.articles = articles;
  }

  /** The wire form: the article as bytes. */
  private record Wire(DedupMessage.Type type, byte[] article, String handle, List<String> keys,
      List<Match> matches) {
  }

  private static BinarySerde<Wire> wire() {
    return new BinarySerde<>("dedup message", 1, (out, w) -> {
      out.writeByte(w.type().ordinal());
      BinarySerde.writeBytes(out, w.article());
      BinarySerde.writeString(out, w.handle());
      BinarySerde.writeStrings(out, w.keys());
      out.writeInt(w.matches().size());
      for (Match match : w.matches()) {
        ItemStateSerde.writeMatch(out, match);
      }
    }, in -> {
      DedupMessage.Type type = TYPES[in.readByte()];
      byte[] article = BinarySerde.readBytes(in);
      String handle = BinarySerde.readString(in);
      List<String> keys = BinarySerde.readStrings(in);
      int n = in.readInt();
      List<Match> matches = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        matches.add(ItemStateSerde.readMatch(in));
      }
      return new Wire(type, article, handle, keys, matches);
    });
  }

  @Override
  public Serializer<DedupMessage> serializer() {
    Serializer<Wire> wire = wire().serializer();
    return (topic, message) -> {
      if (message == null) {
        return null;
      }
      byte[] article = message.article() == null ? null : articles.serializer().serialize(topic, message.article());
      return wire.serialize(topic,
          new Wire(message.type(), article, message.handle(), message.keys(), message.matches()));
    };
  }

  @Override
  public Deserializer<DedupMessage> deserializer() {
    Deserializer<Wire> wire = wire().deserializer();
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      Wire w = wire.deserialize(topic, bytes);
      Article article = w.article() == null ? null : articles.deserializer().deserialize(topic, w.article());
      return new DedupMessage(w.type(), article, w.handle(), w.keys(), w.matches());
    };
  }
}
