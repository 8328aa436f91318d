package io.github.opcompare.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The timer against a clock it does not own: every call advances it by an exact amount, so the
 * warm-up, batch size, sample count and budget can be worked out by hand.
 */
class CallTimerTest {
    private long now;

    private Runnable callTaking(long nanos) {
        return () -> now += nanos;
    }

    @Test
    void warmsUpCalibratesThenSamplesUpToTheCount() {
        CallTimer timer = new CallTimer(() -> now);
        // Calls of 1 µs, samples of at least 100 µs: batches grow 1 -> 64 (at most 64 times) -> 128
        // (twice, as the estimate 100 is below double), the first round as long as a sample; then
        // rounds double, 256 and 512, and those three agree: steady after 961 calls (961 µs, within
        // the warm-up limit of a quarter of 10 ms). A sample is then the 100 calls that last 100 µs.
        CallTimer.Samples s = timer.time(callTaking(1000), new TimingSpec(1_000_000_000L, 100_000, 30, 5, 100_000, 100_000, 10_000_000L));
        assertEquals(100, s.callsPerSample());
        assertEquals(1 + 64 + 128 + 256 + 512, s.warmupCalls());
        assertTrue(s.steady());
        assertEquals(30, s.perCallNanos().size());
        assertTrue(s.perCallNanos().stream().allMatch(t -> t == 1000.0));
        assertEquals((961 + 30 * 100) * 1000L, s.elapsedNanos());
    }

    @Test
    void stopsBeforeTheNextSampleWouldOverrunTheBudget() {
        CallTimer timer = new CallTimer(() -> now);
        // The warm-up limit is a quarter of 2 ms: after the rounds of 1, 64, 128 and 256 calls (449 µs)
        // the round of 512 would end at 961 µs, so warm-up stops there, not steady. Samples of 100 µs:
        // after 15 the time is 1949 µs and another would end at 2049 µs: stop at 15.
        CallTimer.Samples s = timer.time(callTaking(1000), new TimingSpec(1_000_000_000L, 100_000, 30, 5, 100_000, 100_000, 2_000_000L));
        assertEquals(449, s.warmupCalls());
        assertFalse(s.steady());
        assertEquals(15, s.perCallNanos().size());
        assertTrue(s.elapsedNanos() <= 2_000_000L, "elapsed " + s.elapsedNanos());
    }

    @Test
    void takesTheMinimumSamplesEvenWhenOneCallOutlastsTheBudget() {
        CallTimer timer = new CallTimer(() -> now);
        // A 5 ms call against a 2 ms budget: one warm-up call (a round long enough to be a sample, but
        // not yet steady, and the warm-up share is spent), then the three samples asked for at least.
        CallTimer.Samples s = timer.time(callTaking(5_000_000), new TimingSpec(1_000_000_000L, 100_000, 30, 3, 100_000, 100_000, 2_000_000L));
        assertEquals(1, s.warmupCalls());
        assertFalse(s.steady());
        assertEquals(3, s.perCallNanos().size());
        assertEquals(1, s.callsPerSample());
    }

    @Test
    void noBudgetNoTiming() {
        CallTimer timer = new CallTimer(() -> now);
        assertTrue(timer.time(callTaking(1), new TimingSpec(0, 0, 30, 5, 1, 1, 0)).perCallNanos().isEmpty());
        assertEquals(0, now, "not a single call made");
    }

    @Test
    void stopsEarlyOnceTheMediansIntervalIsTightEnough() {
        CallTimer timer = new CallTimer(() -> now);
        // As the first test, but with room for 1000 samples and a target of 2%: every sample is 1 µs
        // per call, so the interval is zero wide at the first check, 32 samples.
        TimingSpec spec = new TimingSpec(1_000_000_000L, 100_000, 1000, 5, 100_000, 100_000, 1_000_000_000L, 0.02);
        assertEquals(32, timer.time(callTaking(1000), spec).perCallNanos().size());
        // Without a target the same spec samples up to its count.
        now = 0;
        assertEquals(1000, timer.time(callTaking(1000), spec.withTargetRelativeWidth(0)).perCallNanos().size());
    }

    @Test
    void goesOnSamplingWhileTheIntervalIsWide() {
        CallTimer timer = new CallTimer(() -> now);
        // Calls alternating 1 µs and 2 µs, one call per sample (samples of at least 1 ns): the median of
        // any even count lies between the two, the interval spans both: 100% wide, never below 2%.
        long[] count = {0};
        Runnable alternating = () -> now += (count[0]++ % 2 == 0) ? 1000 : 2000;
        TimingSpec spec = new TimingSpec(0, 1, 200, 5, 1, 1, 1_000_000_000L, 0.02);
        assertEquals(200, timer.time(alternating, spec).perCallNanos().size());
    }
}
