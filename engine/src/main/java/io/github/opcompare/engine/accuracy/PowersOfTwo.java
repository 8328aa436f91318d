package io.github.opcompare.engine.accuracy;

/**
 * {@link Math#scalb(double, int)} without its cost where that cost buys nothing. On JDK 17 scalb is
 * no intrinsic: it splits the exponent into steps and multiplies in a loop, and judging one float32
 * element called it four times; in the exhaustive sweep of exp that was 60% of the engine's time
 * (JFR). For an exponent {@code n} of a normal power of two (-1022 to 1023) one multiplication by
 * 2^n built from its bits gives the same double: exact when the result is normal, and otherwise
 * rounded once, correctly, which is what scalb returns too. Exponents beyond, up to those where
 * every result overflows or vanishes, take two or three such multiplications, of which only the
 * last can round (a second copy of the first cost: the sweep's exact values of exp beyond the float
 * range ask for them, and scalb was a fifth of the engine's time again after the first fix).
 */
final class PowersOfTwo {
    private PowersOfTwo() {
    }

    /** 2^n for n from -1022 to 1023, the normal powers of two, from their bits. */
    static double pow2(int n) {
        return Double.longBitsToDouble((long) (n + Double.MAX_EXPONENT) << 52);
    }

    /** x · 2^n, the same double as {@code Math.scalb(x, n)}. */
    static double scalb(double x, int n) {
        if (n >= Double.MIN_EXPONENT && n <= Double.MAX_EXPONENT) {
            return x * pow2(n);
        }
        // Exponents so far out that every finite non-zero x overflows (|x| ≥ 2^-1074, times 2^2099 is
        // past the range) or rounds to zero (|x| < 2^1024, times 2^-2100 is below half the least
        // subnormal): the ulp error of a result judged against an exact value beyond the range asks
        // for these all the time (half of all float32 inputs of exp), often of a zero low part.
        if (x == 0 || !Double.isFinite(x)) {
            return x; // as Math.scalb: a zero keeps its sign, an infinity stays, NaN stays NaN
        }
        if (n > OVERFLOW_ALWAYS || n < UNDERFLOW_ALWAYS) {
            return n > 0 ? Math.copySign(Double.POSITIVE_INFINITY, x) : Math.copySign(0.0, x);
        }
        // Between the two (exp's exact values from about 2^128 to 2^2000 ask for these): a few normal
        // powers of two, applied so that only the last multiplication can round.
        return n > 0 ? scaleUp(x, n) : scaleDown(x, n);
    }

    /**
     * x · 2^n for n from 1024 to 2098 in steps of at most 2^1023: a growing product of a power of two is
     * exact until it overflows, and an intermediate that overflows means the result does too.
     */
    private static double scaleUp(double x, int n) {
        double t = x * pow2(Double.MAX_EXPONENT);
        int left = n - Double.MAX_EXPONENT;
        if (left > Double.MAX_EXPONENT) {
            t *= pow2(Double.MAX_EXPONENT);
            left -= Double.MAX_EXPONENT;
        }
        return t * pow2(left);
    }

    /**
     * x · 2^n for n from -2099 to -1023: first down to the least normal binade, exactly (the
     * intermediate stays normal), then one multiplication by 2^-1022, the only one that rounds, as
     * scalb's single correct rounding does. A result below 2^-1076 rounds to zero: under half the
     * least subnormal, it cannot tie.
     */
    private static double scaleDown(double x, int n) {
        int e = Math.getExponent(x); // -1023 for a subnormal x
        if (e + n < -1076) {
            return Math.copySign(0.0, x);
        }
        // e ≥ -1022 here (a subnormal x with n ≤ -1023 is under 2^-2045), and x · 2^a stays normal:
        // its exponent e + a = e + n + 1022 is at least -54. Where a itself is below the normal
        // powers (n < -2044, so e ≥ 968), it is applied in two halves, each a normal power.
        int a = n - Double.MIN_EXPONENT; // n + 1022, from -1077 to -1
        double t = x;
        if (a < Double.MIN_EXPONENT) {
            t *= pow2(a / 2);
            a -= a / 2;
        }
        return t * pow2(a) * pow2(Double.MIN_EXPONENT);
    }

    /** Beyond this exponent every finite non-zero double overflows: 2^-1074 · 2^2099 = 2^1025. */
    private static final int OVERFLOW_ALWAYS = 2098;
    /** Below this one every finite double rounds to zero: 2^1024 · 2^-2100 = 2^-1076, under 2^-1075. */
    private static final int UNDERFLOW_ALWAYS = -2099;
}
