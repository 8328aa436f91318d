package io.github.opcompare.engine.reference;

/**
 * A double-double hi + lo that the operations overwrite in place: the same algorithms as
 * {@link DoubleDouble}'s, step for step (so the same error bounds: 2u² for a double-double plus or
 * times a double, 3u² for the sum and 4u² for the product of two, u = 2^-53), without the record
 * per operation that the JIT's escape analysis left allocated in the table-driven kernels of
 * {@link DoubleDoubleMath} (most of their time went into those allocations).
 */
final class DoubleDoubleAccumulator {
    double hi;
    double lo;

    DoubleDoubleAccumulator set(double h, double l) {
        hi = h;
        lo = l;
        return this;
    }

    /** The exact sum of two doubles, as {@link DoubleDouble#twoSum} (Knuth's TwoSum, no precondition). */
    DoubleDoubleAccumulator setTwoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return set(s, (a - (s - bb)) + (b - bb));
    }

    DoubleDoubleAccumulator set(DoubleDouble d) {
        return set(d.hi(), d.lo());
    }

    DoubleDouble toDoubleDouble() {
        return new DoubleDouble(hi, lo);
    }

    DoubleDoubleAccumulator negate() {
        hi = -hi;
        lo = -lo;
        return this;
    }

    /** this += (bh + bl), as {@link DoubleDouble#add(DoubleDouble)}. */
    DoubleDoubleAccumulator add(double bh, double bl) {
        double sh = hi + bh;
        double bb = sh - hi;
        double sl = (hi - (sh - bb)) + (bh - bb);
        double th = lo + bl;
        double cc = th - lo;
        double tl = (lo - (th - cc)) + (bl - cc);
        double c = sl + th;
        double vh = sh + c;
        double vl = c - (vh - sh);
        double w = tl + vl;
        hi = vh + w;
        lo = w - (hi - vh);
        return this;
    }

    /** this += b, as {@link DoubleDouble#add(double)}. */
    DoubleDoubleAccumulator add(double b) {
        double sh = hi + b;
        double bb = sh - hi;
        double sl = (hi - (sh - bb)) + (b - bb);
        double v = lo + sl;
        hi = sh + v;
        lo = v - (hi - sh);
        return this;
    }

    /** this *= (bh + bl), as {@link DoubleDouble#mul(DoubleDouble)}. */
    DoubleDoubleAccumulator mul(double bh, double bl) {
        double ch = hi * bh;
        double cl1 = Math.fma(hi, bh, -ch);
        double tl0 = lo * bl;
        double tl1 = Math.fma(hi, bl, tl0);
        double cl2 = Math.fma(lo, bh, tl1);
        double c = cl1 + cl2;
        hi = ch + c;
        lo = c - (hi - ch);
        return this;
    }

    /** this *= b, as {@link DoubleDouble#mul(double)}. */
    DoubleDoubleAccumulator mul(double b) {
        double ch = hi * b;
        double cl1 = Math.fma(hi, b, -ch);
        double cl3 = Math.fma(lo, b, cl1);
        hi = ch + cl3;
        lo = cl3 - (hi - ch);
        return this;
    }

    /** this /= (bh + bl), as {@link DoubleDouble#div(DoubleDouble)}: 15u². */
    DoubleDoubleAccumulator div(double bh, double bl) {
        double th = hi / bh;
        // r = (bh + bl) * th, as DoubleDouble.mul(double).
        double ch = bh * th;
        double cl1 = Math.fma(bh, th, -ch);
        double cl3 = Math.fma(bl, th, cl1);
        double rh = ch + cl3;
        double rl = cl3 - (rh - ch);
        double ph = hi - rh;
        double dl = lo - rl;
        double d = ph + dl;
        double q = d / bh;
        hi = th + q;
        lo = q - (hi - th);
        return this;
    }
}
