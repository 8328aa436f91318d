package io.github.opcompare.engine.reference;

/**
 * StrictMath.expm1 for 0 ≤ x &lt; 1.5, bit for bit, in Java: the steps of fdlibm's expm1 (s_expm1.c
 * of fdlibm 5.3, which StrictMath is specified to follow) that a non-negative argument below 1.5
 * takes, and StrictMath.expm1 itself for every other argument. On JDK 17 StrictMath.expm1 is a
 * native call, 22 to 30 ns against 10 to 14 for these steps compiled by C2 (one thread, measured on
 * the 2-core VM); tanh's first pass calls it for |x| &lt; 0.55, a twentieth of its default domain.
 *
 * <p>Why the same bits: fdlibm is plain IEEE double arithmetic, one operation at a time (Java's
 * double arithmetic is IEEE's too, and evaluates each operation alone, never fused), and these are
 * its operations on its constants (the bit patterns of its source) in its order. For 0 ≤ x &lt; 1.5
 * its argument reduction gives k = 0 (x ≤ 0.5 ln 2), k = 1 (x &lt; 1.5 ln 2) or k = 2 (above:
 * k is x/ln 2 + 1/2 truncated, and x/ln 2 &lt; 2.17 for x &lt; 1.5); below 2^-54 it returns x. The other
 * paths (negative, large, non-finite arguments) are left to StrictMath. What is checked, not only
 * argued: FdlibmExpm1Test compares this with StrictMath.expm1 on the running JVM at every path's
 * boundaries and over a stride of doubles in the range, and every float32 a below 0.55 was compared
 * at 2a (the only arguments tanh's first pass gives it) when this was written: no difference.
 *
 * <p>fdlibm: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at
 * SunSoft, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice is preserved.
 */
final class FdlibmExpm1 {
    /** Below this the steps here apply (fdlibm: k at most 2). */
    static final double LIMIT = 1.5;

    // fdlibm's constants, as the bit patterns its source gives beside them.
    private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
    private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
    private static final double INV_LN2 = Double.longBitsToDouble(0x3ff71547652b82feL);
    private static final double Q1 = Double.longBitsToDouble(0xbfa11111111110f4L);
    private static final double Q2 = Double.longBitsToDouble(0x3f5a01a019fe5585L);
    private static final double Q3 = Double.longBitsToDouble(0xbf14ce199eaadbb7L);
    private static final double Q4 = Double.longBitsToDouble(0x3ed0cfca86e65239L);
    private static final double Q5 = Double.longBitsToDouble(0xbe8afdb76e09c32dL);

    private FdlibmExpm1() {
    }

    /** e^x - 1 exactly as StrictMath.expm1 gives it. */
    static double expm1(double x) {
        // NaN fails the test; -0.0 passes it (-0.0 >= 0) and is returned as it is below, as fdlibm does.
        if (!(x >= 0 && x < LIMIT)) {
            return StrictMath.expm1(x);
        }
        int hx = (int) (Double.doubleToRawLongBits(x) >>> 32);
        int k;
        double c = 0;
        if (hx > 0x3fd62e42) {
            // |x| > 0.5 ln 2: x = k ln2 + (hi - lo), with the rounding error of hi - lo kept in c.
            double hi;
            double lo;
            if (hx < 0x3ff0a2b2) {
                // and |x| < 1.5 ln 2 (fdlibm's branch for a positive x)
                hi = x - LN2_HI;
                lo = LN2_LO;
                k = 1;
            } else {
                // C's conversion of the positive double to int truncates, as Java's cast does.
                k = (int) (INV_LN2 * x + 0.5);
                double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c900000) {
            // |x| < 2^-54: fdlibm returns x - ((huge + x) - (huge + x)), which is x for a finite x.
            return x;
        } else {
            k = 0;
        }
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == 1) {
            // fdlibm's other case, x < -0.25, needs a negative x, not possible after this reduction
            // of an x above 0.5 ln 2; its test is kept so the steps stay fdlibm's.
            if (x < -0.25) {
                return -2.0 * (e - (x + 0.5));
            }
            return 1.0 + 2.0 * (x - e);
        }
        // 2 ≤ k < 20: t = 1 - 2^-k (high word 0x3ff00000 - (0x200000 >> k), low word 0), then k is
        // added to y's exponent field, as fdlibm's __HI(y) += k << 20 does.
        double oneMinus = Double.longBitsToDouble((long) (0x3ff00000 - (0x200000 >> k)) << 32);
        double y = oneMinus - (e - x);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
    }
}
