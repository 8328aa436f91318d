package io.github.opcompare.engine.reference;

/**
 * Whether an error interval already settles the rounding in every binary format of at most 53
 * significand bits, without naming one. Every rounding boundary of such a format (a value, for
 * directed cases, or a midpoint between two neighbours) is a double or a midpoint between two
 * doubles, so an interval that holds neither settles them all. Lets an evaluation that knows no
 * dtype choose between a cheap result and a costlier, tighter one.
 */
final class RoundingCells {
    private RoundingCells() {
    }

    /**
     * True when v (a normalized pair, hi normal) within the relative bound lies strictly inside one
     * cell between consecutive doubles and midpoints. The bound is doubled, as in
     * {@link RoundingDecision}, to cover the rounding of lo ± e.
     */
    static boolean settlesEveryFormat(DoubleDouble v, double relError) {
        double hi = v.hi();
        double lo = v.lo();
        double a = Math.abs(hi);
        if (a < 0x1p-960 || a > 0x1p1000 || lo == 0) {
            return false;
        }
        double e = a * relError * 2;
        // hi is the double nearest v: the cells beside it are half an ulp wide, a quarter below a
        // power of two, where the spacing halves.
        boolean towardZero = (lo < 0) == (hi > 0);
        double cell = towardZero && SpecialValues.isPowerOfTwo(a) ? Math.ulp(a) / 4 : Math.ulp(a) / 2;
        double l = Math.abs(lo);
        return l - e > 0 && l + e < cell;
    }
}
