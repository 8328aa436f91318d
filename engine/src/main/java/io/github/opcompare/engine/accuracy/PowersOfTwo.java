package io.github.opcompare.engine.accuracy;

/**
 * {@link Math#scalb(double, int)} without its cost where that cost buys nothing. On JDK 17 scalb is
 * no intrinsic: it splits the exponent into steps and multiplies in a loop, and judging one float32
 * element called it four times; in the exhaustive sweep of exp that was 60% of the engine's time
 * (JFR). For an exponent {@code n} of a normal power of two (-1022 to 1023) one multiplication by
 * 2^n built from its bits gives the same double: exact when the result is normal, and otherwise
 * rounded once, correctly, which is what scalb returns too. Other exponents go to scalb itself.
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
        return Math.scalb(x, n);
    }

    /** Beyond this exponent every finite non-zero double overflows: 2^-1074 · 2^2099 = 2^1025. */
    private static final int OVERFLOW_ALWAYS = 2098;
    /** Below this one every finite double rounds to zero: 2^1024 · 2^-2100 = 2^-1076, under 2^-1075. */
    private static final int UNDERFLOW_ALWAYS = -2099;
}
