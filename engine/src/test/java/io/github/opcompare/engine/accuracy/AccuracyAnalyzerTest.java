package io.github.opcompare.engine.accuracy;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.WorstCase;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyAnalyzerTest {
    /** √2 to 40 digits (OEIS A002193). */
    private static final BigDecimal SQRT2 = new BigDecimal("1.414213562373095048801688724209698078569");

    @Test
    void sqrtResultsScoredAgainstExact() {
        Values x = new Values(FLOAT32, new double[] {1, 4, -0.0, -1, 2});
        ExactResults exact = new ReferenceCalculator().compute(Op.SQRT, FLOAT32, List.of(x));
        float sqrt2 = 1.4142135f;
        double sqrt2Up = Math.nextUp(sqrt2);
        Values actual = new Values(FLOAT32, new double[] {0.99999994f, 2, 0.0, Double.NaN, sqrt2Up});
        Accuracy a = AccuracyAnalyzer.analyze(Op.SQRT, FLOAT32, List.of(x), exact, actual, 3);

        // (nextUp(1.4142135f) - √2) / 2^-23, in exact decimal arithmetic.
        double expectedWorst = new BigDecimal(sqrt2Up).subtract(SQRT2).divide(new BigDecimal(0x1p-23), MathContext.DECIMAL64).doubleValue();
        assertEquals(expectedWorst, a.maxUlp(), 1e-9);
        assertEquals(0.79697, expectedWorst, 1e-5);
        // 0.99999994 for sqrt(1), +0 for sqrt(-0) and the √2 one are wrong; NaN for sqrt(-1) is right.
        assertEquals(3, a.notCorrectlyRounded());
        assertEquals(2.0 / 5, a.correctlyRounded(), 1e-15);
        assertEquals(1L, a.maxSteps());
        assertEquals(0, a.undefinedUlp());
        assertEquals((expectedWorst + 0.5) / 5, a.meanUlp(), 1e-9);
        List<WorstCase> w = a.worst();
        assertEquals(3, w.size());
        assertEquals(4, w.get(0).index());
        assertEquals(List.of("2.0"), w.get(0).inputs());
        assertEquals("1.4142135", w.get(0).expected());
        assertEquals(FLOAT32.format(sqrt2Up), w.get(0).actual());
        assertEquals(0, w.get(1).index());
        assertEquals(0.5, w.get(1).ulp());
        assertEquals(1L, w.get(1).steps());
        assertEquals("1", w.get(1).exact());
    }

    @Test
    void nanMismatchComesFirstAndMakesMaximaUndefined() {
        Values x = new Values(FLOAT32, new double[] {4, 9});
        ExactResults exact = new ReferenceCalculator().compute(Op.SQRT, FLOAT32, List.of(x));
        Values actual = new Values(FLOAT32, new double[] {2, Double.NaN});
        Accuracy a = AccuracyAnalyzer.analyze(Op.SQRT, FLOAT32, List.of(x), exact, actual, 5);
        assertNull(a.maxUlp());
        assertNull(a.maxSteps());
        assertEquals(1, a.undefinedUlp());
        assertEquals(1, a.worst().get(0).index());
        assertNull(a.worst().get(0).ulp());
    }

    @Test
    void reductionWorstCaseSummarisesItsInputs() {
        Values x = new Values(FLOAT32, new double[] {1, 0x1p-24, 0x1p-24});
        ExactResults exact = new ReferenceCalculator().compute(Op.REDUCE_SUM, FLOAT32, List.of(x));
        // Left-to-right float summation gives 1; the exact sum 1 + 2^-23 is representable.
        Accuracy a = AccuracyAnalyzer.analyze(Op.REDUCE_SUM, FLOAT32, List.of(x), exact, new Values(FLOAT32, new double[] {1}), 1);
        assertEquals(1.0, a.maxUlp());
        assertEquals(List.of("3 values"), a.worst().get(0).inputs());
    }

    @Test
    void agreement() {
        Values x = new Values(FLOAT32, new double[] {1, Double.NaN, -0.0, 2});
        Values y = new Values(FLOAT32, new double[] {1, Double.longBitsToDouble(0x7ff8000000000123L), 0.0, Math.nextUp(2f)});
        Agreement g = AgreementAnalyzer.compare("a", "b", x, y);
        assertEquals(0.5, g.identical());
        assertEquals(1L, g.maxSteps());
        Agreement h = AgreementAnalyzer.compare("a", "b", x, new Values(FLOAT32, new double[] {1, 1, 0, 2}));
        assertNull(h.maxSteps());
    }

    @Test
    void aMillionFloat32ResultsAnalyseQuickly() {
        int n = 1_000_000;
        double[] in = new double[n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = (float) (1 + i * 1e-6);
            out[i] = (float) (in[i] * 1.0000001);
        }
        Values x = new Values(FLOAT32, in);
        ExactResults exact = new ReferenceCalculator().compute(Op.ADD, FLOAT32, List.of(x, new Values(FLOAT32, new double[n])));
        Values actual = new Values(FLOAT32, out);
        AccuracyAnalyzer.analyze(Op.ADD, FLOAT32, List.of(x, x), exact, actual, 10);
        long t = System.nanoTime();
        Accuracy a = AccuracyAnalyzer.analyze(Op.ADD, FLOAT32, List.of(x, x), exact, actual, 10);
        double seconds = (System.nanoTime() - t) / 1e9;
        assertEquals(10, a.worst().size());
        org.junit.jupiter.api.Assertions.assertTrue(seconds < 1.0, "took " + seconds + " s");
    }
}
