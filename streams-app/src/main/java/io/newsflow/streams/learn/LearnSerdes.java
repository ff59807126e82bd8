package io.newsflow.streams.learn;

import io.newsflow.streams.support.BinarySerde;

/** The binary formats of the learner's store values ({@link BinarySerde}). */
final class LearnSerdes {

  private LearnSerdes() {}

  static BinarySerde<Decayed> decayed() {
    return new BinarySerde<>("decayed count", 1, (out, d) -> {
      out.writeDouble(d.value());
      out.writeLong(d.at());
    }, in -> new Decayed(in.readDouble(), in.readLong()));
  }

  static BinarySerde<LearnerState> state() {
    return new BinarySerde<>("keyword learner state", 1, (out, s) -> {
      out.writeLong(s.version());
      out.writeDouble(s.documents().value());
      out.writeLong(s.documents().at());
      out.writeInt(s.sinceSnapshot());
    }, in -> new LearnerState(in.readLong(), new Decayed(in.readDouble(), in.readLong()), in.readInt()));
  }
}
