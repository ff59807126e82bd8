package io.newsflow.streams.topics;

import io.newsflow.avro.Article;
import io.newsflow.avro.DeadLetter;
import io.newsflow.avro.DuplicateNotice;
import io.newsflow.avro.KeywordModel;
import io.newsflow.avro.RawArticle;
import io.newsflow.avro.TrendSnapshot;
import io.newsflow.registry.serde.AvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one typed registry of newsflow's topics: each name with its key and value serde. Keys are plain
 * strings; values are Avro in the Confluent wire format, registered under {@code <topic>-value}.
 */
public final class Topics {

  private final TopicNames names;
  private final Map<String, ?> serdeConfig;

  public Topics(TopicNames names, Map<String, ?> serdeConfig) {
    this.names = names;
    this.serdeConfig = Map.copyOf(serdeConfig);
  }

  public TopicNames names() {
    return names;
  }

  public Topic<String, RawArticle> raw() {
    return new Topic<>(names.raw(), Serdes.String(), valueSerde(RawArticle.class));
  }

  /** news.raw as bytes: the normalize stage decodes it itself so that undecodable records reach the DLQ. */
  public Topic<byte[], byte[]> rawBytes() {
    return new Topic<>(names.raw(), Serdes.ByteArray(), Serdes.ByteArray());
  }

  public Topic<String, Article> articles() {
    return new Topic<>(names.articles(), Serdes.String(), valueSerde(Article.class));
  }

  public Topic<String, DuplicateNotice> duplicates() {
    return new Topic<>(names.duplicates(), Serdes.String(), valueSerde(DuplicateNotice.class));
  }

  public Topic<String, TrendSnapshot> trends() {
    return new Topic<>(names.trends(), Serdes.String(), valueSerde(TrendSnapshot.class));
  }

  public Topic<String, DeadLetter> deadLetters() {
    return new Topic<>(names.deadLetters(), Serdes.String(), valueSerde(DeadLetter.class));
  }

  public Topic<String, KeywordModel> keywordModel() {
    return new Topic<>(names.keywordModel(), Serdes.String(), valueSerde(KeywordModel.class));
  }

  /** news.keyword-model's values as bytes, as the global store keeps them (decoded when a version is used). */
  public Topic<String, byte[]> keywordModelBytes() {
    return new Topic<>(names.keywordModel(), Serdes.String(), Serdes.ByteArray());
  }

  /** Word -> "keep" or "drop", plain strings: an operator writes them with any client. */
  public Topic<String, String> keywordDecisions() {
    return new Topic<>(names.keywordDecisions(), Serdes.String(), Serdes.String());
  }

  /** A value serde for records that travel on internal (repartition) topics. */
  public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
    AvroSerde<T> serde = new AvroSerde<>(type);
    serde.configure(serdeConfig, false);
    return serde;
  }
}
