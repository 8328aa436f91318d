package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.util.function.Function;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference in float16 and bfloat16, judged without the reference's own rounding code: the
 * exact value comes from apfloat at 40 digits (or from exact integer arithmetic for sqrt), and
 * the test checks that the reference's result is a nearest value of the dtype by comparing
 * distances to it and to both its neighbours in BigDecimal.
 */
class NarrowDTypeReferenceTest {
    private static final long DIGITS = 40;
    private final ReferenceCalculator reference = new ReferenceCalculator();

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT16", "BFLOAT16"})
    void transcendentalsAreCorrectlyRoundedOnASampleOfEveryBinade(DType dtype) {
        check(dtype, Op.EXP, 100, x -> ApfloatMath.exp(x));
        check(dtype, Op.LOG, Double.MAX_VALUE, x -> x.signum() > 0 ? ApfloatMath.log(x) : null);
        check(dtype, Op.SIN, 1000, x -> ApfloatMath.sin(x));
        check(dtype, Op.COS, 1000, x -> ApfloatMath.cos(x));
        check(dtype, Op.TANH, 50, x -> ApfloatMath.tanh(x));
        check(dtype, Op.ATAN, 1e6, x -> ApfloatMath.atan(x));
        check(dtype, Op.CBRT, Double.MAX_VALUE, x -> ApfloatMath.cbrt(x));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT16", "BFLOAT16"})
    void sqrtOfEveryNonNegativeValueIsTheNearestByExactSquares(DType dtype) {
        assertEquals(0.0, reference.element(Op.SQRT, dtype, 0.0, 0).rounded());
        for (int bits = 1; bits < 0x7c00 || (dtype == DType.BFLOAT16 && bits < 0x7f80); bits++) {
            double x = dtype.decode(bits);
            double r = reference.element(Op.SQRT, dtype, x, 0).rounded();
            // r is nearest iff x lies between the squares of the midpoints around r.
            BigDecimal bx = new BigDecimal(x);
            BigDecimal lower = midpoint(r, below(r, dtype));
            BigDecimal upper = midpoint(r, above(r, dtype));
            assertTrue(lower.multiply(lower).compareTo(bx) <= 0 && bx.compareTo(upper.multiply(upper)) <= 0,
                    dtype + " sqrt(" + x + ") = " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT16", "BFLOAT16"})
    void arithmeticIsCorrectlyRoundedAgainstExactFractions(DType dtype) {
        int[] samples = {0x3c00, 0x3c01, 0x3555, 0x0001, 0x03ff, 0x7bff, 0xbc07, 0x4d21, 0x1234, 0x6a6a};
        for (int xb : samples) {
            for (int yb : samples) {
                double x = dtype.decode(xb);
                double y = dtype.decode(yb);
                BigDecimal bx = new BigDecimal(x);
                BigDecimal by = new BigDecimal(y);
                assertNearest(dtype, reference.element(Op.ADD, dtype, x, y).rounded(), bx.add(by), x + " + " + y);
                assertNearest(dtype, reference.element(Op.MUL, dtype, x, y).rounded(), bx.multiply(by), x + " * " + y);
                assertNearest(dtype, reference.element(Op.DIV, dtype, x, y).rounded(),
                        bx.divide(by, new java.math.MathContext(60)), x + " / " + y);
            }
        }
    }

    private void check(DType dtype, Op op, double maxAbs, Function<Apfloat, Apfloat> exact) {
        int checked = 0;
        // Stride 29 (odd, so every binade and many significands are visited) over all patterns.
        for (int bits = 0; bits < 0x10000; bits += 29) {
            double x = dtype.decode(bits);
            if (Double.isNaN(x) || Double.isInfinite(x) || x == 0 || Math.abs(x) > maxAbs) {
                continue;
            }
            Apfloat e = exact.apply(new Apfloat(new BigDecimal(x), DIGITS));
            if (e == null) {
                continue;
            }
            double r = reference.element(op, dtype, x, 0).rounded();
            assertNearest(dtype, r, new BigDecimal(e.toString(true)), op.id() + "(" + x + ")");
            checked++;
        }
        assertTrue(checked > 500, op.id() + ": only " + checked + " values checked");
    }

    /** r is a value of the dtype at least as near to e as both its neighbours (or the right infinity or zero). */
    private static void assertNearest(DType dtype, double r, BigDecimal e, String what) {
        if (Double.isInfinite(r)) {
            BigDecimal overflowAt = new BigDecimal(dtype.maxValue()).add(new BigDecimal(Math.scalb(1.0, dtype.maxExponent() - dtype.precision())));
            assertTrue(e.abs().compareTo(overflowAt) >= 0 && e.signum() == (int) Math.signum(r), what + " = " + r + ", exact " + e);
            return;
        }
        assertEquals(r, dtype.round(r), what + ": " + r + " is not a " + dtype + " value");
        BigDecimal dist = e.subtract(new BigDecimal(r)).abs();
        assertTrue(dist.compareTo(e.subtract(new BigDecimal(below(r, dtype))).abs()) <= 0
                && dist.compareTo(e.subtract(new BigDecimal(above(r, dtype))).abs()) <= 0, what + " = " + r + ", exact " + e);
    }

    /** The next value of the dtype toward -infinity (the largest finite's successor is 2^(emax+1)). */
    private static double below(double r, DType dtype) {
        return -above(-r, dtype);
    }

    private static double above(double r, DType dtype) {
        if (r == dtype.maxValue()) {
            return Math.scalb(1.0, dtype.maxExponent() + 1);
        }
        if (r == 0) {
            return dtype.minSubnormal();
        }
        long bits = dtype.encode(r);
        return dtype.decode(r > 0 ? bits + 1 : bits - 1);
    }

    private static BigDecimal midpoint(double a, double b) {
        return new BigDecimal(a).add(new BigDecimal(b)).divide(BigDecimal.valueOf(2));
    }

}
