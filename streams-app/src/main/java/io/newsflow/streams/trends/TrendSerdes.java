package io.newsflow.streams.trends;

import io.newsflow.streams.support.BinarySerde;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary formats of the trend stage's store values and of its input repartition topic ({@link BinarySerde}):
 * a tally is read and written once per keyword of every article, so its format is on the hot path.
 */
public final class TrendSerdes {

  private TrendSerdes() {}

  /** {@link TrendChange}, the records of the trends-by-window repartition topic. */
  public static BinarySerde<TrendChange> changes() {
    return new BinarySerde<>("trend change", 2, (out, c) -> {
      BinarySerde.writeString(out, c.key());
      BinarySerde.writeString(out, c.articleId());
      BinarySerde.writeStrings(out, c.keywords());
      out.writeBoolean(c.withdraw());
      BinarySerde.writeStrings(out, c.terms());
      BinarySerde.writeStrings(out, c.nouns());
      BinarySerde.writeStrings(out, c.pairs());
    }, in -> new TrendChange(BinarySerde.readString(in), BinarySerde.readString(in), BinarySerde.readStrings(in),
        in.readBoolean(), BinarySerde.readStrings(in), BinarySerde.readStrings(in), BinarySerde.readStrings(in)),
        // Format 1, before the keyword model: nothing to learn from.
        1, in -> new TrendChange(BinarySerde.readString(in), BinarySerde.readString(in),
            BinarySerde.readStrings(in), in.readBoolean(), List.of(), List.of(), List.of()));
  }

  static BinarySerde<KeywordTally> tallies() {
    return new BinarySerde<>("keyword tally", 1, TrendSerdes::writeTally, TrendSerdes::readTally);
  }

  static BinarySerde<OpenWindow> windows() {
    return new BinarySerde<>("open window", 1, (out, w) -> {
      out.writeLong(w.articles());
      out.writeBoolean(w.changed());
    }, in -> new OpenWindow(in.readLong(), in.readBoolean()));
  }

  static BinarySerde<Contribution> contributions() {
    return new BinarySerde<>("contribution", 1, (out, c) -> {
      BinarySerde.writeString(out, c.articleId());
      out.writeLong(c.eventTime());
      BinarySerde.writeStrings(out, c.keywords());
      out.writeInt(c.sizes().size());
      for (long size : c.sizes()) {
        out.writeLong(size);
      }
    }, in -> {
      String articleId = BinarySerde.readString(in);
      long eventTime = in.readLong();
      List<String> keywords = BinarySerde.readStrings(in);
      int n = in.readInt();
      List<Long> sizes = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        sizes.add(in.readLong());
      }
      return new Contribution(articleId, eventTime, keywords, sizes);
    });
  }

  static BinarySerde<KeywordHistory> history() {
    return new BinarySerde<>("keyword history", 1, (out, h) -> {
      out.writeDouble(h.mean());
      out.writeLong(h.updatedAt());
    }, in -> new KeywordHistory(in.readDouble(), in.readLong()));
  }

  static BinarySerde<WindowProgress> progress() {
    return new BinarySerde<>("window progress", 1, (out, p) -> {
      out.writeLong(p.closedWindows());
      out.writeLong(p.closedThrough());
      out.writeDouble(p.volume());
    }, in -> new WindowProgress(in.readLong(), in.readLong(), in.readDouble()));
  }

  private static void writeTally(DataOutput out, KeywordTally tally) throws IOException {
    out.writeLong(tally.articles());
    out.writeLong(tally.weight());
    out.writeInt(tally.forms().size());
    for (Map.Entry<String, Long> form : tally.forms().entrySet()) {
      BinarySerde.writeString(out, form.getKey());
      out.writeLong(form.getValue());
    }
    out.writeInt(tally.top().size());
    for (TopArticle article : tally.top()) {
      BinarySerde.writeString(out, article.id());
      out.writeLong(article.weight());
      out.writeLong(article.eventTime());
    }
  }

  private static KeywordTally readTally(DataInput in) throws IOException {
    long articles = in.readLong();
    long weight = in.readLong();
    int formCount = in.readInt();
    Map<String, Long> forms = new HashMap<>(2 * formCount);
    for (int i = 0; i < formCount; i++) {
      forms.put(BinarySerde.readString(in), in.readLong());
    }
    int topCount = in.readInt();
    List<TopArticle> top = new ArrayList<>(topCount);
    for (int i = 0; i < topCount; i++) {
      top.add(new TopArticle(BinarySerde.readString(in), in.readLong(), in.readLong()));
    }
    return new KeywordTally(articles, weight, forms, top);
  }
}
