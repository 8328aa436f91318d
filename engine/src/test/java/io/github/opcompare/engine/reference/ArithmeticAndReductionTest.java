package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Exact values checked against BigDecimal arithmetic, which is exact for +, -, *; rounded values
 * against the BigDecimal value rounded by {@link IndependentRounding} (comparisons with both
 * neighbours and their midpoint), never against Java's float or double operations, which are what
 * the reference itself uses for them.
 */
class ArithmeticAndReductionTest {
    /** float32 and float64; the 16-bit formats have NarrowDTypeReferenceTest. */
    private static final DType[] WIDE = {DType.FLOAT32, DType.FLOAT64};

    private final ReferenceCalculator reference = new ReferenceCalculator();
    private final SplittableRandom random = new SplittableRandom(1);

    private double wide(DType dtype) {
        // Exponents far apart, so that sums and products are not exact in the dtype.
        int range = dtype == FLOAT32 ? 120 : 1000;
        double v = Math.scalb(1.0 + random.nextDouble(), random.nextInt(-range, range));
        return dtype.round(random.nextBoolean() ? v : -v);
    }

    @Test
    void addSubMulAreExactAndDivWithin2ToThe100() {
        for (DType dtype : WIDE) {
            for (int i = 0; i < 2000; i++) {
                double x = wide(dtype);
                double y = i % 3 == 0 ? dtype.round(x * (1 + random.nextDouble() * 1e-6)) : wide(dtype);
                BigDecimal bx = new BigDecimal(x);
                BigDecimal by = new BigDecimal(y);
                ExactElement sum = reference.element(Op.ADD, dtype, x, y);
                assertEquals(0, sum.exact().toBigDecimal().compareTo(bx.add(by)), x + "+" + y);
                assertEquals(0, reference.element(Op.SUB, dtype, x, y).exact().toBigDecimal().compareTo(bx.subtract(by)));
                ExactElement product = reference.element(Op.MUL, dtype, x, y);
                assertEquals(0, product.exact().toBigDecimal().compareTo(bx.multiply(by)));
                BigDecimal q = bx.divide(by, new MathContext(60));
                ExactElement quotient = reference.element(Op.DIV, dtype, x, y);
                BigDecimal got = quotient.exact().toBigDecimal();
                assertTrue(got.subtract(q).abs().compareTo(q.abs().multiply(new BigDecimal(0x1p-100))) <= 0, x + "/" + y);
                if (i % 10 == 0) {
                    assertBits(IndependentRounding.round(bx.add(by), dtype), sum.rounded());
                    assertBits(IndependentRounding.round(bx.multiply(by), dtype), product.rounded());
                    // 60 digits of the quotient, 10^-59 relative: a quotient of two p-bit numbers is never that close to a midpoint.
                    assertBits(IndependentRounding.round(q, q.movePointLeft(59), dtype), quotient.rounded());
                }
            }
        }
    }

