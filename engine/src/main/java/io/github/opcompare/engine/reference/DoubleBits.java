package io.github.opcompare.engine.reference;

/**
 * A finite double as the integer pair the exact arithmetic works with: x = ±significand * 2^(E-1075)
 * for its exponent field E, where subnormals take E = 1 (same spacing as the smallest normals).
 */
final class DoubleBits {
    private DoubleBits() {
    }

    /** The exponent field of x, 1 for subnormals and zero. */
    static int exponentField(long bits) {
        int biased = (int) ((bits >>> 52) & 0x7ff);
        return biased == 0 ? 1 : biased;
    }

    /** The unsigned integer significand of x, with the implicit bit for normals. */
    static long significand(long bits) {
        long m = bits & 0xfffffffffffffL;
        return ((bits >>> 52) & 0x7ff) == 0 ? m : m | (1L << 52);
    }
}
