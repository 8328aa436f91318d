package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import java.math.BigInteger;

/**
 * The exact product of a vector, rounded once. First pass: a double-double running product with the
 * exponent kept apart (so nothing overflows or underflows), each step a double-double times a double
 * within 2u² (u = 2^-53), so n factors stay within 2.01 n u² relative. When that cannot decide the
 * rounding, the product is formed with integer mantissas truncated to a working precision whose
 * error is tracked the same way, doubling the precision until it decides.
 */
final class ProductReference {
    private static final int START_BITS = 256;

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
        if (s == scale) {
            Double rounded = RoundingDecision.decide(approx.hi(), approx.lo(), approx.scale(), bound, dtype);
            if (rounded != null) {
                return new ExactElement(rounded, approx, 2);
            }
        } else {
            return new ExactElement(scale > 0 ? sign * Double.POSITIVE_INFINITY : sign * 0.0, approx, 2);
        }
        for (int bits = START_BITS; ; bits *= 2) {
            ExactElement e = truncated(x, bits, sign, dtype);
            if (e != null) {
                return e;
            }
        }
    }

    /**
     * The product of the mantissas, truncated to {@code bits} bits after every step: each truncation
     * lowers the value by less than 2^(1-bits) relative, so the true product lies in [P, P (1 + n 2^(2-bits))].
     * Null when that interval straddles a rounding boundary.
     */
    private static ExactElement truncated(double[] x, int bits, double sign, DType dtype) {
        BigInteger m = BigInteger.ONE;
        long e = 0;
        for (double v : x) {
            ExactRounding.Binary b = ExactRounding.binary(Math.abs(v));
            m = m.multiply(b.mantissa());
            e += b.exponent();
            int drop = m.bitLength() - bits;
            if (drop > 0) {
                m = m.shiftRight(drop);
                e += drop;
            }
        }
        int extra = 64 - Long.numberOfLeadingZeros(x.length) + 2;
        BigInteger upper = m.add(m.shiftRight(bits - extra - 1)).add(BigInteger.ONE);
        double lo = ExactRounding.round(m, e, dtype);
        double hi = ExactRounding.round(upper, e, dtype);
        if (Double.doubleToLongBits(lo) != Double.doubleToLongBits(hi)) {
            return null;
        }
        ExactValue v = ExactValue.of(new ExactRounding.Binary(m, (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, e))));
        return new ExactElement(sign * lo, new ExactValue(sign * v.hi(), sign * v.lo(), v.scale()), 3);
    }

    /** The binary exponent of a finite nonzero double, subnormals included. */
    private static int exponentOf(double v) {
        return Math.abs(v) < Double.MIN_NORMAL ? Math.getExponent(v * 0x1p64) - 64 : Math.getExponent(v);
    }
}