    @Test
    void roundedIsTheIeeeOperationInTheDtype() {
        // 1 + 2^-24 is float32's midpoint between 1 and 1 + 2^-23: ties to even give 1.
        assertEquals(1.0, reference.element(Op.ADD, FLOAT32, 1.0, 0x1p-24).rounded());
        // 0.1f * 0.3f = 13421773 * 2^-27 * 10066330 * 2^-25 = 135107996203090 * 2^-52, 47 bits; by hand,
        // 135107996203090 = 16106128 * 2^23 + 2013266 and 2013266 < 2^22, so it rounds down to 16106128 * 2^-29.
        assertEquals(16106128 * 0x1p-29, reference.element(Op.MUL, FLOAT32, 0.1f, 0.3f).rounded());
        assertEquals(IndependentRounding.round(new BigDecimal(0.1f).multiply(new BigDecimal(0.3f)), FLOAT32),
                reference.element(Op.MUL, FLOAT32, 0.1f, 0.3f).rounded());
        // 1/3 = 0.010101...b: 11184810.666 * 2^-25, rounded up to 11184811 * 2^-25.
        assertEquals(11184811 * 0x1p-25, reference.element(Op.DIV, FLOAT32, 1, 3).rounded());
        assertEquals(Double.POSITIVE_INFINITY, reference.element(Op.MUL, FLOAT64, 1e200, 1e200).rounded());
        BigDecimal product = new BigDecimal(1e200).multiply(new BigDecimal(1e200));
        assertEquals(0, reference.element(Op.MUL, FLOAT64, 1e200, 1e200).exact().toBigDecimal().compareTo(product));
        BigDecimal tiny = new BigDecimal(1e-200).multiply(new BigDecimal(3e-123));
        ExactElement underflow = reference.element(Op.MUL, FLOAT64, 1e-200, 3e-123);
        assertEquals(IndependentRounding.round(tiny, FLOAT64), underflow.rounded());
        assertTrue(underflow.rounded() < Double.MIN_NORMAL && underflow.rounded() > 0);
        assertEquals(0, underflow.exact().toBigDecimal().compareTo(tiny));
        BigDecimal sum = new BigDecimal(Double.MAX_VALUE).add(new BigDecimal(Double.MAX_VALUE));
        assertEquals(0, reference.element(Op.ADD, FLOAT64, Double.MAX_VALUE, Double.MAX_VALUE).exact().toBigDecimal().compareTo(sum));
    }

    @Test
    void sqrtExactSquaresBack() {
        for (DType dtype : WIDE) {
            for (double x : new double[] {2, 3, 0.1, 1e-310, Double.MIN_VALUE, 3 * Double.MIN_VALUE, Float.MIN_VALUE,
                3 * Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, Double.MAX_VALUE, 1e300, 16777215, Math.nextDown(4.0)}) {
                x = dtype.round(x);
                if (x == 0 || Double.isInfinite(x)) {
                    continue;
                }
                ExactElement e = reference.element(Op.SQRT, dtype, x, 0);
                BigDecimal r = e.exact().toBigDecimal();
                BigDecimal bx = new BigDecimal(x);
                BigDecimal rel = r.multiply(r).subtract(bx).abs().divide(bx, MathContext.DECIMAL64);
                assertTrue(rel.doubleValue() < 0x1p-100, "sqrt(" + x + ")");
                assertCorrectlyRoundedSquareRoot(x, e.rounded(), dtype);
            }
        }
    }

    /** The float32 batch, which has its own loop (ArithmeticReference.sqrtFloat32Block), against the same exact squares. */
    @Test
    void sqrtFloat32BatchSquaresBack() {
        double[] x = new double[3000];
        double[] edges = {2, 3, 0.1, Float.MIN_VALUE, 3 * Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 16777215, Math.nextDown(4.0f)};
        for (int i = 0; i < x.length; i++) {
            // Edges, then positive float32 bit patterns of every exponent.
            x[i] = i < edges.length ? (float) edges[i] : Float.intBitsToFloat(random.nextInt(1, 0x7f800000));
        }
        ExactResults batch = reference.compute(Op.SQRT, FLOAT32, List.of(new Values(FLOAT32, x)));
        for (int i = 0; i < x.length; i++) {
            BigDecimal r = batch.exact(i).toBigDecimal();
            BigDecimal bx = new BigDecimal(x[i]);
            BigDecimal rel = r.multiply(r).subtract(bx).abs().divide(bx, MathContext.DECIMAL64);
            assertTrue(rel.doubleValue() < 0x1p-100, "sqrt(" + x[i] + ")");
            assertCorrectlyRoundedSquareRoot(x[i], batch.rounded(i), FLOAT32);
            assertEquals(0, batch.pass(i));
        }
    }

