package io.github.opcompare.worker.dtype;

/**
 * Rounds a double to a binary format narrower than float32 in both precision and range or in
 * precision alone (float16, bfloat16): round to nearest, ties to even, gradual underflow, overflow
 * to infinity. A double holds the argument exactly, so this single rounding is the IEEE 754
 * conversion; going through float first would round twice.
 */
final class NarrowRounding {
    private NarrowRounding() {
    }

    /**
     * @param precision significand bits p, counting the implicit bit
     * @param minExponent exponent of the smallest normal value
     * @param maxValue the largest finite value of the format
     */
    static double round(double value, int precision, int minExponent, double maxValue) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double a = Math.abs(value);
        // Below the normal range the spacing stays that of the lowest binade (gradual underflow).
        int e = Math.max(Math.getExponent(a), minExponent);
        // Scaling by a power of two is exact here: the scaled value has at most p integer bits and
        // is far from the double range's ends, so rint rounds it once, ties to even.
        double units = Math.rint(Math.scalb(a, precision - 1 - e));
        double rounded = Math.scalb(units, e - precision + 1);
        // Anything that rounds past the largest finite value is at least 2^(emax+1): IEEE overflow.
        return Math.copySign(rounded > maxValue ? Double.POSITIVE_INFINITY : rounded, value);
    }
}
