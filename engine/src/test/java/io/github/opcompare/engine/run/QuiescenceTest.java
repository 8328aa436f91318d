package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class QuiescenceTest {
    /** A clock that sleeping advances, and a worker that spins (a full core of CPU time) until a moment. */
    private static final class Simulation {
        long now;
        final Quiescence quiescence;

        Simulation() {
            this(Quiescence.TICKS);
        }

        Simulation(Quiescence.Window window) {
            quiescence = new Quiescence(() -> now, d -> now += d.toNanos(), window);
        }

        LongSupplier spinningUntil(long until) {
            return () -> Math.min(now, until);
        }
    }

    @Test
    void waitsUntilTheSpinningStopsAndTheWindowHasPassed() {
        Simulation sim = new Simulation();
        long spinEnd = Duration.ofMillis(700).toNanos();
        assertTrue(sim.quiescence.await(List.of(sim.spinningUntil(spinEnd)), Duration.ofSeconds(2)));
        // Polls every 10 ms. Growth of one tick (10 ms) is tolerated, so the window restarts only every
        // other poll: at 20, 40, ..., 700 ms (the spin ends exactly then, and 700 is such a poll: the
        // growth since 680 is 20 ms). The 30 ms window from 700 ends at the poll at 730 ms.
        assertEquals(Duration.ofMillis(730).toNanos(), sim.now);
    }

    @Test
    void idleWorkersCostOneWindow() {
        Simulation sim = new Simulation();
        assertTrue(sim.quiescence.await(List.of(() -> 5_000_000L), Duration.ofSeconds(2)));
        assertEquals(Duration.ofMillis(30).toNanos(), sim.now);
    }

    @Test
    void givesUpAfterTheLimitWhenAWorkerNeverQuiets() {
        Simulation sim = new Simulation();
        assertFalse(sim.quiescence.await(List.of(sim.spinningUntil(Long.MAX_VALUE)), Duration.ofMillis(500)));
        assertEquals(Duration.ofMillis(500).toNanos(), sim.now);
    }

    @Test
    void noOtherWorkersNoWait() {
        Simulation sim = new Simulation();
        assertTrue(sim.quiescence.await(List.of(), Duration.ofSeconds(2)));
        assertEquals(0, sim.now);
    }

    @Test
    void withCpuTimeCountedToTheNanosecondTheWindowIsSixMilliseconds() {
        Simulation idle = new Simulation(Quiescence.FINE);
        assertTrue(idle.quiescence.await(List.of(() -> 5_000_000L), Duration.ofSeconds(2)));
        assertEquals(Duration.ofMillis(6).toNanos(), idle.now);
        // A spin that ends at 101 ms: polls every 2 ms see it grow by 2 ms (more than the 1 ms allowed)
        // up to the poll at 102, which sees 1 ms; the window from 100 ends at the poll at 106.
        Simulation spinning = new Simulation(Quiescence.FINE);
        assertTrue(spinning.quiescence.await(List.of(spinning.spinningUntil(Duration.ofMillis(101).toNanos())),
                Duration.ofSeconds(2)));
        assertEquals(Duration.ofMillis(106).toNanos(), spinning.now);
    }
}
