package io.newsflow.producer.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the producer has sent, per source, kept in a small JSON file so that a restarted producer resends
 * nothing it already sent and skips nothing it had not: the ids the cluster acknowledged, how far each
 * file was read, and each feed's validators.
 *
 * <p>Callers record ids only after the producer's flush has returned and the cluster acknowledged them,
 * then {@link #save()}; the file is replaced atomically (written beside it, then moved over it), so a
 * crash leaves either the old or the new state, never half of one. A crash between an acknowledgement and
 * the save can only make the next run send those items again, which the streams app's dedup drops (same
 * id, same fingerprint).
 *
 * <p>Ids are kept per source up to a cap (oldest dropped first): files are skipped by their marks long
 * before their ids age out, and feeds repeat only their recent entries. Thread-safe.
 */
public final class ProducerState {

  /** Ids kept per source; at ~100 bytes each, a few MB of state for the busiest source. */
  public static final int DEFAULT_MAX_IDS_PER_SOURCE = 50_000;
  private static final int VERSION = 1;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private final Path file;
  private final int maxIdsPerSource;
  private final String target;
  private final Map<String, SourceState> sources = new TreeMap<>();
  private boolean dirty;

  private ProducerState(Path file, int maxIdsPerSource, String target) {
    this.file = file;
    this.maxIdsPerSource = maxIdsPerSource;
    this.target = target;
  }

  /** A state that lives only as long as the run: dry runs, and library callers that ask for none. */
  public static ProducerState inMemory() {
    return new ProducerState(null, DEFAULT_MAX_IDS_PER_SOURCE, null);
  }

  /**
   * The state in {@code file}, or an empty one when the file does not exist yet.
   *
   * @throws IllegalStateException when the file exists but cannot be read: starting over would resend
   *     everything, so the operator decides (fix or delete it); or when it was written for another target
   */
  public static ProducerState load(Path file, String target) {
    return load(file, target, DEFAULT_MAX_IDS_PER_SOURCE);
  }

  /**
   * @param target where the records go, e.g. {@code localhost:9092 news.raw}: what was sent to one cluster
   *     was not sent to another, so a state file serves one target only
   * @throws IllegalStateException also when the file was written for another target
   */
  public static ProducerState load(Path file, String target, int maxIdsPerSource) {
    ProducerState state = new ProducerState(file, maxIdsPerSource, target);
    Stored stored;
    try {
      stored = MAPPER.readValue(file.toFile(), Stored.class);
    } catch (NoSuchFileException | FileNotFoundException e) {
      return state;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read state file " + file + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""))
          + " (delete it to send everything again)", e);
    }
    if (stored.target() != null && target != null && !stored.target().equals(target)) {
      throw new IllegalStateException("state file " + file + " records what was sent to '" + stored.target()
          + "', not to '" + target + "': give this target its own file with --state (or delete it)");
    }
    if (stored.sources != null) {
      stored.sources.forEach((key, value) -> state.sources.put(key, SourceState.from(value)));
    }
    return state;
  }

  /** The file this state is saved to, or null for an in-memory state. */
  public Path file() {
    return file;
  }

  public synchronized boolean wasSent(String source, String id) {
    SourceState state = sources.get(source);
    return state != null && state.ids.contains(id);
  }

  /** Records ids the cluster acknowledged; call {@link #save()} to make it last. */
  public synchronized void markSent(String source, Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    SourceState state = source(source);
    for (String id : ids) {
      state.ids.remove(id);
      state.ids.add(id);
    }
    Iterator<String> oldest = state.ids.iterator();
    while (state.ids.size() > maxIdsPerSource && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
    dirty = true;
  }

  public synchronized int sentCount(String source) {
    SourceState state = sources.get(source);
    return state == null ? 0 : state.ids.size();
  }

  public synchronized FileMark file(String source, String path) {
    SourceState state = sources.get(source);
    return state == null ? null : state.files.get(path);
  }

  public synchronized void putFile(String source, String path, FileMark mark) {
    source(source).files.put(path, mark);
    dirty = true;
  }

  /** Forgets the marks of files under {@code source} that are no longer there. */
  public synchronized void retainFiles(String source, Set<String> existing) {
    SourceState state = sources.get(source);
    if (state != null && state.files.keySet().retainAll(existing)) {
      dirty = true;
    }
  }

  public synchronized FeedMark feed(String url) {
    SourceState state = sources.get(url);
    return state == null || (state.etag == null && state.lastModified == null)
        ? FeedMark.NONE : new FeedMark(state.etag, state.lastModified);
  }

  public synchronized void putFeed(String url, FeedMark mark) {
    SourceState state = source(url);
    state.etag = mark.etag();
    state.lastModified = mark.lastModified();
    dirty = true;
  }

  /**
   * Writes the state if it changed since the last save: to a temporary file beside the state file, forced
   * to disk, then moved over it atomically. Does nothing for an in-memory state.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public synchronized void save() {
    if (file == null || !dirty) {
      return;
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        byte[] json = MAPPER.writeValueAsBytes(toStored());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
          ByteBuffer buffer = ByteBuffer.wrap(json);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        move(temp, file);
      } finally {
        Files.deleteIfExists(temp);
      }
      dirty = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write state file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The JSON the file holds, for tests and for operators who want to look. */
  public synchronized String toJson() {
    try {
      return MAPPER.writeValueAsString(toStored());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private SourceState source(String key) {
    return sources.computeIfAbsent(key, k -> new SourceState());
  }

  private Stored toStored() {
    Map<String, StoredSource> stored = new LinkedHashMap<>();
    sources.forEach((key, state) -> stored.put(key, new StoredSource(List.copyOf(state.ids),
        state.files.isEmpty() ? null : new TreeMap<>(state.files), state.etag, state.lastModified)));
    return new Stored(VERSION, target, stored);
  }

  private static final class SourceState {
    final LinkedHashSet<String> ids = new LinkedHashSet<>();
    final Map<String, FileMark> files = new TreeMap<>();
    String etag;
    String lastModified;

    static SourceState from(StoredSource stored) {
      SourceState state = new SourceState();
      if (stored.ids() != null) {
        state.ids.addAll(stored.ids());
      }
      if (stored.files() != null) {
        state.files.putAll(stored.files());
      }
      state.etag = stored.etag();
      state.lastModified = stored.lastModified();
      return state;
    }
  }

  /** The file's layout. */
  record Stored(int version, String target, Map<String, StoredSource> sources) {}

  record StoredSource(List<String> ids, Map<String, FileMark> files, String etag, String lastModified) {}
}
