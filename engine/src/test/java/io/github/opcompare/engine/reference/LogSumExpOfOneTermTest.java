package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * logsumexp of a vector with one element that is not -∞ is that element: log(e^x + 0) = x. For x = 0 the
 * exact result is 0, which rounding tests cannot decide at any precision; the reference gave up with
 * "Cannot round logsumexp" on [-Infinity, 0] and on [0] before it recognised the case.
 */
class LogSumExpOfOneTermTest {
    private static double lse(DType d, double... x) {
        return new ReferenceCalculator().compute(Op.LOGSUMEXP, d, List.of(new Values(d, x))).rounded(0);
    }

    @Test
    void oneFiniteTermIsItsOwnLogSumExp() {
        for (DType d : List.of(DType.FLOAT32, DType.FLOAT64)) {
            // log(e^-Inf + e^0) = log(1) = +0, also for -0 (e^-0 = 1).
            assertEquals(0x0L, Double.doubleToRawLongBits(lse(d, Double.NEGATIVE_INFINITY, 0.0)), d.id());
            assertEquals(0x0L, Double.doubleToRawLongBits(lse(d, -0.0)), d.id());
            assertEquals(0x0L, Double.doubleToRawLongBits(lse(d, 0.0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)), d.id());
            assertEquals(-3.5, lse(d, Double.NEGATIVE_INFINITY, -3.5), d.id());
        }
    }
}
