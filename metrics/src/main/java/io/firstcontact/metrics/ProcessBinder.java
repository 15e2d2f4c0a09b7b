package io.firstcontact.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The process: the CPU time it has used (what the benchmarks divide by interactions), and Micrometer's own JVM
 * binders (memory, threads, processor, garbage collection; named {@code jvm.*} and {@code system.*} by Micrometer).
 * Close it when the server stops: the GC binder listens to the JVM's notifications.
 */
public final class ProcessBinder implements MeterBinder, AutoCloseable {
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** Micrometer's name of the CPU count, which Prometheus' lint takes for a histogram's count. */
    static final String CPU_COUNT = "system.cpu.count";
    /** Micrometer's CPU time in nanoseconds: the same as {@link MeterNames#PROCESS_CPU_TIME}, in an unlintable unit. */
    static final String CPU_TIME_NS = "process.cpu.time";

    /**
     * Binds the meters; first configures the registry to leave out Micrometer's process CPU time (ours is in
     * seconds) and to name the CPU count {@code system.cpu.logical}, so that {@code promtool check metrics} passes.
     * Bind it before the other binders.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        registry.config()
                .meterFilter(MeterFilter.deny(id -> id.getName().equals(CPU_TIME_NS)))
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        return id.getName().equals(CPU_COUNT) ? id.withName("system.cpu.logical") : id;
                    }
                });
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            FunctionCounter.builder(MeterNames.PROCESS_CPU_TIME, sun, o -> o.getProcessCpuTime() / 1e9)
                    .description("CPU time used by the server process")
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    @Override
    public void close() {
        gc.close();
    }
}
