package io.github.opcompare.engine.reference;

import java.math.BigDecimal;

/**
 * A real number as (hi + lo) * 2^scale, hi and lo doubles. The scale lets values beyond the double
 * range (exp(710)) or below its normal range (exp(-740), whose low part would underflow) keep their
 * full precision. NaN and the infinities (poles such as log(0)) are held in hi with lo = 0.
 */
public record ExactValue(double hi, double lo, int scale) {
    /** Scale used for values too far out of range to matter (exp(1e300)): any ulp error is then infinite. */
    public static final int SATURATED_SCALE = 1 << 30;

    public static ExactValue of(double x) {
        return new ExactValue(x, 0.0, 0);
    }

    public static ExactValue of(DoubleDouble d, int scale) {
        return normalized(d.hi(), d.lo(), scale);
    }

    /** Folds the scale into hi and lo when that loses nothing, so most values carry scale 0. */
    public static ExactValue normalized(double hi, double lo, int scale) {
        if (scale != 0 && hi != 0 && Double.isFinite(hi)) {
            int e = Math.getExponent(hi) + scale;
            if (e > -960 && e < 1000 && Math.abs(scale) < 2200) {
                return new ExactValue(Math.scalb(hi, scale), Math.scalb(lo, scale), 0);
            }
        }
        return new ExactValue(hi, lo, scale);
    }

    /** The nearest value of this form to a nonzero finite decimal (relative error about 2^-106). */
    public static ExactValue of(BigDecimal v) {
        if (v.signum() == 0) {
            return of(0.0);
        }
        // Scale by a power of two near 1/|v| so that hi and lo are normal doubles whatever |v| is.
        int s = (int) Math.floor((v.unscaledValue().bitLength() - 1) - v.scale() * (Math.log(10) / Math.log(2)));
        BigDecimal w = s >= 0
                ? v.multiply(new BigDecimal(java.math.BigInteger.valueOf(5).pow(s))).movePointLeft(s)
                : v.multiply(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(-s)));
        io.github.opcompare.worker.dtype.DType d = io.github.opcompare.worker.dtype.DType.FLOAT64;
        double hi = ExactRounding.round(w, d);
        double lo = ExactRounding.round(w.subtract(new BigDecimal(hi)), d);
        return normalized(hi, lo, s);
    }

    /** The nearest value of this form to an exact binary number (relative error about 2^-106). */
    public static ExactValue of(ExactRounding.Binary b) {
        if (b.mantissa().signum() == 0) {
            return of(0.0);
        }
        int s = b.mantissa().bitLength() - 1 + b.exponent();
        ExactRounding.Binary w = b.shift(-s);
        io.github.opcompare.worker.dtype.DType d = io.github.opcompare.worker.dtype.DType.FLOAT64;
        double hi = ExactRounding.round(w, d);
        ExactRounding.Binary hiB = ExactRounding.binary(hi);
        double lo = ExactRounding.round(w.add(new ExactRounding.Binary(hiB.mantissa().negate(), hiB.exponent())), d);
        return normalized(hi, lo, s);
    }

    public boolean isNaN() {
        return Double.isNaN(hi);
    }

    public boolean isInfinite() {
        return Double.isInfinite(hi);
    }

    /** The exact decimal value of this number; only for finite values. */
    public BigDecimal toBigDecimal() {
        return ExactRounding.binary(hi, lo, scale).toBigDecimal();
    }
}
