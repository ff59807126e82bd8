package io.newsflow.streams.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM's and the process's meters (heap and pools, GC pauses, threads, classes, CPU, uptime, open files), the
 * same for the streams app and {@code produce --follow} so that one dashboard row fits both. Close it to stop
 * listening for GC events.
 */
public final class ProcessMeters implements AutoCloseable {

  private final JvmGcMetrics gc = new JvmGcMetrics();

  private ProcessMeters() {
  }

  public static ProcessMeters bindTo(MeterRegistry registry) {
    ProcessMeters meters = new ProcessMeters();
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    meters.gc.bindTo(registry);
    return meters;
  }

  @Override
  public void close() {
    gc.close();
  }
}
