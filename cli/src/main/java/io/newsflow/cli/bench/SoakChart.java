package io.newsflow.cli.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.DrawingSupplier;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The soak's chart, drawn with JFreeChart off screen: three panels over elapsed minutes, memory (heap, resident
 * set, RocksDB), store entries and throughput, with a line where the first retention period has passed.
 */
public final class SoakChart {

  public static final int WIDTH = 1200;
  public static final int HEIGHT = 1200;

  private SoakChart() {
  }

  /**
   * Writes the chart of {@code samples} to {@code png}; {@code retentionPassedSeconds} is the elapsed time at which
   * the first retention period of event time had passed (null: it did not).
   */
  public static void write(List<SoakSample> samples, Double retentionPassedSeconds, String title, Path png) {
    System.setProperty("java.awt.headless", "true");
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("elapsed (minutes)"));
    plot.setGap(12);
    // One supplier for every panel: the legend lists every panel's lines, so no two may share a colour.
    DrawingSupplier colours = new DefaultDrawingSupplier();
    plot.add(panel("memory (MiB)", samples, Map.of(
        "heap used", s -> SoakSample.mb(s.memory().heapUsed()),
        "heap after last GC", s -> SoakSample.mb(s.memory().heapAfterGc()),
        "heap max (-Xmx)", s -> SoakSample.mb(s.memory().heapMax()),
        "resident set (RSS)", s -> SoakSample.mb(s.memory().rss()),
        "state dir on disk (RocksDB)", s -> SoakSample.mb(s.stores().stateDirBytes()),
        "RocksDB memtables + block cache", s -> SoakSample.mb(s.stores().memtableBytes()
            + s.stores().blockCacheBytes())), colours), 3);
    plot.add(panel("store entries", samples, entrySeries(samples), colours), 2);
    plot.add(panel("articles/s", samples, Map.of("throughput (articles out per second)", SoakSample::articlesPerSecond),
        colours), 1);
    if (retentionPassedSeconds != null) {
      for (Object sub : plot.getSubplots()) {
        ValueMarker marker = new ValueMarker(retentionPassedSeconds / 60.0, Color.GRAY,
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        marker.setLabel("first retention period passed");
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        ((XYPlot) sub).addDomainMarker(marker);
      }
    }
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    try {
      ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }

  /** Every in-memory store's entries and the dedup stores' keys, stores that never had an entry left out. */
  private static Map<String, ToDoubleFunction<SoakSample>> entrySeries(List<SoakSample> samples) {
    Map<String, ToDoubleFunction<SoakSample>> series = new java.util.LinkedHashMap<>();
    SoakSample first = samples.get(0);
    for (String store : first.stores().inMemoryEntries().keySet()) {
      if (samples.stream().anyMatch(s -> s.stores().inMemoryEntries().getOrDefault(store, 0L) > 0)) {
        series.put(store + " (in memory)", s -> s.stores().inMemoryEntries().getOrDefault(store, -1L));
      }
    }
    for (String store : first.stores().rocksDbKeys().keySet()) {
      if (samples.stream().anyMatch(s -> s.stores().rocksDbKeys().getOrDefault(store, 0L) > 0)) {
        series.put(store + " (RocksDB, estimate)", s -> s.stores().rocksDbKeys().getOrDefault(store, -1L));
      }
    }
    return series;
  }

  private static XYPlot panel(String axis, List<SoakSample> samples, Map<String, ToDoubleFunction<SoakSample>> lines,
      DrawingSupplier colours) {
    XYSeriesCollection data = new XYSeriesCollection();
    lines.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(line -> {
      XYSeries series = new XYSeries(line.getKey());
      for (SoakSample s : samples) {
        double y = line.getValue().applyAsDouble(s);
        if (y >= 0) {
          series.add(s.elapsedSeconds() / 60.0, y);
        }
      }
      data.addSeries(series);
    });
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    NumberAxis range = new NumberAxis(axis);
    range.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, null, range, renderer);
    plot.setDrawingSupplier(colours);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }
}
