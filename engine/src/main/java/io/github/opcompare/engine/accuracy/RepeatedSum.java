package io.github.opcompare.engine.accuracy;

/**
 * {@code sum + u + u + ... + u} ({@code times} additions, each rounded), the double a loop of
 * {@code sum += u} gives, bit for bit: the accumulators' sums are doubles per block whose last bits
 * the results keep, so a run of equal errors counted at once must leave the very same sum.
 */
final class RepeatedSum {
    private RepeatedSum() {
    }

    static double of(double sum, double u, long times) {
        if (times <= 0) {
            return sum;
        }
        if (times == 1) {
            return sum + u; // the loop's one addition: most inputs of a sweep are runs of one
        }
        if (u == 0) {
            // Adding a zero changes no non-zero sum. At a zero sum the first addition gives the IEEE sum
            // of the zeros (-0 only for -0 + -0), and adding the same zero again leaves that unchanged.
            return sum + u;
        }
        if (exactAllTheWay(sum, u, times)) {
            // Every partial sum of the loop is a double, so no addition rounds and the loop ends on the
            // exact sum + times * u, which one fused multiply-add returns (it rounds once, and there
            // is nothing to round). This is exp's overflow, an error of 0.5 for about a quarter of
            // all float32 inputs: summed by the loop, one dependent addition per input and sum.
            return Math.fma((double) times, u, sum);
        }
        // Otherwise each addition may round; the loop is the definition.
        double s = sum;
        for (long j = 0; j < times; j++) {
            s += u;
        }
        return s;
    }

    /**
     * Whether every partial sum {@code sum + k * u}, k = 1 to times, is a double, for a non-negative
     * sum and a positive u, both finite, and times below 2^53 (so that (double) times is exact). Both are
     * multiples of 2^q, q the lower of their lowest set bits, and so is every partial sum; the partial
     * sums rise from sum to the last one, which is below 2^(e+1) for e = max(exponent of sum + 1,
     * exponent of u + 1 + bits of times) (sum < 2^(its exponent + 1), times * u < 2^(bits of times) *
     * 2^(exponent of u + 1)). A multiple of 2^q below 2^(53 + q) has at most 53 significant bits and
     * q is at least -1074, so it is a double: e + 1 <= 53 + q suffices. (Conservative: a run this
     * refuses is summed by the loop, which gives the same sum.)
     */
    static boolean exactAllTheWay(double sum, double u, long times) {
        if (!(sum >= 0 && u > 0) || !Double.isFinite(sum) || !Double.isFinite(u) || times >= 1L << 53) {
            return false;
        }
        int q = sum == 0 ? lowestBit(u) : Math.min(lowestBit(sum), lowestBit(u));
        int bitsOfTimes = 64 - Long.numberOfLeadingZeros(times);
        int e = Math.max(Math.getExponent(sum) + 1, Math.getExponent(u) + 1 + bitsOfTimes);
        return e + 1 <= 53 + q;
    }

    /** The exponent of the lowest set bit of a positive finite double: v is an odd multiple of 2^that. */
    static int lowestBit(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int field = (int) (bits >>> 52) & 0x7ff;
        long significand = bits & ((1L << 52) - 1);
        // A subnormal is significand * 2^-1074; a normal value (significand + 2^52) * 2^(field - 1075).
        return field == 0 ? -1074 + Long.numberOfTrailingZeros(significand)
                : field - 1075 + Long.numberOfTrailingZeros(significand | (1L << 52));
    }
}
