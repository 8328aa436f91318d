package io.github.opcompare.engine.reference;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact result as people read it: the true value correctly rounded (to nearest, ties to even) to
 * {@code digits} significant digits, trailing zeros dropped ("1" for exactly 1, "0.5" for one half).
 * Every digit shown is right. NaN, the infinities and exact zeros are no rounded numbers: their
 * text is "NaN", "Infinity", "-Infinity", "0.0" or "-0.0" and digits is null. Text and digits are
 * both null when not even one digit is known (an enclosure wider than the value: never produced
 * by the computations in this package, but said rather than guessed).
 *
 * @param text the decimal, as {@link BigDecimal#toString()} writes it ("2993588.79045067867657970785687",
 *     "1.2E-40"); beyond BigDecimal's range the same scientific form with a longer exponent
 * @param digits significant digits the text was rounded to, at most {@link #MAX_DIGITS}
 */
public record ExactDecimal(String text, Integer digits) {
    /** Digits shown when they are known: more than any dtype needs (float64 round-trips with 17). */
    public static final int MAX_DIGITS = 30;

    private static final ExactDecimal UNKNOWN = new ExactDecimal(null, null);

    /** NaN, ±Infinity or ±0, which are exact as they are. */
    static ExactDecimal nonNumberOrZero(double v) {
        if (!Double.isNaN(v) && !Double.isInfinite(v) && v != 0) {
            throw new IllegalArgumentException("not NaN, infinite or zero: " + v);
        }
        return new ExactDecimal(Double.toString(v), null);
    }

    static ExactDecimal unknown() {
        return UNKNOWN;
    }

    /** A value already rounded to {@code digits} significant digits, times 10^shift. */
    static ExactDecimal rounded(BigDecimal value, BigInteger shift, int digits) {
        BigDecimal v = value.stripTrailingZeros();
        if (shift.signum() == 0) {
            return new ExactDecimal(v.toString(), digits);
        }
        // BigDecimal's scientific form, with an exponent no int could hold: d.ddd E±n.
        String unscaled = v.unscaledValue().abs().toString();
        BigInteger exponent = shift.add(BigInteger.valueOf(unscaled.length() - 1L - v.scale()));
        StringBuilder s = new StringBuilder();
        if (v.signum() < 0) {
            s.append('-');
        }
        s.append(unscaled.charAt(0));
        if (unscaled.length() > 1) {
            s.append('.').append(unscaled, 1, unscaled.length());
        }
        s.append('E').append(exponent.signum() >= 0 ? "+" : "").append(exponent);
        return new ExactDecimal(s.toString(), digits);
    }

    /** Whether the text is a known value (false only for {@link #unknown()}). */
    public boolean known() {
        return text != null;
    }
}
