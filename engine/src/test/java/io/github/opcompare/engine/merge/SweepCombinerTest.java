package io.github.opcompare.engine.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.BinadeError;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.SweepPart;
import io.github.opcompare.engine.result.UlpBin;
import io.github.opcompare.engine.result.WorstCase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two ranges of a five-input sweep joined by hand: inputs 0-2 (errors 0, 0.25, 0 in binade 0) and
 * inputs 3-4 (errors 0 and 0.75, one result not correctly rounded, in binade 1), two worst kept.
 */
class SweepCombinerTest {
    private static final List<String> INPUTS = List.of("exhaustive(1,4)");

    private static WorstCase worst(long index, double ulp) {
        return new WorstCase(index, List.of("x" + index), "e", "e", "a", ulp, ulp > 0.5 ? 1L : 0L);
    }

    private static CaseResult kase(long size, Accuracy a, Agreement agreement) {
        return new CaseResult("exp", "exp", "float32", INPUTS, size, 42,
                List.of(new BackendResult("x", Status.OK.id(), null, a, null, null, null, null, null, List.of("not timed")),
                        new BackendResult("y", Status.OK.id(), null, a, null, null, null, null, null, List.of("not timed"))),
                List.of(agreement), null, null, null);
    }

    private static SweepPart part(long from, long to, String sum, int exponent, long count, long identical) {
        SweepPart.BackendSums sums = new SweepPart.BackendSums("x", sum, List.of(new SweepPart.BinadeSum(exponent, sum)));
        SweepPart.BackendSums same = new SweepPart.BackendSums("y", sum, List.of(new SweepPart.BinadeSum(exponent, sum)));
        return new SweepPart("exp/float32", from, to, 5, 2, List.of(sums, same), List.of(new SweepPart.PairCounts("x", "y", count, identical)));
    }

    private final Accuracy low = new Accuracy(0.25, 0.25 / 3, 1.0, 0, 0L, 0, List.of(worst(1, 0.25), worst(0, 0)),
            List.of(new UlpBin(0, 0, 2), new UlpBin(0, 0.5, 1)), List.of(new BinadeError(0, 3, 0.25, 0.25 / 3, 0)));
    private final Accuracy high = new Accuracy(0.75, 0.375, 0.5, 1, 1L, 0, List.of(worst(4, 0.75), worst(3, 0)),
            List.of(new UlpBin(0, 0, 1), new UlpBin(0, 0.5, 0), new UlpBin(0.5, 1, 1)), List.of(new BinadeError(1, 2, 0.75, 0.375, 0)));

    private final List<BackendInfo> backends = List.of();

    @Test
    void countsAddMaximaTakeTheLargestMeansComeFromTheExactSums() {
        SweepCombiner.Piece a = new SweepCombiner.Piece("a", kase(3, low, new Agreement("x", "y", 1.0, 0L)), part(0, 3, "0.25", 0, 3, 3));
        SweepCombiner.Piece b = new SweepCombiner.Piece("b", kase(2, high, new Agreement("x", "y", 0.5, 1L)), part(3, 5, "0.75", 1, 2, 1));
        CaseResult merged = SweepCombiner.combine("exp/float32", List.of(b, a), backends);

        assertEquals(5, merged.size());
        Accuracy m = merged.results().get(0).accuracy();
        assertEquals(0.75, m.maxUlp());
        assertEquals(0.2, m.meanUlp()); // (0.25 + 0.75) / 5
        assertEquals(0.8, m.correctlyRounded()); // 4 of 5
        assertEquals(1, m.notCorrectlyRounded());
        assertEquals(1L, m.maxSteps());
        assertEquals(List.of(new UlpBin(0, 0, 3), new UlpBin(0, 0.5, 1), new UlpBin(0.5, 1, 1)), m.histogram());
        assertEquals(List.of(new BinadeError(0, 3, 0.25, 0.25 / 3, 0), new BinadeError(1, 2, 0.75, 0.375, 0)), m.binades());
        // The two worst of all five: 0.75 at input 4, then 0.25 at input 1.
        assertEquals(List.of(worst(4, 0.75), worst(1, 0.25)), m.worst());
        assertEquals(List.of(new Agreement("x", "y", 0.8, 1L)), merged.agreement()); // 4 of 5 identical
        assertEquals(List.of("not timed"), merged.results().get(0).timingNotes());
    }

    @Test
    void aBackendThatFailedOnAnyRangeFailedOnTheSweep() {
        CaseResult failing = new CaseResult("exp", "exp", "float32", INPUTS, 2, 42,
                List.of(new BackendResult("x", Status.OK.id(), null, high, null, null, null, null, null, null),
                        BackendResult.notRun("y", Status.FAILED, "crashed (in the chunk of 2 inputs from 2.0)")),
                List.of(), null, null, null);
        SweepPart swept = new SweepPart("exp/float32", 3, 5, 5, 2,
                List.of(new SweepPart.BackendSums("x", "0.75", List.of(new SweepPart.BinadeSum(1, "0.75")))), List.of());
        SweepCombiner.Piece a = new SweepCombiner.Piece("a", kase(3, low, new Agreement("x", "y", 1.0, 0L)), part(0, 3, "0.25", 0, 3, 3));
        CaseResult merged = SweepCombiner.combine("exp/float32", List.of(a, new SweepCombiner.Piece("b", failing, swept)), backends);

        assertEquals(Status.FAILED.id(), merged.results().get(1).status());
        assertEquals("crashed (in the chunk of 2 inputs from 2.0)", merged.results().get(1).message());
        assertEquals(0.2, merged.results().get(0).accuracy().meanUlp());
        assertEquals(List.of(), merged.agreement());
        assertNull(merged.devices());
    }
}
