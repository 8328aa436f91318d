package io.github.opcompare.engine.reference;

import io.github.opcompare.engine.dtype.DType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * pow with a small integer exponent, computed exactly. These are the arguments where x^y can be a
 * midpoint between two values of the dtype (pow(134217727, 2) = 2^54 - 2^28 + 1 needs 54 bits),
 * which no finite-precision evaluation could ever round; as an exact rational the rounding is
 * immediate.
 */
final class PowExact {
    /** Up to this |y|, x^|y| has at most 64 * 53 bits: microseconds of BigInteger work. */
    static final int MAX_EXPONENT = 64;

    private PowExact() {
    }

    /** x^y for finite nonzero x and an integer y with 0 < |y| ≤ 64, or null for other y. */
    static ExactElement of(double x, double y, DType dtype) {
        if (y != Math.rint(y) || Math.abs(y) > MAX_EXPONENT || x == 0 || !Double.isFinite(x)) {
            return null;
        }
        int n = (int) Math.abs(y);
        ExactRounding.Binary b = ExactRounding.binary(Math.abs(x));
        BigInteger m = b.mantissa().pow(n);
        long e = (long) b.exponent() * n;
        boolean negative = x < 0 && (n & 1) == 1;
        double rounded;
        ExactValue exact;
        if (y > 0) {
            rounded = ExactRounding.round(m, e, dtype);
            exact = e > Integer.MAX_VALUE / 2 || e < Integer.MIN_VALUE / 2
                    ? ExactValue.of(rounded) : ExactValue.of(new ExactRounding.Binary(m, (int) e));
        } else {
            rounded = ExactRounding.round(BigInteger.ONE, m, -e, dtype);
            // 1/m to 40 digits, then the power of two: plenty for ulp errors.
            BigDecimal inv = BigDecimal.ONE.divide(new BigDecimal(m), new MathContext(40));
            ExactValue v = ExactValue.of(inv);
            exact = ExactValue.normalized(v.hi(), v.lo(), (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, v.scale() - e)));
        }
        if (negative) {
            return new ExactElement(-rounded, new ExactValue(-exact.hi(), -exact.lo(), exact.scale()), 0);
        }
        return new ExactElement(rounded, exact, 0);
    }
}
