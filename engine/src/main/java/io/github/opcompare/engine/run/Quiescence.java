package io.github.opcompare.engine.run;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Waits until the other workers are idle before one is timed. Native thread pools keep spinning for
 * a while after their last task: on a 2-core machine, ND4J's threads after a run of small ops keep a
 * core busy for over a second, and TensorFlow's 10^6-element exp timed then takes 985 µs instead of
 * 580. Idle means that the other workers' CPU time grew by at most a {@link Window}'s allowance over
 * its length; the wait is bounded, since a machine that never quiets must still be timed.
 */
final class Quiescence {
    /**
     * How long the other workers must stay (nearly) idle, how much CPU time they may use meanwhile,
     * and how often to look: what can be seen depends on how finely their CPU time is counted.
     */
    record Window(Duration window, Duration idleCpu, Duration poll) {
    }

    /**
     * For CPU time counted in the kernel's 10 ms ticks: three ticks, in which a spinning thread would
     * have been charged at least two, and one tick of use tolerated, the resolution of the counter.
     */
    static final Window TICKS = new Window(Duration.ofMillis(30), Duration.ofMillis(10), Duration.ofMillis(10));
    /**
     * For CPU time counted to the nanosecond ({@link ProcessCpu}): a spinning thread adds a
     * millisecond of run time per millisecond it gets a core, so 6 ms in which all the others used at
     * most 1 ms between them shows none is spinning, while leaving an idle JVM's housekeeping
     * (a safepoint, a short compilation) room; if it is busier, the window just starts again.
     */
    static final Window FINE = new Window(Duration.ofMillis(6), Duration.ofMillis(1), Duration.ofMillis(2));

    /** Sleeps; a parameter so that tests need not wait. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final Window window;

    Quiescence(LongSupplier clock, Sleeper sleeper, Window window) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.window = window;
    }

    static Quiescence system(Window window) {
        return new Quiescence(System::nanoTime, d -> Thread.sleep(d.toMillis()), window);
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
            if (cpu - cpuAtWindowStart > window.idleCpu().toNanos()) {
                windowStart = now;
                cpuAtWindowStart = cpu;
            } else if (now - windowStart >= window.window().toNanos()) {
                return true;
            }
            if (now - start >= max.toNanos()) {
                return false;
            }
            try {
                sleeper.sleep(window.poll());
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
}
