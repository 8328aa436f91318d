package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Correct rounding (to nearest, ties to even) of exact binary and decimal numbers to a dtype, done
 * with integer arithmetic only, so it never depends on the JDK's own conversions being correctly
 * rounded. Also converts doubles and scaled double-doubles to exact binary form.
 */
public final class ExactRounding {
    private ExactRounding() {
    }

    /** An exact binary number: mantissa * 2^exponent. */
    public record Binary(BigInteger mantissa, int exponent) {
        public static final Binary ZERO = new Binary(BigInteger.ZERO, 0);

        public Binary add(Binary o) {
            int e = Math.min(exponent, o.exponent);
            return new Binary(mantissa.shiftLeft(exponent - e).add(o.mantissa.shiftLeft(o.exponent - e)), e);
        }

        public Binary shift(int n) {
            return new Binary(mantissa, exponent + n);
        }

        public BigDecimal toBigDecimal() {
            BigDecimal m = new BigDecimal(mantissa);
            if (exponent >= 0) {
                return m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(exponent)));
            }
            // 2^-n = 5^n / 10^n keeps the conversion exact.
            return m.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-exponent))).movePointLeft(-exponent);
        }
    }

    /** The exact value of a finite double. */
    public static Binary binary(double x) {
        if (x == 0) {
            return Binary.ZERO;
        }
        long bits = Double.doubleToRawLongBits(x);
        long m = DoubleBits.significand(bits);
        return new Binary(BigInteger.valueOf(x < 0 ? -m : m), DoubleBits.exponentField(bits) - 1075);
    }

    /** The exact value of (hi + lo) * 2^scale. */
    public static Binary binary(double hi, double lo, int scale) {
        return binary(hi).add(binary(lo)).shift(scale);
    }

    /** Rounds mantissa * 2^exponent to the dtype; overflow gives a signed infinity, zero gives +0. */
    public static double round(BigInteger mantissa, long exponent, DType dtype) {
        int sign = mantissa.signum();
        if (sign == 0) {
            return 0.0;
        }
        BigInteger a = mantissa.abs();
        int p = dtype.precision();
        long lead = a.bitLength() - 1L + exponent;
        long ulpExp = Math.max(lead, dtype.minExponent()) - (p - 1);
        if (lead > dtype.maxExponent()) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (lead < dtype.minExponent() - p) {
            // Below half the smallest subnormal: rounds to zero (and keeps the shift below bounded).
            return sign > 0 ? 0.0 : -0.0;
        }
        long shift = ulpExp - exponent;
        BigInteger q;
        if (shift <= 0) {
            q = a.shiftLeft((int) -shift);
        } else {
            q = a.shiftRight((int) shift);
            BigInteger rem = a.subtract(q.shiftLeft((int) shift));
            int cmp = rem.shiftLeft(1).compareTo(BigInteger.ONE.shiftLeft((int) shift));
            if (cmp > 0 || (cmp == 0 && q.testBit(0))) {
                q = q.add(BigInteger.ONE);
            }
        }
        double r = Math.scalb((double) q.longValueExact(), (int) ulpExp);
        if (Math.abs(r) > maxFinite(dtype)) {
            r = Double.POSITIVE_INFINITY;
        }
        return sign > 0 ? r : -r;
    }

    public static double round(Binary b, DType dtype) {
        return round(b.mantissa(), b.exponent(), dtype);
    }

    /** Rounds an exact decimal to the dtype. */
    public static double round(BigDecimal v, DType dtype) {
        int sign = v.signum();
        if (sign == 0) {
            return 0.0;
        }
        BigInteger a = v.unscaledValue().abs();
        int s = v.scale();
        double r;
        if (s <= 0) {
            r = round(a.multiply(BigInteger.TEN.pow(-s)), 0, dtype);
        } else {
            BigInteger d = BigInteger.TEN.pow(s);
            // Quotient with at least p+2 bits plus a sticky bit rounds exactly like the true ratio.
            int k = dtype.precision() + 3 - (a.bitLength() - d.bitLength());
            BigInteger num = k >= 0 ? a.shiftLeft(k) : a;
            BigInteger den = k >= 0 ? d : d.shiftLeft(-k);
            BigInteger[] qr = num.divideAndRemainder(den);
            BigInteger q = qr[0].shiftLeft(1);
            if (qr[1].signum() != 0) {
                q = q.add(BigInteger.ONE);
            }
            r = round(q, (long) -k - 1, dtype);
        }
        return sign > 0 ? r : -r;
    }

    /** Rounds the rational num/den * 2^exponent (den > 0) to the dtype. */
    public static double round(BigInteger num, BigInteger den, long exponent, DType dtype) {
        int sign = num.signum();
        if (sign == 0) {
            return 0.0;
        }
        BigInteger a = num.abs();
        // A quotient with at least p+2 bits plus a sticky bit rounds exactly like the true ratio.
        int k = dtype.precision() + 3 - (a.bitLength() - den.bitLength());
        BigInteger n = k >= 0 ? a.shiftLeft(k) : a;
        BigInteger d = k >= 0 ? den : den.shiftLeft(-k);
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0].shiftLeft(1);
        if (qr[1].signum() != 0) {
            q = q.add(BigInteger.ONE);
        }
        double r = round(q, exponent - k - 1, dtype);
        return sign > 0 ? r : -r;
    }

    static double maxFinite(DType dtype) {
        return dtype.maxValue();
    }
}