    /**
     * r is the correctly rounded square root of x exactly when x lies strictly between the squares of
     * the midpoints on either side of r (exact BigDecimal squares; a midpoint has p + 1 bits, ending in
     * 1, so its square has about 2p + 2 and is never a p-bit x: no ties).
     */
    private static void assertCorrectlyRoundedSquareRoot(double x, double r, DType dtype) {
        double below = dtype == FLOAT32 ? Math.nextDown((float) r) : Math.nextDown(r);
        double above = dtype == FLOAT32 ? Math.nextUp((float) r) : Math.nextUp(r);
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal low = new BigDecimal(below).add(new BigDecimal(r)).divide(two);
        BigDecimal high = new BigDecimal(r).add(new BigDecimal(above)).divide(two);
        BigDecimal bx = new BigDecimal(x);
        assertTrue(low.multiply(low).compareTo(bx) < 0 && bx.compareTo(high.multiply(high)) < 0,
                "sqrt(" + x + ") = " + r + " in " + dtype + " is not the nearest");
    }

    @Test
    void sqrtByHand() {
        // √2 = 1.41421356237309504880... (OEIS A002193); float32's neighbours are 0x3fb504f3 = 1.41421353816986083984375
        // and 0x3fb504f4 = 1.414213657379150390625, midpoint 1.4142135977745056..., so 0x3fb504f3.
        assertEquals(Float.intBitsToFloat(0x3fb504f3), reference.element(Op.SQRT, FLOAT32, 2, 0).rounded());
        // √(2^-1074) = 2^-537 and √(2^-148) = 2^-74 exactly; √(2^-149) = 2^-75 √2, rounded like √2.
        assertEquals(0x1p-537, reference.element(Op.SQRT, FLOAT64, Double.MIN_VALUE, 0).rounded());
        assertEquals(0x1p-74, reference.element(Op.SQRT, FLOAT32, 0x1p-148, 0).rounded());
        assertEquals(Math.scalb(Float.intBitsToFloat(0x3fb504f3), -75), reference.element(Op.SQRT, FLOAT32, 0x1p-149, 0).rounded());
        // √(2^24 - 1) = 2^12 (1 - 2^-24)^(1/2) = 2^12 - 2^-13 - 2^-38 - ...: just below the midpoint 2^12 - 2^-13
        // between float32's 2^12 - 2^-12 and 2^12, so 2^12 - 2^-12.
        assertEquals(4096 - 0x1p-12, reference.element(Op.SQRT, FLOAT32, 16777215, 0).rounded());
    }

