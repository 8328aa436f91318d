package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * reduce_mean, reduce_prod, logsumexp, softmax and matmul against values derived by hand or with
 * apfloat at 60 digits from their definitions.
 */
class VectorOpsReferenceTest {
    /** float32 and float64, whose expected values here come from Java's float and double; the 16-bit formats have NarrowDTypeReferenceTest. */
    private static final DType[] WIDE = {DType.FLOAT32, DType.FLOAT64};

    private final ReferenceCalculator reference = new ReferenceCalculator();

    private ExactResults run(Op op, DType d, double[]... operands) {
        List<Values> in = java.util.Arrays.stream(operands).map(a -> new Values(d, a)).toList();
        return reference.compute(op, d, in);
    }

    @Test
    void meanIsTheExactSumOverNRoundedOnce() {
        // (1 + 2^-60 + 2) / 3 = 1 + 2^-60/3: rounds to 1 in float64, where a naive sum loses 2^-60 first anyway.
        assertEquals(1.0, run(Op.REDUCE_MEAN, FLOAT64, new double[] {1, 0x1p-60, 2}).rounded(0));
        // 1/3 correctly rounded, from exact integers.
        assertEquals(1.0 / 3, run(Op.REDUCE_MEAN, FLOAT64, new double[] {0, 0, 1}).rounded(0));
        assertEquals((float) (1.0 / 3), (float) run(Op.REDUCE_MEAN, FLOAT32, new double[] {0, 0, 1}).rounded(0));
        // float32: 2 * MAX_VALUE overflows a float32 sum, but the mean is MAX_VALUE.
        assertEquals(Float.MAX_VALUE, run(Op.REDUCE_MEAN, FLOAT32, new double[] {Float.MAX_VALUE, Float.MAX_VALUE}).rounded(0));
    }

    @Test
    void productIsExactBeyondTheRange() {
        // 2^600 * 2^600 * 2^-1000 * 2^-100 = 2^100: every partial product but the last is out of the double range.
        assertEquals(0x1p100, run(Op.REDUCE_PROD, FLOAT64, new double[] {0x1p600, 0x1p600, 0x1p-1000, 0x1p-100}).rounded(0));
        // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60: the 2^-60 decides nothing in float64 (below half an ulp) but is kept exactly.
        ExactResults r = run(Op.REDUCE_PROD, FLOAT64, new double[] {1 + 0x1p-30, 1 + 0x1p-30});
        assertEquals(1 + 0x1p-29, r.rounded(0));
        BigDecimal exact = new BigDecimal(1 + 0x1p-30).pow(2);
        assertEquals(0, exact.compareTo(r.exact(0).toBigDecimal()));
        assertEquals(-6.0, run(Op.REDUCE_PROD, FLOAT32, new double[] {-1, 2, 3}).rounded(0));
        assertTrue(Double.isNaN(run(Op.REDUCE_PROD, FLOAT64, new double[] {0, Double.POSITIVE_INFINITY}).rounded(0)));
    }

    @Test
    void logSumExpAndSoftmaxAgainstApfloat() {
        double[] x = {-3.5, 0.25, 2, 700, 699.5, -1000};
        Apfloat sum = new Apfloat(0, 60);
        for (double v : x) {
            sum = sum.add(ApfloatMath.exp(new Apfloat(new BigDecimal(v), 60)));
        }
        BigDecimal lse = new BigDecimal(ApfloatMath.log(sum).toString(true));
        for (DType d : WIDE) {
            double want = d == FLOAT32 ? Float.parseFloat(lse.toString()) : Double.parseDouble(lse.toString());
            assertEquals(want, run(Op.LOGSUMEXP, d, x).rounded(0), "logsumexp " + d);
            ExactResults s = run(Op.SOFTMAX, d, x);
            for (int i = 0; i < x.length; i++) {
                BigDecimal yi = new BigDecimal(ApfloatMath.exp(new Apfloat(new BigDecimal(x[i]), 60)).divide(sum).toString(true));
                double wantI = d == FLOAT32 ? Float.parseFloat(yi.toString()) : Double.parseDouble(yi.toString());
                assertEquals(wantI, s.rounded(i), "softmax[" + i + "] " + d);
            }
        }
        // log(e^a + e^a) = a + ln 2 exactly as a real number: 1 + ln 2 = 1.69314718055994530941723212145...,
        // whose nearest double is 0x1.b17217f7d1cf8p+0 (checked against both neighbours with exact fractions in
        // Python, from mpmath at 300 bits).
        assertEquals(0x1.b17217f7d1cf8p+0, run(Op.LOGSUMEXP, FLOAT64, new double[] {1, 1}).rounded(0));
        assertTrue(Double.isNaN(run(Op.SOFTMAX, FLOAT64, new double[] {1, Double.POSITIVE_INFINITY}).rounded(0)));
    }

    @Test
    void matmulIsTheExactDotProductRoundedOnce() {
        // [[1, 2^-60], [3, 4]] x [[1, 1], [1, -1]]: entry (0,0) = 1 + 2^-60 (rounds to 1), (0,1) = 1 - 2^-60 (rounds to 1).
        double[] a = {1, 0x1p-60, 3, 4};
        double[] b = {1, 1, 1, -1};
        ExactResults r = run(Op.MATMUL, FLOAT64, a, b);
        assertEquals(1.0, r.rounded(0));
        assertEquals(1.0, r.rounded(1));
        assertEquals(7.0, r.rounded(2));
        assertEquals(-1.0, r.rounded(3));
        assertEquals(0, new BigDecimal(1).add(new BigDecimal(0x1p-60)).compareTo(r.exact(0).toBigDecimal()));
        // Cancellation: 1e16 * 1 + 1 * 1 - 1e16 * 1 = 1 exactly, where naive float64 order gives 0.
        ExactResults c = run(Op.MATMUL, FLOAT64, new double[] {1e16, 1, -1e16, 0, 0, 0, 0, 0, 0}, new double[] {1, 0, 0, 1, 0, 0, 1, 0, 0});
        assertEquals(1.0, c.rounded(0));
    }
}
