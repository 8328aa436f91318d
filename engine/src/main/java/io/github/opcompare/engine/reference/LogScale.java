package io.github.opcompare.engine.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Enclosures of numbers too large or too small to write out, through their decimal logarithm:
 * v = ±10^L × F = ±10^frac(L) × F × 10^floor(L). e^(3 × 10^38) is 10^(1.3 × 10^38), whose mantissa
 * needs L to 38 integer digits plus the digits shown; apfloat computes L to that precision cheaply,
 * where e^x itself would not fit any number type.
 *
 * <p>Apfloat numbers are trusted as {@link ArbitraryPrecision} trusts them: an apfloat result of
 * precision p (at most what was asked) has a relative error below 10^-(p - GUARD_DIGITS).
 */
final class LogScale {
    /** Below this binary exponent m × 2^e is written out exactly; above it, through its logarithm. */
    private static final int EXACT_BINARY_EXPONENT = 4000;

    static {
        ApfloatSetup.ensure();
    }

    private LogScale() {
    }

    /**
     * sign × e^g × F for g computed by apfloat at the requested precision {@code precision}, F in [fLo, fHi]
     * (positive): the factor that the formula e^g leaves out, such as 1 - e^-2x in sinh.
     */
    static DecimalEnclosure exp(Apfloat g, long precision, BigDecimal fLo, BigDecimal fHi, int sign, int digits) {
        Apfloat l = g.divide(ApfloatMath.log(new Apfloat(10, precision)));
        return tenTo(l, precision, fLo, fHi, sign, digits);
    }

    /**
     * sign × m × 2^e for integers mLo ≤ m ≤ mHi (positive, of the same bit length or mHi one bit
     * longer) and any exponent.
     */
    static DecimalEnclosure binary(BigInteger mLo, BigInteger mHi, long e, int sign, int digits) {
        int bits = mLo.bitLength();
        if (Math.abs(e) + bits <= EXACT_BINARY_EXPONENT) {
            BigDecimal lo = new ExactRounding.Binary(mLo, (int) e).toBigDecimal();
            BigDecimal hi = new ExactRounding.Binary(mHi, (int) e).toBigDecimal();
            return sign > 0 ? DecimalEnclosure.between(lo, hi) : DecimalEnclosure.between(hi.negate(), lo.negate());
        }
        // m 2^e = (m / 2^(bits-1)) × 10^(E log10 2) with E = e + bits - 1; m / 2^(bits-1) is an exact decimal in [1, 4).
        long exponent = e + bits - 1;
        BigDecimal fLo = new ExactRounding.Binary(mLo, 1 - bits).toBigDecimal();
        BigDecimal fHi = new ExactRounding.Binary(mHi, 1 - bits).toBigDecimal();
        long precision = Long.toString(Math.abs(exponent)).length() + digits + 10L;
        Apfloat log10Of2 = ApfloatMath.log(new Apfloat(2, precision)).divide(ApfloatMath.log(new Apfloat(10, precision)));
        Apfloat l = new Apfloat(exponent, precision).multiply(log10Of2);
        return tenTo(l, precision, fLo, fHi, sign, digits);
    }

    /**
     * sign × 10^l × F for an apfloat l asked for at {@code precision} digits and F in [fLo, fHi] (positive).
     * With ε the relative error of l trusted as above, L lies within δ = |l| ε of l, and 10^±δ within
     * 1 ± 3δ for δ ≤ 0.1 (10^δ = e^(2.303 δ) ≤ 1 + 2.303 δ e^0.2303 < 1 + 3δ).
     */
    static DecimalEnclosure tenTo(Apfloat l, long precision, BigDecimal fLo, BigDecimal fHi, int sign, int digits) {
        long good = Math.min(l.precision(), precision) - ArbitraryPrecision.GUARD_DIGITS;
        BigDecimal ld = decimal(l);
        BigDecimal delta = ld.abs().multiply(BigDecimal.valueOf(2)).movePointLeft((int) Math.max(0, Math.min(good, Integer.MAX_VALUE)));
        if (good < 1 || delta.compareTo(new BigDecimal("0.1")) > 0) {
            return DecimalEnclosure.NOTHING;
        }
        BigDecimal floor = ld.setScale(0, RoundingMode.FLOOR);
        BigDecimal fraction = ld.subtract(floor);
        long p = digits + 10L;
        Apfloat m = ApfloatMath.exp(new Apfloat(fraction, p).multiply(ApfloatMath.log(new Apfloat(10, p))));
        long mGood = Math.min(m.precision(), p) - ArbitraryPrecision.GUARD_DIGITS;
        // |error| of m relative: 2 × 10^-mGood (see DecimalEnclosure.relative) and 3δ from L.
        BigDecimal eta = BigDecimal.valueOf(2).movePointLeft((int) mGood).add(delta.multiply(BigDecimal.valueOf(3)));
        BigDecimal md = decimal(m);
        BigDecimal lo = md.multiply(BigDecimal.ONE.subtract(eta)).multiply(fLo);
        BigDecimal hi = md.multiply(BigDecimal.ONE.add(eta)).multiply(fHi);
        DecimalEnclosure e = sign > 0 ? DecimalEnclosure.between(lo, hi) : DecimalEnclosure.between(hi.negate(), lo.negate());
        return e.timesPowerOfTen(floor.toBigIntegerExact());
    }

    static BigDecimal decimal(Apfloat a) {
        return new BigDecimal(a.toString(true));
    }
}
