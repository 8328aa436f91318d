package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigInteger;

/**
 * The exact product of a vector, rounded once.
 *
 * <p>A product can lie exactly on a rounding boundary of the dtype, where no approximation however
 * close can decide: 4097 × 4097 = 2^24 + 2^13 + 1 is halfway between two floats. Every boundary of
 * a p-bit format (a midpoint between neighbours, the overflow threshold, half the smallest
 * subnormal) is an odd integer below 2^(p+1) times a power of two. The product is C 2^K with C the
 * product of the factors' odd significands c_i, and C ≥ 2^L with L = Σ (bits(c_i) - 1). So when
 * L > p the product is no boundary; when L ≤ p, at most p factors have c_i > 1, C has at most 2p
 * bits, and the product is formed exactly and rounded once (pass 0).
 *
 * <p>Otherwise, first pass: a double-double running product with the exponent kept apart (so
 * nothing overflows or underflows), each step a double-double times a double within 2u²
 * (u = 2^-53), so n factors stay within 2.01 n u² relative. When that cannot decide, C is formed
 * with integers truncated to a working precision whose error is tracked the same way, doubling the
 * precision up to {@link #MAX_BITS}. Not being a boundary, C 2^K lies at least 2^K, a relative
 * 2^-bits(C), from every boundary, so the truncation decides by the time its precision passes
 * bits(C) + log2(n) + 4; and once the precision reaches Σ bits(c_i) nothing is truncated and the
 * rounding is exact. Beyond {@link #MAX_BITS} the product is left undecided with a
 * {@link ReferenceException}, never guessed.
 */
final class ProductReference {
    private static final int START_BITS = 256;
    /**
     * The last working precision tried. Up to it every product decides (Σ bits(c_i) ≤ 2^16: any
     * 1236 float64, 2730 float32, 5957 float16 or 8192 bfloat16 factors); beyond, only a product
     * within 2^-65500 of a boundary could fail, after seconds per million factors (see {@link #tree}).
     */
    static final int MAX_BITS = 1 << 16;
    /** Factors multiplied in a row at the leaves of the product tree: at most 16 × 53 = 848 bits, exact. */
    private static final int LEAF = 16;

    private ProductReference() {
    }

    static ExactElement product(double[] x, DType dtype) {
        boolean nan = false;
        boolean zero = false;
        boolean inf = false;
        boolean negative = false;
        for (double v : x) {
            nan |= Double.isNaN(v);
            zero |= v == 0;
            inf |= Double.isInfinite(v);
            negative ^= Double.doubleToRawLongBits(v) < 0;
        }
        if (nan || (zero && inf)) {
            return ExactElement.nan();
        }
        double sign = negative ? -1.0 : 1.0;
        if (zero || inf) {
            return ExactElement.exactly(sign * (zero ? 0.0 : Double.POSITIVE_INFINITY));
        }
        if (oddBitsBeyondOne(x) <= dtype.precision()) {
            return exact(x, negative, dtype);
        }
        DoubleDouble p = DoubleDouble.ONE;
        long scale = 0;
        for (double v : x) {
            int e = exponentOf(v);
            p = p.mul(Math.abs(Math.scalb(v, -e)));
            scale += e;
            int f = Math.getExponent(p.hi());
            p = p.scalb(-f);
            scale += f;
        }
        double bound = 2.01 * x.length * 0x1p-106 + 0x1p-104;
        int s = (int) Math.max(-ExactValue.SATURATED_SCALE, Math.min(ExactValue.SATURATED_SCALE, scale));
        ExactValue approx = ExactValue.normalized(sign * p.hi(), sign * p.lo(), s);
        if (s != scale) {
            return new ExactElement(scale > 0 ? sign * Double.POSITIVE_INFINITY : sign * 0.0, approx, 2);
        }
        Double rounded = RoundingDecision.decide(approx.hi(), approx.lo(), approx.scale(), bound, dtype);
        if (rounded != null) {
            return new ExactElement(rounded, approx, 2);
        }
        for (int bits = START_BITS; bits <= MAX_BITS; bits *= 2) {
            ExactElement e = truncated(x, bits, negative, dtype);
            if (e != null) {
                return e;
            }
        }
        throw ReferenceException.undecided(ReferenceException.call(Op.REDUCE_PROD, dtype, x), dtype,
                MAX_BITS + " bits of working precision");
    }

    /** L = Σ (bits(c_i) - 1) over the odd significands c_i of the (finite, nonzero) factors. */
    private static long oddBitsBeyondOne(double[] x) {
        long l = 0;
        for (double v : x) {
            l += 63 - Long.numberOfLeadingZeros(oddSignificand(v));
        }
        return l;
    }

