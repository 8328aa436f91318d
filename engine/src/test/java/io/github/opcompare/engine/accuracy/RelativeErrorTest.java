package io.github.opcompare.engine.accuracy;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Relative error and condition numbers of reductions and matmul, against values worked out by hand. */
class RelativeErrorTest {
    private static Accuracy judge(Op op, DType dtype, double[] x, double... actual) {
        List<Values> in = List.of(new Values(dtype, x));
        ExactResults exact = new ReferenceCalculator().compute(op, dtype, in);
        return AccuracyAnalyzer.analyze(op, dtype, in, exact, new Values(dtype, actual), 3);
    }

    @Test
    void cancellingSumWithItsConditionNumber() {
        // 1e8 is a float32 (2^8 * 390625), its ulp is 8: a naive float32 sum 1e8 + 1 - 1e8 gives 0, the exact sum is 1.
        Accuracy naive = judge(Op.REDUCE_SUM, FLOAT32, new double[] {1e8, 1, -1e8}, 0);
        assertEquals(1.0, naive.maxRelativeError());
        assertEquals(1.0, naive.meanRelativeError());
        assertEquals(0L, naive.undefinedRelativeError());
        // Σ|x| / |Σx| = 200000001 / 1: the data, not the algorithm, makes this sum hard.
        assertEquals(200000001.0, naive.conditionNumber(), 1e-6);
        assertEquals(0.0, judge(Op.REDUCE_SUM, FLOAT32, new double[] {1e8, 1, -1e8}, 1).maxRelativeError());
        // The mean is 1/3, its condition (200000001/3) / (1/3) the same as the sum's.
        Accuracy mean = judge(Op.REDUCE_MEAN, FLOAT32, new double[] {1e8, 1, -1e8}, 0.33333334f);
        assertEquals(200000001.0, mean.conditionNumber(), 1e-6);
        // 0.33333334f = 11184811 * 2^-25; |11184811 * 2^-25 - 1/3| / (1/3) = |33554433 - 33554432| / 33554432 = 2^-25.
        assertEquals(0x1p-25, mean.maxRelativeError(), 1e-22);
    }

    @Test
    void relativeErrorIsAgainstTheExactSumNotItsRounding() {
        // 0.1f = 13421773 * 2^-27, 0.2f = 13421773 * 2^-26: exact sum 40265319 * 2^-27. Its float32
        // rounding is 10066330 * 2^-25 = 40265320 * 2^-27, one step below 40265316 * 2^-27.
        double below = 10066329 * 0x1p-25;
        Accuracy oneStepLow = judge(Op.REDUCE_SUM, FLOAT32, new double[] {0.1f, 0.2f}, below);
        assertEquals(3.0 / 40265319, oneStepLow.maxRelativeError(), 1e-22);
        Accuracy rounded = judge(Op.REDUCE_SUM, FLOAT32, new double[] {0.1f, 0.2f}, 0.3f);
        assertEquals(1.0 / 40265319, rounded.maxRelativeError(), 1e-22);
        // Positive terms: condition number 1.
        assertEquals(1.0, rounded.conditionNumber(), 1e-15);
    }

    @Test
    void anExactZeroIsMatchedOnlyByZero() {
        Accuracy zero = judge(Op.REDUCE_SUM, FLOAT32, new double[] {1, -1}, -0.0);
        assertEquals(0.0, zero.maxRelativeError());
        assertEquals(0L, zero.undefinedRelativeError());
        // Σ x = 0: the condition number is infinite, reported as undefined.
        assertNull(zero.conditionNumber());
        Accuracy tiny = judge(Op.REDUCE_SUM, FLOAT32, new double[] {1, -1}, Float.MIN_VALUE);
        assertNull(tiny.maxRelativeError());
        assertNull(tiny.meanRelativeError());
        assertEquals(1L, tiny.undefinedRelativeError());
    }

    @Test
    void aCorrectOverflowHasNoRelativeErrorAndNaNForANumberIsInfinite() {
        float max = Float.MAX_VALUE;
        // The exact 2 * MAX rounds to +Infinity: a backend returning it is right, and no relative error describes that.
        Accuracy overflow = judge(Op.REDUCE_SUM, FLOAT32, new double[] {max, max}, Double.POSITIVE_INFINITY);
        assertEquals(0L, overflow.undefinedRelativeError());
        assertNull(overflow.maxRelativeError());
        // MAX + MAX - MAX is exactly MAX; a naive float32 sum overflows on the way: infinite relative error.
        Accuracy naive = judge(Op.REDUCE_SUM, FLOAT32, new double[] {max, max, -max}, Double.POSITIVE_INFINITY);
        assertEquals(1L, naive.undefinedRelativeError());
        assertNull(naive.maxRelativeError());
        Accuracy nan = judge(Op.REDUCE_SUM, FLOAT32, new double[] {1, 2}, Double.NaN);
        assertEquals(1L, nan.undefinedRelativeError());
    }

    @Test
    void matmulRelativeErrorPerEntry() {
        // [1 2; 3 4] times the identity is itself; one entry one float32 step above 1: relative error 2^-23.
        List<Values> in = List.of(new Values(FLOAT32, new double[] {1, 2, 3, 4}), new Values(FLOAT32, new double[] {1, 0, 0, 1}));
        ExactResults exact = new ReferenceCalculator().compute(Op.MATMUL, FLOAT32, in);
        Accuracy a = AccuracyAnalyzer.analyze(Op.MATMUL, FLOAT32, in, exact,
                new Values(FLOAT32, new double[] {Math.nextUp(1f), 2, 3, 4}), 3);
        assertEquals(0x1p-23, a.maxRelativeError());
        assertEquals(0x1p-23 / 4, a.meanRelativeError());
        assertNull(a.conditionNumber());
    }

    @Test
    void logSumExpConditionNumber() {
        // logsumexp(-1, -1) = ln 2 - 1; Σ|x_i| softmax_i = 1; κ = 1 / (1 - ln 2), ln 2 = 0.693147180559945309417232121458.
        BigDecimal ln2 = new BigDecimal("0.693147180559945309417232121458");
        double kappa = BigDecimal.ONE.divide(BigDecimal.ONE.subtract(ln2), MathContext.DECIMAL64).doubleValue();
        assertEquals(3.2588913532709, kappa, 1e-12);
        Accuracy a = judge(Op.LOGSUMEXP, FLOAT64, new double[] {-1, -1}, -1 + Math.log(2));
        assertEquals(kappa, a.conditionNumber(), 1e-12);
    }

    @Test
    void elementwiseOpsCarryNoRelativeError() {
        Accuracy sqrt = judge(Op.SQRT, FLOAT32, new double[] {4}, 2);
        assertNull(sqrt.maxRelativeError());
        assertNull(sqrt.undefinedRelativeError());
        assertNull(sqrt.conditionNumber());
    }

    @Test
    void relativeErrorOfValuesBeyondTheDoubleRange() {
        // Exact 2^1100 = 2^1000 * 2^100 (scale 100): a computed 2^1000 scaled alike is 2^900, relative error 1 - 2^-100.
        assertEquals(1.0, RelativeError.of(0x1p1000, 0x1p1000, 0, 100), 1e-15);
        assertEquals(0.0, RelativeError.of(0x1p1000, 0x1p900, 0, 100));
    }
}
