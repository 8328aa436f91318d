package io.github.opcompare.engine.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A real number known to lie in [lo, hi] × 10^shift, and the decimal digits that knowledge settles.
 *
 * <p>Rounding to nearest is monotone: when both ends round to the same n-digit decimal, so does
 * every number between them, the true value included, and those n digits are right. When the ends
 * round apart, the interval straddles a decimal rounding boundary (a midpoint between two n-digit
 * decimals, or the true value is one), and n - 1 digits are tried. A boundary of n digits is never
 * one of n - 1 digits (it ends in a 5 where those end in a 0), so an interval narrower than half a
 * unit of the n-th digit always settles n - 1. An exact value (lo = hi) is rounded half to even.
 *
 * <p>The shift holds magnitudes no BigDecimal can (e^(10^30) is 10^(4.3 × 10^29)); lo and hi are
 * then the mantissa's bounds.
 */
final class DecimalEnclosure {
    /** An enclosure that settles nothing: what a computation gives when it cannot vouch for its value. */
    static final DecimalEnclosure NOTHING = new DecimalEnclosure(null, null, BigInteger.ZERO);

    private final BigDecimal lo;
    private final BigDecimal hi;
    private final BigInteger shift;

    private DecimalEnclosure(BigDecimal lo, BigDecimal hi, BigInteger shift) {
        this.lo = lo;
        this.hi = hi;
        this.shift = shift;
    }

    static DecimalEnclosure exact(BigDecimal v) {
        return new DecimalEnclosure(v, v, BigInteger.ZERO);
    }

    static DecimalEnclosure between(BigDecimal lo, BigDecimal hi) {
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("empty enclosure [" + lo + ", " + hi + "]");
        }
        return new DecimalEnclosure(lo, hi, BigInteger.ZERO);
    }

    /** [v - radius, v + radius]. */
    static DecimalEnclosure around(BigDecimal v, BigDecimal radius) {
        return between(v.subtract(radius.abs()), v.add(radius.abs()));
    }

    /**
     * An approximation v of a true value t with |v - t| < ε|t|, ε = 10^-goodDigits: then
     * |v - t| < ε|v| / (1 - ε) ≤ 2ε|v|. A zero v settles nothing: it is no evidence of an exact zero,
     * which callers settle from the arguments.
     */
    static DecimalEnclosure relative(BigDecimal v, long goodDigits) {
        if (goodDigits < 1 || goodDigits > Integer.MAX_VALUE / 2 || v.signum() == 0) {
            return NOTHING;
        }
        return around(v, v.abs().multiply(BigDecimal.valueOf(2)).movePointLeft((int) goodDigits));
    }

    /** This enclosure times 10^n. */
    DecimalEnclosure timesPowerOfTen(BigInteger n) {
        return lo == null ? this : new DecimalEnclosure(lo, hi, shift.add(n));
    }

    boolean isExactZero() {
        return lo != null && lo.signum() == 0 && hi.signum() == 0;
    }

    boolean isExact() {
        return lo != null && lo.compareTo(hi) == 0;
    }

    /**
     * The true value correctly rounded to the most significant digits, up to {@code max}, that this
     * enclosure settles; unknown when it settles none. Not for an exact zero (whose sign the caller knows).
     */
    ExactDecimal digits(int max) {
        if (lo == null || isExactZero()) {
            return ExactDecimal.unknown();
        }
        for (int n = max; n >= 1; n--) {
            MathContext mc = new MathContext(n, RoundingMode.HALF_EVEN);
            BigDecimal a = lo.round(mc);
            if (a.compareTo(hi.round(mc)) == 0 && a.signum() != 0) {
                return ExactDecimal.rounded(a, shift, n);
            }
        }
        return ExactDecimal.unknown();
    }
}
