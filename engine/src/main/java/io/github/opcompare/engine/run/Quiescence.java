package io.github.opcompare.engine.run;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Waits until the other workers are idle before one is timed. Native thread pools keep spinning for
 * a while after their last task: on a 2-core machine, ND4J's threads after a run of small ops keep a
 * core busy for over a second, and TensorFlow's 10^6-element exp timed then takes 985 µs instead of
 * 580. Idle means that none of the other workers' CPU time grew by more than {@link #IDLE_CPU} over
 * {@link #WINDOW}; the wait is bounded, since a machine that never quiets must still be timed.
 */
final class Quiescence {
    /**
     * Window over which the other workers must stay (nearly) idle: three of the kernel's 10 ms CPU
     * time ticks, in which a spinning thread would have been charged at least two.
     */
    static final Duration WINDOW = Duration.ofMillis(30);
    /** CPU time they may use in the window: one scheduler tick, the resolution of the kernel's counters. */
    static final Duration IDLE_CPU = Duration.ofMillis(10);
    static final Duration POLL = Duration.ofMillis(10);

    /** Sleeps; a parameter so that tests need not wait. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final LongSupplier clock;
    private final Sleeper sleeper;

    Quiescence(LongSupplier clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static Quiescence system() {
        return new Quiescence(System::nanoTime, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Returns once the processes whose CPU time the suppliers read have been idle for the window, or
     * after {@code max}.
     *
     * @param cpuNanos the CPU time used so far by each other worker, in nanoseconds
     * @return whether they went idle (false: the wait ran out)
     */
    boolean await(List<LongSupplier> cpuNanos, Duration max) {
        if (cpuNanos.isEmpty()) {
            return true;
        }
        long start = clock.getAsLong();
        long windowStart = start;
        long cpuAtWindowStart = total(cpuNanos);
        while (true) {
            long now = clock.getAsLong();
            long cpu = total(cpuNanos);
            if (cpu - cpuAtWindowStart > IDLE_CPU.toNanos()) {
                windowStart = now;
                cpuAtWindowStart = cpu;
            } else if (now - windowStart >= WINDOW.toNanos()) {
                return true;
            }
            if (now - start >= max.toNanos()) {
                return false;
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static long total(List<LongSupplier> cpuNanos) {
        long sum = 0;
        for (LongSupplier s : cpuNanos) {
            sum += s.getAsLong();
        }
        return sum;
    }

    /** A process's CPU time so far (0 once it has ended or where the system does not say). */
    static LongSupplier cpuOf(ProcessHandle process) {
        return () -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
