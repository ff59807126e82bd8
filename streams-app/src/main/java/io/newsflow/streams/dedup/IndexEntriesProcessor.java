package io.newsflow.streams.dedup;

import io.newsflow.avro.Article;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends an article version to the match index once per match key, as a {@link Member} stamped with the
 * event time normalize gave the record. Passage keys carry the sketch; the others leave it out.
 */
public final class IndexEntriesProcessor implements Processor<String, Article, String, Member> {

  public static final String NAME = "dedup-match-keys";

  private ProcessorContext<String, Member> context;

  @Override
  public void init(ProcessorContext<String, Member> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Article> record) {
    Article article = record.value();
    Signature signature = Signature.of(article);
    for (String key : MatchKeys.of(signature)) {
      Member member = Member.of(article, record.timestamp(), signature, MatchKeys.isPassage(key));
      context.forward(new Record<>(key, member, record.timestamp()));
    }
  }
}
