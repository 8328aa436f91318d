package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.BFLOAT16;
import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every reference loop ends: a rounding that no pass decides within its bound is reported as such,
 * naming op, dtype and input, and the costliest bounded work (a product of many long significands
 * that the truncated pass must form) finishes within seconds.
 */
class UndecidedReferenceTest {
    @Test
    void anUndecidedRoundingNamesOpDtypeAndInput() {
        // No first pass, a double-double bound of 100%, and an apfloat limit below its first attempt.
        ReferenceCalculator helpless = new ReferenceCalculator(new ReferenceSettings(0, 1.0, 40, 20));
        ReferenceException e = assertThrows(ReferenceException.class, () -> helpless.element(Op.POW, FLOAT32, 2.5, 0.5));
        assertEquals("pow(2.5, 0.5) in float32: the exact reference cannot decide the rounding within 20 digits", e.getMessage());
        e = assertThrows(ReferenceException.class,
                () -> helpless.compute(Op.EXP, BFLOAT16, List.of(new Values(BFLOAT16, new double[] {1.5}))));
        assertEquals("exp(1.5) in bfloat16: the exact reference cannot decide the rounding within 20 digits", e.getMessage());
    }

    @Test
    void longVectorsAreNamedByTheirFirstValuesAndLength() {
        double[] x = new double[1000];
        java.util.Arrays.fill(x, 0.5);
        x[0] = 3;
        assertEquals("reduce_prod([3.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, ... (1000 values)])",
                ReferenceException.call(Op.REDUCE_PROD, FLOAT32, x));
        assertEquals("matmul([1.0], [2.0])", ReferenceException.call(Op.MATMUL, FLOAT64, new double[] {1}, new double[] {2}));
    }

    /**
     * 2000 float64 factors with 53-bit significands: the exact product has about 106,000 bits. Its
     * rounding comes in seconds, and the exact BigDecimal product confirms it: within half an ulp.
     */
    @Test
    void aLongProductOfLongSignificandsFinishesAndIsRight() {
        Random random = new Random(3);
        double[] x = new double[2000];
        BigDecimal exact = BigDecimal.ONE;
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + random.nextDouble() * 0x1p-8;
            exact = exact.multiply(new BigDecimal(x[i]));
        }
        double rounded = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new ReferenceCalculator().compute(Op.REDUCE_PROD, FLOAT64, List.of(new Values(FLOAT64, x))).rounded(0));
        BigDecimal error = exact.subtract(new BigDecimal(rounded)).abs();
        assertTrue(error.compareTo(new BigDecimal(Math.ulp(rounded) / 2)) < 0, rounded + " is not the nearest double");
    }

    /**
     * (2^27 - 1)² (1 + 2^-52)(1 - 2^-52) = (2^54 - 2^28 + 1)(1 - 2^-104): a relative 2^-104 below the
     * midpoint 2^54 - 2^28 + 1, closer than the double-double pass's bound, so the integer pass must
     * decide: down, to 2^54 - 2^28 (even though ties would also go there, the sign of the distance
     * is what decides here). Negated, the same below zero.
     */
    @Test
    void aProductJustBelowAMidpointNeedsTheIntegerPass() {
        double[] x = {134217727, 134217727, 1 + 0x1p-52, 1 - 0x1p-52};
        ReferenceCalculator reference = new ReferenceCalculator();
        ExactElement e = ReductionReference.compute(Op.REDUCE_PROD, x, FLOAT64);
        assertEquals(18014398241046528.0, e.rounded());
        assertEquals(3, e.pass());
        x[0] = -x[0];
        assertEquals(-18014398241046528.0, reference.compute(Op.REDUCE_PROD, FLOAT64, List.of(new Values(FLOAT64, x))).rounded(0));
    }
}
