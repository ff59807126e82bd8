package io.newsflow.cli.bench;

import io.newsflow.avro.Article;
import io.newsflow.streams.keywords.KeywordConfig;
import io.newsflow.streams.keywords.KeywordExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The standalone half of the benchmark: {@link KeywordExtractor} over normalized articles on N threads, each
 * with its own extractor as each stream thread has, taking the next article from a shared counter. Each thread
 * first extracts a warm-up share untimed, so that the JIT has compiled the analyzers before the clock starts
 * (the pipeline, which runs after, finds them compiled too).
 */
public final class AnalyzerBench {

  /** Articles each thread extracts before the timed run. */
  static final int WARM_UP = 200;

  /**
   * What the run measured.
   *
   * @param articles articles extracted in the timed run
   * @param bytes UTF-8 bytes of their titles and bodies
   * @param nanos wall-clock time of the timed run
   * @param cpuNanos CPU time the threads used in it
   * @param keywords keywords found, a check that the work was done
   */
  public record Result(int articles, long bytes, long nanos, long cpuNanos, long keywords) {

    public double seconds() {
      return nanos / 1e9;
    }

    public double articlesPerSecond() {
      return articles / seconds();
    }

    public double megabytesPerSecond() {
      return bytes / 1e6 / seconds();
    }

    /** CPU nanoseconds per article: what the pipeline's keyword stage should cost per article. */
    public double cpuNanosPerArticle() {
      return articles == 0 ? 0 : (double) cpuNanos / articles;
    }
  }

  private AnalyzerBench() {
  }

  public static Result run(List<Article> articles, long bytes, int threads, KeywordConfig config) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    AtomicInteger next = new AtomicInteger();
    AtomicLong keywords = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    AtomicLong startNanos = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CyclicBarrier warm = new CyclicBarrier(threads, () -> startNanos.set(System.nanoTime()));
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try (KeywordExtractor extractor = new KeywordExtractor(config)) {
          for (int i = 0; i < Math.min(WARM_UP, articles.size()); i++) {
            Article a = articles.get(i);
            extractor.extract(a.getTitle(), a.getBody(), a.getLanguage());
          }
          warm.await();
          long cpuStart = cpu.getCurrentThreadCpuTime();
          long found = 0;
          for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
            Article a = articles.get(i);
            found += extractor.extract(a.getTitle(), a.getBody(), a.getLanguage()).size();
          }
          cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
          keywords.addAndGet(found);
        } catch (Exception e) {
          failure.compareAndSet(null, e);
          warm.reset();
        }
      }, "bench-analyzer-" + (t + 1));
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the analyzer ran", e);
      }
    }
    long elapsed = System.nanoTime() - startNanos.get();
    if (failure.get() != null) {
      throw new IllegalStateException("the analyzer failed: " + failure.get().getMessage(), failure.get());
    }
    return new Result(articles.size(), bytes, elapsed, cpuNanos.get(), keywords.get());
  }
}
