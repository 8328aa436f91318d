package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * pow where x^y is a dyadic rational, computed exactly. These are the only arguments where x^y can
 * be a midpoint between two values of a binary dtype (pow(134217727, 2) = 2^54 - 2^28 + 1 needs 54
 * bits; pow(62500500001, 1.5) = 250001³ needs 54 too; pow(2, -1075) lies halfway between 0 and the
 * smallest subnormal), which no finite-precision evaluation could ever round; as an exact rational
 * the rounding is immediate.
 *
 * <p>Why these are all: every double y is M 2^-k with M odd. For k = 0 (integer y), x^y is dyadic
 * for y ≥ 0, and for y < 0 only when x is a power of two. For k ≥ 1, x^y is rational only if
 * x^(1/2^k) is (M is odd, so with sM + t2^k = 1, x^(1/2^k) = (x^y)^s x^t), that is when x = c^(2^k)
 * 2^(2^k j) with c odd; then x^y = (c 2^j)^M, dyadic for M > 0 and for M < 0 only if c = 1. Any
 * other x^y is irrational or has an odd denominator: never a midpoint, never representable, and
 * Ziv's iteration ends. Among the dyadic ones, an odd part c^M ≥ 3^35 has more than 54 bits and
 * cannot be a midpoint either; those are left to the passes too, which round them (they are not on a
 * boundary) at no risk.
 */
final class PowExact {
    /** Up to this |y|, x^|y| has at most 64 * 53 bits: microseconds of BigInteger work. */
    static final int MAX_EXPONENT = 64;
    /** Powers of two beyond 2^±this are out of every range, which the double-double pass settles. */
    private static final long MAX_TWO_EXPONENT = 1 << 20;

    private PowExact() {
    }

    /** x^y when it is a dyadic rational that could lie on a rounding boundary; null otherwise. */
    static ExactElement of(double x, double y, DType dtype) {
        if (x == 0 || !Double.isFinite(x) || !Double.isFinite(y)) {
            return null;
        }
        if (y == Math.rint(y) && Math.abs(y) <= MAX_EXPONENT) {
            return integerPower(x, y, dtype);
        }
        ExactRounding.Binary bx = ExactRounding.binary(Math.abs(x));
        int zeros = bx.mantissa().getLowestSetBit();
        BigInteger c = bx.mantissa().shiftRight(zeros);
        long j = (long) bx.exponent() + zeros;
        if (c.equals(BigInteger.ONE)) {
            return powerOfTwo(x, j, y, dtype);
        }
        if (y == Math.rint(y)) {
            return null; // |y| > 64 and x not a power of two: see the class comment
        }
        ExactRounding.Binary by = ExactRounding.binary(y);
        int yZeros = by.mantissa().getLowestSetBit();
        long m = by.mantissa().shiftRight(yZeros).longValueExact(); // |M|, odd
        int k = -(by.exponent() + yZeros); // ≥ 1: y is not an integer
        if (x < 0 || y < 0 || m > MAX_EXPONENT || k > 5 || j % (1L << k) != 0) {
            // x < 0: NaN, settled before; 1/c^M has an odd denominator; c^M ≥ 3^65 has too many bits; an odd c below 2^53 is no
            // perfect 2^k-th power for k > 5 (3^64 > 2^53); j not divisible: x^(1/2^k) irrational.
            return null;
        }
        BigInteger root = c;
        for (int i = 0; i < k; i++) {
            BigInteger s = root.sqrt();
            if (!s.multiply(s).equals(root)) {
                return null;
            }
            root = s;
        }
        // x^y = (root 2^(j/2^k))^M.
        return exact(root.pow((int) m), (j >> k) * m, false, dtype);
    }

    /** 2^(jy) for a power of two |x| = 2^j when jy is an integer (else x^y is irrational). */
    private static ExactElement powerOfTwo(double x, long j, double y, DType dtype) {
        BigDecimal n = new BigDecimal(y).multiply(BigDecimal.valueOf(j));
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0 || n.abs().compareTo(BigDecimal.valueOf(MAX_TWO_EXPONENT)) > 0) {
            return null;
        }
        boolean negative = x < 0 && BinarySpecialValues.isOddInteger(y);
        return exact(BigInteger.ONE, n.longValueExact(), negative, dtype);
    }

    /** x^y for an integer y with 0 < |y| ≤ 64. */
    private static ExactElement integerPower(double x, double y, DType dtype) {
        int n = (int) Math.abs(y);
        ExactRounding.Binary b = ExactRounding.binary(Math.abs(x));
        BigInteger m = b.mantissa().pow(n);
        long e = (long) b.exponent() * n;
        boolean negative = x < 0 && (n & 1) == 1;
        if (y > 0) {
            return exact(m, e, negative, dtype);
        }
        double rounded = ExactRounding.round(BigInteger.ONE, m, -e, dtype);
        // 1/m to 40 digits, then the power of two: plenty for ulp errors.
        BigDecimal inv = BigDecimal.ONE.divide(new BigDecimal(m), new MathContext(40));
        ExactValue v = ExactValue.of(inv);
        ExactValue exact = ExactValue.normalized(v.hi(), v.lo(), (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, v.scale() - e)));
        return signed(rounded, exact, negative);
    }

    /** m 2^e, rounded once. */
    private static ExactElement exact(BigInteger m, long e, boolean negative, DType dtype) {
        double rounded = ExactRounding.round(m, e, dtype);
        ExactValue exact = e > Integer.MAX_VALUE / 2 || e < Integer.MIN_VALUE / 2
                ? ExactValue.of(rounded) : ExactValue.of(new ExactRounding.Binary(m, (int) e));
        return signed(rounded, exact, negative);
    }

    private static ExactElement signed(double rounded, ExactValue exact, boolean negative) {
        if (negative) {
            return new ExactElement(-rounded, new ExactValue(-exact.hi(), -exact.lo(), exact.scale()), 0);
        }
        return new ExactElement(rounded, exact, 0);
    }
}
