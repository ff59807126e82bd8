package io.newsflow.producer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerStateTest {

  private static final String TARGET = "localhost:9092 news.raw";

  @TempDir
  Path temp;

  @Test
  void savedStateIsReadBackWithIdsFileMarksAndFeedValidators() {
    Path file = temp.resolve("nested/producer-state.json");
    ProducerState state = ProducerState.load(file, TARGET);
    state.markSent("/news", List.of("a", "b"));
    state.putFile("/news", "/news/feed.jsonl", new FileMark(120, 1_700_000_000_000L, 100, 2, "jsonl"));
    state.markSent("https://example.org/feed.xml", List.of("guid-1"));
    state.putFeed("https://example.org/feed.xml", new FeedMark("\"v1\"", "Sat, 01 Mar 2025 00:00:00 GMT"));

    state.save();
    ProducerState again = ProducerState.load(file, TARGET);

    assertThat(again.wasSent("/news", "a")).isTrue();
    assertThat(again.wasSent("/news", "b")).isTrue();
    assertThat(again.wasSent("/news", "guid-1")).isFalse();
    assertThat(again.wasSent("https://example.org/feed.xml", "guid-1")).isTrue();
    assertThat(again.file("/news", "/news/feed.jsonl"))
        .isEqualTo(new FileMark(120, 1_700_000_000_000L, 100, 2, "jsonl"));
    assertThat(again.feed("https://example.org/feed.xml"))
        .isEqualTo(new FeedMark("\"v1\"", "Sat, 01 Mar 2025 00:00:00 GMT"));
    assertThat(again.feed("https://example.org/other.xml")).isEqualTo(FeedMark.NONE);
  }

  @Test
  void saveReplacesTheFileWholeAndLeavesNoTemporaryFileBehind() throws IOException {
    Path file = temp.resolve("producer-state.json");
    ProducerState state = ProducerState.load(file, TARGET);
    state.markSent("/news", List.of("a"));
    state.save();
    state.markSent("/news", List.of("b"));

    state.save();

    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly("producer-state.json");
    }
    assertThat(Files.readString(file)).contains("\"target\" : \"" + TARGET + "\"").contains("\"a\"", "\"b\"");
  }

  @Test
  void oldestIdsAreDroppedBeyondTheCapPerSource() {
    ProducerState state = ProducerState.load(temp.resolve("s.json"), TARGET, 3);

    state.markSent("feed", List.of("1", "2", "3"));
    state.markSent("feed", List.of("4"));

    assertThat(state.sentCount("feed")).isEqualTo(3);
    assertThat(state.wasSent("feed", "1")).isFalse();
    assertThat(state.wasSent("feed", "4")).isTrue();
  }

  @Test
  void marksOfFilesThatAreGoneAreForgotten() {
    ProducerState state = ProducerState.inMemory();
    state.putFile("/news", "/news/a.json", new FileMark(1, 1, 1, 1, "json"));
    state.putFile("/news", "/news/b.json", new FileMark(1, 1, 1, 1, "json"));

    state.retainFiles("/news", Set.of("/news/b.json"));

    assertThat(state.file("/news", "/news/a.json")).isNull();
    assertThat(state.file("/news", "/news/b.json")).isNotNull();
  }

  @Test
  void unreadableStateFileIsAnErrorRatherThanAFreshStartThatWouldResendEverything() throws IOException {
    Path file = Files.writeString(temp.resolve("producer-state.json"), "{ not json");

    assertThatThrownBy(() -> ProducerState.load(file, TARGET))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot read state file " + file + ": ")
        .hasMessageEndingWith("(delete it to send everything again)");
  }

  @Test
  void stateOfAnotherClusterOrTopicIsRefused() {
    Path file = temp.resolve("producer-state.json");
    ProducerState state = ProducerState.load(file, TARGET);
    state.markSent("/news", List.of("a"));
    state.save();

    assertThatThrownBy(() -> ProducerState.load(file, "other:9092 news.raw"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("state file " + file + " records what was sent to '" + TARGET + "', not to 'other:9092 news.raw':"
            + " give this target its own file with --state (or delete it)");
  }

  @Test
  void missingFileIsAnEmptyState() {
    ProducerState state = ProducerState.load(temp.resolve("none.json"), TARGET);

    assertThat(state.wasSent("/news", "a")).isFalse();
    state.save();
    assertThat(temp.resolve("none.json")).doesNotExist();
  }
}
