package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends an article version to the match index once per match key, as a {@link Member} stamped with the
 * event time normalize gave the record. The signature comes with the article, computed once for the version
 * message and every entry. Passage keys carry the sketch; the others leave it out.
 */
public final class IndexEntriesProcessor implements Processor<String, SignedArticle, String, Member> {

  public static final String NAME = "dedup-match-keys";

  private ProcessorContext<String, Member> context;

  @Override
  public void init(ProcessorContext<String, Member> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, SignedArticle> record) {
    Article article = record.value().article();
    Signature signature = record.value().signature();
    for (String key : MatchKeys.of(signature)) {
      Member member = Member.of(article, record.timestamp(), signature, MatchKeys.isPassage(key));
      context.forward(new Record<>(key, member, record.timestamp()));
    }
  }
}
