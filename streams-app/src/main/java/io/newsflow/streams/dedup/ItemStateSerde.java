package io.newsflow.streams.dedup;

import io.newsflow.avro.DuplicateKind;
import io.newsflow.streams.support.BinarySerde;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * The binary format of {@link ItemState} in the resolver's store ({@link BinarySerde}): the state is read and
 * written for every message an item gets, about fifteen per article, and carries the article's Avro bytes, which
 * JSON had to write as base64 each time.
 */
final class ItemStateSerde {

  private static final DuplicateKind[] KINDS = DuplicateKind.values();

  private ItemStateSerde() {}

  static BinarySerde<ItemState> serde() {
    return new BinarySerde<>("item state", 1, ItemStateSerde::write, ItemStateSerde::read);
  }

  private static void write(DataOutput out, ItemState state) throws IOException {
    BinarySerde.writeString(out, state.item);
    out.writeInt(state.versions.size());
    for (VersionState version : state.versions.values()) {
      writeVersion(out, version);
    }
    out.writeInt(state.matches.size());
    for (Match match : state.matches.values()) {
      writeMatch(out, match);
    }
    out.writeLong(state.lastEventTime);
    BinarySerde.writeString(out, state.published);
    BinarySerde.writeString(out, state.countedKey);
  }

  private static ItemState read(DataInput in) throws IOException {
    ItemState state = new ItemState(BinarySerde.readString(in));
    int versions = in.readInt();
    for (int i = 0; i < versions; i++) {
      VersionState version = readVersion(in);
      state.versions.put(version.handle, version);
    }
    int matches = in.readInt();
    for (int i = 0; i < matches; i++) {
      Match match = readMatch(in);
      state.matches.put(match.item(), match);
    }
    state.lastEventTime = in.readLong();
    state.published = BinarySerde.readString(in);
    state.countedKey = BinarySerde.readString(in);
    return state;
  }

  private static void writeVersion(DataOutput out, VersionState v) throws IOException {
    BinarySerde.writeString(out, v.handle);
    BinarySerde.writeString(out, v.id);
    out.writeLong(v.eventTime);
    out.writeBoolean(v.updatedAt != null);
    if (v.updatedAt != null) {
      out.writeLong(v.updatedAt);
    }
    out.writeLong(v.versionTime);
    BinarySerde.writeString(out, v.fingerprint);
    out.writeBoolean(v.expectedKeys != null);
    if (v.expectedKeys != null) {
      BinarySerde.writeStrings(out, v.expectedKeys);
    }
    BinarySerde.writeStrings(out, List.copyOf(v.reportedKeys));
    BinarySerde.writeBytes(out, v.article);
    out.writeInt(v.resends);
    out.writeBoolean(v.notice != null);
    if (v.notice != null) {
      BinarySerde.writeString(out, v.notice.duplicateOf());
      out.writeByte(v.notice.kind().ordinal());
      out.writeBoolean(v.notice.distance() != null);
      if (v.notice.distance() != null) {
        out.writeInt(v.notice.distance());
      }
    }
  }

  private static VersionState readVersion(DataInput in) throws IOException {
    VersionState v = new VersionState();
    v.handle = BinarySerde.readString(in);
    v.id = BinarySerde.readString(in);
    v.eventTime = in.readLong();
    v.updatedAt = in.readBoolean() ? in.readLong() : null;
    v.versionTime = in.readLong();
    v.fingerprint = BinarySerde.readString(in);
    v.expectedKeys = in.readBoolean() ? List.copyOf(BinarySerde.readStrings(in)) : null;
    v.reportedKeys = new TreeSet<>(BinarySerde.readStrings(in));
    v.article = BinarySerde.readBytes(in);
    v.resends = in.readInt();
    if (in.readBoolean()) {
      String duplicateOf = BinarySerde.readString(in);
      DuplicateKind kind = KINDS[in.readByte()];
      Integer distance = in.readBoolean() ? in.readInt() : null;
      v.notice = new VersionState.Notice(duplicateOf, kind, distance);
    }
    return v;
  }

  static void writeMatch(DataOutput out, Match m) throws IOException {
    BinarySerde.writeString(out, m.item());
    BinarySerde.writeString(out, m.id());
    BinarySerde.writeString(out, m.handle());
    out.writeLong(m.eventTime());
    out.writeByte(m.kind().ordinal());
    out.writeInt(m.distance());
  }

  static Match readMatch(DataInput in) throws IOException {
    return new Match(BinarySerde.readString(in), BinarySerde.readString(in), BinarySerde.readString(in),
        in.readLong(), KINDS[in.readByte()], in.readInt());
  }
}
