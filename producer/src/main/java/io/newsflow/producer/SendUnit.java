package io.newsflow.producer;

import io.newsflow.avro.RawArticle;
import io.newsflow.producer.publish.SendResult;
import io.newsflow.producer.source.SourceAttributes;
import io.newsflow.producer.source.SourceListener;
import io.newsflow.producer.state.FileMark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of reading for one source (a scan of a directory, a feed poll, stdin lines) and the sends it
 * makes. Items the source sent before are skipped; the rest are sent, and on {@link #commit()} the
 * producer is flushed and only then are the acknowledged ids and the read positions recorded and saved,
 * so the state never claims more than the cluster holds.
 */
final class SendUnit implements SourceListener {

  private static final Logger LOG = LoggerFactory.getLogger(SendUnit.class);
  /** Records sent between two flushes: bounds what a crash can make the next run resend. */
  static final int BATCH = 500;

  private final LiveRun run;
  private final String source;
  private final List<Pending> pending = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, FileMark> marks = new LinkedHashMap<>();
  private final Set<String> filesToRetry = new HashSet<>();
  private String currentFile;
  private boolean retry;
  private boolean interrupted;

  SendUnit(LiveRun run, String source) {
    this.run = run;
    this.source = source;
  }

  @Override
  public void onFile(Path file) {
    currentFile = file.toString();
    run.stats().files.incrementAndGet();
  }

  @Override
  public void onArticle(RawArticle article) {
    if (run.stopping()) {
      interrupted = true;
      return;
    }
    run.stats().read.incrementAndGet();
    run.meters().read(source);
    String key = SentVersions.key(article);
    if (run.state().wasSent(source, key) || !seen.add(key)) {
      run.stats().skipped.incrementAndGet();
      run.meters().skipped(source);
      return;
    }
    long size = sizeOf(article);
    if (size > run.options().maxItemBytes()) {
      run.readFailure(new Failure(SourceAttributes.origin(article), "item is " + size + " bytes, over the cap of "
          + run.options().maxItemBytes() + " bytes (--max-item-bytes); not sent"));
      run.meters().failed(source);
      return;
    }
    try {
      run.rate().acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      interrupted = true;
      return;
    }
    Pending send = new Pending(key, currentFile);
    pending.add(send);
    run.sink().send(article, result -> {
      send.result = result;
      if (result.acked()) {
        run.stats().sent.incrementAndGet();
        run.meters().sent(source);
      } else {
        run.stats().fail(result.failure());
        run.meters().failed(source);
        run.meters().sendError(source, result.retriable());
      }
    });
    if (pending.size() >= BATCH) {
      commit();
    }
  }

  @Override
  public void onFailure(Failure failure) {
    run.readFailure(failure);
    run.meters().failed(source);
  }

  /** True once the run's stop cut this unit short: what was not read must not be recorded as read. */
  boolean interrupted() {
    return interrupted;
  }

  /** Records how far a file was read, applied at the next commit if all its sends went through. */
  void fileDone(Path file, FileMark mark) {
    if (!interrupted) {
      marks.put(file.toString(), mark);
    }
  }

  /**
   * Flushes the producer, then records the acknowledged ids and the read positions of the files whose
   * sends all ended (acknowledged, or failed for good), and saves the state.
   *
   * @return true when nothing in this unit so far failed in a way worth retrying and no stop cut it short
   */
  boolean commit() {
    if (!pending.isEmpty()) {
      run.sink().flush();
    }
    List<String> acked = new ArrayList<>();
    for (Pending send : pending) {
      SendResult result = send.result;
      if (result != null && result.acked()) {
        acked.add(send.key);
      } else if (result == null || result.retriable()) {
        retry = true;
        if (send.file != null) {
          filesToRetry.add(send.file);
        }
      }
    }
    pending.clear();
    run.state().markSent(source, acked);
    marks.forEach((file, mark) -> {
      if (!filesToRetry.contains(file)) {
        run.state().putFile(source, file, mark);
      }
    });
    marks.clear();
    run.state().save();
    if (retry) {
      LOG.debug("event=unit_incomplete source=\"{}\"", source);
    }
    return !retry && !interrupted;
  }

  /** The item's size on the wire, near enough: its strings in UTF-8. */
  static long sizeOf(RawArticle article) {
    long size = utf8(article.getId()) + utf8(article.getSource()) + utf8(article.getUrl())
        + utf8(article.getContentType()) + utf8(article.getBody()) + utf8(article.getTitle());
    for (Map.Entry<String, String> attribute : article.getAttributes().entrySet()) {
      size += utf8(attribute.getKey()) + utf8(attribute.getValue());
    }
    return size;
  }

  private static long utf8(String text) {
    if (text == null) {
      return 0;
    }
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static final class Pending {
    /** The item's id and version, see {@link SentVersions}. */
    final String key;
    final String file;
    volatile SendResult result;

    Pending(String key, String file) {
      this.key = key;
      this.file = file;
    }
  }
}
