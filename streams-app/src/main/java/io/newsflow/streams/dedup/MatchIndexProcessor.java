package io.newsflow.streams.dedup;

import io.newsflow.streams.support.EagerCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The match index, partitioned by match key ({@link MatchKeys}). Each article version arrives once per key;
 * it is compared with the other items' versions already under that key within the retention (in event time),
 * indexed, and the outcome is sent to the resolvers, keyed by item: a REPORT of what this version matched
 * under this key to its own item, an EDGE to each item it matched. A pair is found when the second of the two
 * arrives, whichever that is, so arrival order and partitioning do not change which pairs are found.
 */
public final class MatchIndexProcessor implements Processor<String, Member, String, DedupMessage> {

  public static final String NAME = "dedup-match";
  public static final String STORE = "dedup-match-index";

  private static final Logger LOG = LoggerFactory.getLogger(MatchIndexProcessor.class);

  private final NearRules rules;
  private final Duration retention;
  private final int maxCandidates;
  private ProcessorContext<String, DedupMessage> context;
  private EagerCommit.Trigger commits;
  private WindowStore<String, Member> index;

  private MatchIndexProcessor(NearRules rules, Duration retention, int maxCandidates) {
    this.rules = rules;
    this.retention = retention;
    this.maxCandidates = maxCandidates;
  }

  /**
   * The processor with its window store: members are kept twice the retention in stream time, so a late
   * article still finds those within the retention of its own event time.
   */
  public static ProcessorSupplier<String, Member, String, DedupMessage> supplier(NearRules rules,
      Duration retention, int maxCandidates) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Member, String, DedupMessage> get() {
        return new MatchIndexProcessor(rules, retention, maxCandidates);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.windowStoreBuilder(
            Stores.persistentWindowStore(STORE, retention.multipliedBy(2), retention, true),
            Serdes.String(), new MemberSerde()));
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, DedupMessage> context) {
    this.context = context;
    this.commits = EagerCommit.schedule(context);
    this.index = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, Member> record) {
    commits.processed();
    String key = record.key();
    Member member = record.value();
    long time = member.eventTime();
    List<Match> matches = new ArrayList<>();
    boolean indexed = false;
    int compared = 0;
    // The long overload: the Instant one formats an error-message prefix on every call, a few % of this stage.
    long from = Math.max(0, time - retention.toMillis());
    try (WindowStoreIterator<Member> it = index.fetch(key, from, time + retention.toMillis())) {
      while (it.hasNext()) {
        Member other = it.next().value;
        if (other.handle().equals(member.handle())) {
          indexed = true;
          continue;
        }
        if (other.item().equals(member.item())) {
          continue;
        }
        if (++compared > maxCandidates) {
          LOG.warn("event=match-candidates-capped key={} handle={} cap={}", key, member.handle(), maxCandidates);
          break;
        }
        Optional<NearRules.Relation> relation = rules.relate(member, other);
        if (relation.isPresent()) {
          matches.add(Match.of(other, relation.get()));
          context.forward(new Record<>(other.item(),
              DedupMessage.edge(other.handle(), Match.of(member, relation.get())), record.timestamp()));
        }
      }
    }
    if (!indexed) {
      index.put(key, member, time);
    }
    context.forward(new Record<>(member.item(), DedupMessage.report(member.handle(), key, matches),
        record.timestamp()));
  }
}