    @Test
    void ieeeSpecialCases() {
        assertBits(-0.0, reference.element(Op.SQRT, FLOAT32, -0.0, 0).rounded());
        assertBits(-0.0, reference.element(Op.SQRT, FLOAT64, -0.0, 0).exact().hi());
        assertNaN(Op.SQRT, -1, 0);
        assertNaN(Op.LOG, -1, 0);
        assertNaN(Op.SIN, Double.POSITIVE_INFINITY, 0);
        assertNaN(Op.COS, Double.NEGATIVE_INFINITY, 0);
        assertNaN(Op.SUB, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertNaN(Op.DIV, 0, 0);
        assertNaN(Op.MUL, 0, Double.POSITIVE_INFINITY);
        assertNaN(Op.MAXIMUM, Double.NaN, 1);
        assertNaN(Op.MINIMUM, 1, Double.NaN);
        ExactElement log0 = reference.element(Op.LOG, FLOAT64, 0.0, 0);
        assertEquals(Double.NEGATIVE_INFINITY, log0.rounded());
        assertTrue(log0.exact().isInfinite());
        assertEquals(Double.POSITIVE_INFINITY, reference.element(Op.DIV, FLOAT32, 1, 0).exact().hi());
        assertBits(0.0, reference.element(Op.MAXIMUM, FLOAT64, -0.0, 0.0).rounded());
        assertBits(0.0, reference.element(Op.MAXIMUM, FLOAT64, 0.0, -0.0).rounded());
        assertBits(-0.0, reference.element(Op.MINIMUM, FLOAT32, 0.0, -0.0).rounded());
        assertBits(-0.0, reference.element(Op.SIN, FLOAT32, -0.0, 0).rounded());
        assertEquals(1.0, reference.element(Op.COS, FLOAT64, -0.0, 0).rounded());
        assertEquals(-1.0, reference.element(Op.TANH, FLOAT64, Double.NEGATIVE_INFINITY, 0).rounded());
        assertEquals(0.0, reference.element(Op.EXP, FLOAT64, Double.NEGATIVE_INFINITY, 0).rounded());
    }

    @Test
    void sumIsExactAndRoundedOnce() {
        // Naive double summation loses 1e-30 entirely.
        assertEquals(1e-30, sum(FLOAT64, 1, 1e-30, -1).rounded());
        // No intermediate overflow.
        assertEquals(1e308, sum(FLOAT64, 1e308, 1e308, -1e308).rounded());
        // float32: 1 + 2^-24 + 2^-80 is just above the midpoint 1 + 2^-24, so it rounds up to
        // 1 + 2^-23; going through a double first would round to the midpoint and then to 1.
        assertEquals(1 + 0x1p-23, sum(FLOAT32, 1, 0x1p-24, 0x1p-80).rounded());
        assertBits(0.0, sum(FLOAT64).rounded());
        assertBits(-0.0, sum(FLOAT64, -0.0, -0.0).rounded());
        assertBits(0.0, sum(FLOAT64, -0.0, 0.0).rounded());
        assertBits(0.0, sum(FLOAT64, 1, -1).rounded());
        assertTrue(Double.isNaN(sum(FLOAT64, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).rounded()));
        assertTrue(Double.isNaN(sum(FLOAT32, 1, Double.NaN).rounded()));
        assertEquals(Double.NEGATIVE_INFINITY, sum(FLOAT32, 1, Double.NEGATIVE_INFINITY).rounded());
        // Float32 overflow: the exact sum is finite, the rounded one infinite.
        ExactElement over = sum(FLOAT32, Float.MAX_VALUE, Float.MAX_VALUE);
        assertEquals(Double.POSITIVE_INFINITY, over.rounded());
        assertEquals(2.0 * Float.MAX_VALUE, over.exact().hi());
    }

    @Test
    void randomSumsMatchBigDecimal() {
        for (DType dtype : WIDE) {
            double[] x = new double[5000];
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < x.length; i++) {
                x[i] = wide(dtype);
                exact = exact.add(new BigDecimal(x[i]));
            }
            ExactElement e = sum(dtype, x);
            assertBits(IndependentRounding.round(exact, dtype), e.rounded());
            PublishedValuesTest.assertClose(exact, e.exact().toBigDecimal(), 0x1p-100);
        }
    }

    @Test
    void maxAndMinPropagateNaN() {
        ReferenceCalculator r = reference;
        Values v = new Values(FLOAT32, new double[] {1, Double.NaN, 3});
        assertTrue(Double.isNaN(r.compute(Op.REDUCE_MAX, FLOAT32, List.of(v)).rounded(0)));
        Values z = new Values(FLOAT64, new double[] {-0.0, 0.0, -0.0});
        assertBits(0.0, r.compute(Op.REDUCE_MAX, FLOAT64, List.of(z)).rounded(0));
        assertBits(-0.0, r.compute(Op.REDUCE_MIN, FLOAT64, List.of(z)).rounded(0));
        Values w = new Values(FLOAT64, new double[] {3, -7, 5});
        assertEquals(5, r.compute(Op.REDUCE_MAX, FLOAT64, List.of(w)).rounded(0));
        assertEquals(-7, r.compute(Op.REDUCE_MIN, FLOAT64, List.of(w)).rounded(0));
    }

    private ExactElement sum(DType dtype, double... x) {
        ExactResults r = reference.compute(Op.REDUCE_SUM, dtype, List.of(new Values(dtype, x)));
        assertEquals(1, r.length());
        return new ExactElement(r.rounded(0), r.exact(0), r.pass(0));
    }

    private void assertNaN(Op op, double x, double y) {
        for (DType dtype : WIDE) {
            ExactElement e = reference.element(op, dtype, x, y);
            assertTrue(Double.isNaN(e.rounded()) && e.exact().isNaN(), op + "(" + x + ", " + y + ")");
        }
    }

    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), "expected " + expected + " got " + actual);
    }
}
