package io.newsflow.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.newsflow.avro.DuplicateKind;
import io.newsflow.streams.support.BinarySerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ItemStateSerdeTest {

  @Test
  void itemStateWithVersionsMatchesAndNoticeSurvivesTheRoundTrip() {
    ItemState state = new ItemState("url:https://news.example/a");
    VersionState complete = new VersionState();
    complete.handle = "a|1";
    complete.id = "a";
    complete.eventTime = 1_000L;
    complete.updatedAt = 2_000L;
    complete.versionTime = 2_000L;
    complete.fingerprint = "fp-a";
    complete.expectedKeys = List.of("f:fp-a", "b0:1f");
    complete.reportedKeys.add("f:fp-a");
    complete.article = "avro bytes".getBytes(StandardCharsets.UTF_8);
    complete.resends = 2;
    complete.notice = new VersionState.Notice("b", DuplicateKind.NEAR, 3);
    VersionState placeholder = new VersionState();
    placeholder.handle = "a|2";
    placeholder.reportedKeys.add("p:99");
    state.versions.put(complete.handle, complete);
    state.versions.put(placeholder.handle, placeholder);
    state.addMatch(new Match("id:b", "b", "b|1", 500L, DuplicateKind.EXACT_CONTENT, 0), 64);
    state.lastEventTime = 1_000L;
    state.published = "a|1|0|a";
    state.countedKey = "a|1";

    ItemState read = roundTrip(state);

    assertThat(read.item).isEqualTo("url:https://news.example/a");
    assertThat(read.versions).containsOnlyKeys("a|1", "a|2");
    VersionState v = read.versions.get("a|1");
    assertThat(v.id).isEqualTo("a");
    assertThat(v.eventTime).isEqualTo(1_000L);
    assertThat(v.updatedAt).isEqualTo(2_000L);
    assertThat(v.versionTime).isEqualTo(2_000L);
    assertThat(v.fingerprint).isEqualTo("fp-a");
    assertThat(v.expectedKeys).containsExactly("f:fp-a", "b0:1f");
    assertThat(v.reportedKeys).containsExactly("f:fp-a");
    assertThat(new String(v.article, StandardCharsets.UTF_8)).isEqualTo("avro bytes");
    assertThat(v.resends).isEqualTo(2);
    assertThat(v.notice).isEqualTo(new VersionState.Notice("b", DuplicateKind.NEAR, 3));
    assertThat(v.complete()).isFalse();
    VersionState p = read.versions.get("a|2");
    assertThat(p.id).isNull();
    assertThat(p.updatedAt).isNull();
    assertThat(p.expectedKeys).isNull();
    assertThat(p.article).isNull();
    assertThat(p.notice).isNull();
    assertThat(p.reportedKeys).containsExactly("p:99");
    assertThat(read.matches).containsExactly(
        entry("id:b", new Match("id:b", "b", "b|1", 500L, DuplicateKind.EXACT_CONTENT, 0)));
    assertThat(read.lastEventTime).isEqualTo(1_000L);
    assertThat(read.published).isEqualTo("a|1|0|a");
    assertThat(read.countedKey).isEqualTo("a|1");
  }

  @Test
  void stateWrittenAsJsonByAnEarlierVersionIsRefusedWithAResetHint() {
    byte[] json = "{\"item\":\"id:a\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ItemStateSerde.serde().deserializer().deserialize("dedup-items", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown item state format 123 in dedup-items")
        .hasMessageContaining("reset the application");
  }

  private static ItemState roundTrip(ItemState state) {
    BinarySerde<ItemState> serde = ItemStateSerde.serde();
    return serde.deserializer().deserialize("dedup-items", serde.serializer().serialize("dedup-items", state));
  }
}
