package io.github.opcompare.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSpeedChangeTest {
    private final SpeedChangeTest test = new SpeedChangeTest(0.10);
    private final List<Double> baseline = List.of(100.0, 101.0, 102.0, 103.0, 104.0);

    @Test
    void completelySeparatedSamplesFarApartAreARegression() {
        // All 5 current samples above all 5 baseline ones: U = 0. Of the C(10,5) = 252 equally likely
        // rankings under no change, 2 are this extreme (either side): exact two-sided p = 2/252.
        SpeedChangeTest.Outcome o = test.test(baseline, 102, List.of(120.0, 121.0, 122.0, 123.0, 124.0), 122);
        assertEquals(Verdict.WORSE, o.verdict());
        assertEquals(2.0 / 252, o.pValue(), 1e-12);
        assertEquals(122.0 / 102 - 1, o.relativeChange(), 1e-12);
    }

    @Test
    void aSignificantButSmallChangeIsNotARegression() {
        // Same ranks, so the same p = 0.0079, but the median moved 107/102 - 1 = 4.9% < 10%.
        SpeedChangeTest.Outcome o = test.test(baseline, 102, List.of(105.0, 106.0, 107.0, 108.0, 109.0), 107);
        assertEquals(Verdict.UNCHANGED, o.verdict());
    }

    @Test
    void aLargeButNoisyChangeIsNotARegression() {
        // Medians 102 and 130 (+27%), but the samples interleave: ranks of the current ones are 2, 4, 6, 9, 10
        // (U = 31 - 15 = 16 of 25), far from significant.
        SpeedChangeTest.Outcome o = test.test(baseline, 102, List.of(100.5, 102.5, 130.0, 150.0, 90.0), 102.5);
        assertEquals(Verdict.UNCHANGED, o.verdict());
    }

    @Test
    void fasterBeyondTheEffectIsAnImprovement() {
        SpeedChangeTest.Outcome o = test.test(baseline, 102, List.of(50.0, 51.0, 52.0, 53.0, 54.0), 52);
        assertEquals(Verdict.BETTER, o.verdict());
    }

    @Test
    void tooFewSamplesCannotBeDecided() {
        // 4 against 5: the most extreme ranking has p = 2/126 = 0.016, never below 0.01.
        assertNull(test.test(baseline, 102, List.of(120.0, 121.0, 122.0, 123.0), 121.5));
        assertNull(test.test(null, 102, baseline, 102));
    }

    @Test
    void toleranceParsesPercentAndShare() {
        assertEquals(0.1, SpeedTolerance.parse("10%"), 1e-15);
        assertEquals(0.25, SpeedTolerance.parse("0.25"), 1e-15);
        assertEquals("Invalid minSpeedChange 'fast'; write a relative change such as 10% or 0.1",
                assertThrows(IllegalArgumentException.class, () -> SpeedTolerance.parse("fast")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpeedTolerance.parse("-5%"));
    }
}