    /** The product formed exactly from the odd significands (at most p of them above 1) and rounded once. */
    private static ExactElement exact(double[] x, boolean negative, DType dtype) {
        BigInteger c = BigInteger.ONE;
        long k = 0;
        for (double v : x) {
            long odd = oddSignificand(v);
            if (odd != 1) {
                c = c.multiply(BigInteger.valueOf(odd));
            }
            k += oddExponent(v);
        }
        BigInteger signed = negative ? c.negate() : c;
        return new ExactElement(ExactRounding.round(signed, k, dtype), exactValue(signed, k), 0);
    }

    /**
     * The product of the odd significands, formed by a product tree whose nodes are truncated to
     * {@code bits} bits: at most n truncations, each lowering the value by less than 2^(1-bits)
     * relative, so the true product lies in [P, P (1 + n 2^(2-bits))]. Null when that interval
     * straddles a rounding boundary; exact when nothing had to be truncated.
     */
    private static ExactElement truncated(double[] x, int bits, boolean negative, DType dtype) {
        long k = 0;
        for (double v : x) {
            k += oddExponent(v);
        }
        Node product = tree(x, 0, x.length, bits);
        BigInteger m = product.mantissa();
        long e = k + product.dropped();
        BigInteger signed = negative ? m.negate() : m;
        if (!product.cut()) {
            return new ExactElement(ExactRounding.round(signed, e, dtype), exactValue(signed, e), 3);
        }
        int extra = 64 - Long.numberOfLeadingZeros(x.length) + 2;
        BigInteger upper = m.add(m.shiftRight(bits - extra - 1)).add(BigInteger.ONE);
        double lo = ExactRounding.round(signed, e, dtype);
        double hi = ExactRounding.round(negative ? upper.negate() : upper, e, dtype);
        return RoundingDecision.same(lo, hi) ? new ExactElement(lo, exactValue(signed, e), 3) : null;
    }

    /** A node of the product tree: its mantissa times 2^dropped, and whether any bits were dropped below it. */
    private record Node(BigInteger mantissa, long dropped, boolean cut) {
    }

    /**
     * The product of the odd significands of x[from, to) as a tree, so that the big multiplications
     * are between numbers of similar size (where BigInteger's Karatsuba and Toom-Cook pay) and not a
     * long sequence of a big number times a small one: a few seconds for a million factors at 2^16
     * bits, and under 20 s for all of 256 to 2^16 bits (measured on a busy two-core machine).
     */
    private static Node tree(double[] x, int from, int to, int bits) {
        if (to - from <= LEAF) {
            BigInteger m = BigInteger.ONE;
            for (int i = from; i < to; i++) {
                long odd = oddSignificand(x[i]);
                if (odd != 1) {
                    m = m.multiply(BigInteger.valueOf(odd));
                }
            }
            return cut(m, 0, false, bits);
        }
        int mid = (from + to) >>> 1;
        Node left = tree(x, from, mid, bits);
        Node right = tree(x, mid, to, bits);
        return cut(left.mantissa().multiply(right.mantissa()), left.dropped() + right.dropped(), left.cut() || right.cut(), bits);
    }

    /** Truncates a node's mantissa to {@code bits} bits. */
    private static Node cut(BigInteger m, long dropped, boolean cut, int bits) {
        int drop = m.bitLength() - bits;
        return drop > 0 ? new Node(m.shiftRight(drop), dropped + drop, true) : new Node(m, dropped, cut);
    }

    /** m 2^e as an exact value, saturated where it lies beyond any scale an ulp error could use. */
    private static ExactValue exactValue(BigInteger m, long e) {
        long lead = m.bitLength() - 1L + e;
        if (Math.abs(lead) >= ExactValue.SATURATED_SCALE) {
            return new ExactValue(m.signum(), 0.0, lead > 0 ? ExactValue.SATURATED_SCALE : -ExactValue.SATURATED_SCALE);
        }
        return ExactValue.of(new ExactRounding.Binary(m, (int) e));
    }

    /** The odd part of |v|'s integer significand (finite nonzero v). */
    private static long oddSignificand(double v) {
        long m = DoubleBits.significand(Double.doubleToRawLongBits(v));
        return m >>> Long.numberOfTrailingZeros(m);
    }

    /** The power of two that {@link #oddSignificand} is scaled by: |v| = odd 2^exponent. */
    private static long oddExponent(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return DoubleBits.exponentField(bits) - 1075L + Long.numberOfTrailingZeros(DoubleBits.significand(bits));
    }

    /** The binary exponent of a finite nonzero double, subnormals included. */
    private static int exponentOf(double v) {
        return Math.abs(v) < Double.MIN_NORMAL ? Math.getExponent(v * 0x1p64) - 64 : Math.getExponent(v);
    }
}
