package io.github.opcompare.engine.accuracy;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BinadeError;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The histogram and binade profile the analyzer attaches, on a case worked out by hand. */
class AccuracyDistributionTest {
    @Test
    void sqrtCaseHasHistogramAndBinades() {
        Values x = new Values(FLOAT32, new double[] {1, 4, -0.0, -1, 2});
        ExactResults exact = new ReferenceCalculator().compute(Op.SQRT, FLOAT32, List.of(x));
        double sqrt2Up = Math.nextUp(1.4142135f); // 0.797 ulp above √2 (see AccuracyAnalyzerTest)
        Values actual = new Values(FLOAT32, new double[] {0.99999994f, 2, 0.0, Double.NaN, sqrt2Up});
        Accuracy a = AccuracyAnalyzer.analyze(Op.SQRT, FLOAT32, List.of(x), exact, actual, 3);

        // Errors: 0.5 (sqrt 1), 0 (sqrt 4), 0 (+0 for -0), 0 (NaN for NaN), 0.797 (sqrt 2).
        assertEquals(3, a.histogram().get(0).count());
        assertEquals(1, a.histogram().get(1).count());
        assertEquals(1, a.histogram().get(2).count());
        assertEquals(3, a.histogram().size());

        List<BinadeError> b = a.binades();
        assertEquals(4, b.size());
        // 1 and -1 share the binade [1, 2): errors 0.5 and 0.
        assertEquals(0, b.get(0).exponent());
        assertEquals(2, b.get(0).count());
        assertEquals(0.5, b.get(0).maxUlp());
        assertEquals(0.25, b.get(0).meanUlp());
        assertEquals(1, b.get(1).exponent());
        assertEquals(0.797, b.get(1).maxUlp(), 1e-3);
        assertEquals(2, b.get(2).exponent());
        assertNull(b.get(3).exponent()); // -0
        assertEquals(1, b.get(3).count());
    }

    @Test
    void reductionHasHistogramButNoBinades() {
        Values x = new Values(FLOAT32, new double[] {1, 2});
        ExactResults exact = new ReferenceCalculator().compute(Op.REDUCE_SUM, FLOAT32, List.of(x));
        Accuracy a = AccuracyAnalyzer.analyze(Op.REDUCE_SUM, FLOAT32, List.of(x), exact, new Values(FLOAT32, new double[] {3}), 1);
        assertNull(a.binades());
        assertEquals(1, a.histogram().size());
        assertEquals(1, a.histogram().get(0).count());
    }
}
