package io.github.opcompare.engine.reference;

import java.math.BigInteger;

/**
 * Argument reduction for sin, cos and tan: x = j*π/2 + r with |r| ≤ π/4, exact enough for any double;
 * {@link TrigReduction} takes it for x ≥ 2^19 and where its cheaper reduction leaves |r| < 2^-40.
 * Doubles come as close as about 2^-61 to a multiple of π/2 (Kahan, McDonald), so r must be
 * computed from far more bits of 2/π than a double-double has; x * (2/π) is formed exactly in
 * integers from 1400 bits of 2/π, which leaves r with a relative error below 2^-200.
 */
final class PayneHanek {
    /** The reduced argument and the quadrant j mod 4. */
    record Reduced(int quadrant, DoubleDouble r) {
    }

    private PayneHanek() {
    }

    /** Reduces a finite x ≥ 0. */
    static Reduced reduce(double x) {
        if (x <= Math.PI / 4) {
            return new Reduced(0, DoubleDouble.of(x));
        }
        ExactRounding.Binary b = ExactRounding.binary(x);
        // x * 2/π = M * P * 2^(E - N): integer part above bit S, fraction below.
        BigInteger prod = b.mantissa().multiply(Constants.TWO_OVER_PI);
        int fractionBits = Constants.TWO_OVER_PI_BITS - b.exponent();
        BigInteger j;
        BigInteger frac;
        if (fractionBits <= 0) {
            throw new IllegalStateException("unreachable: x has no fraction bits below 2/pi precision");
        }
        j = prod.shiftRight(fractionBits);
        frac = prod.subtract(j.shiftLeft(fractionBits));
        if (frac.testBit(fractionBits - 1)) {
            // Round j to nearest so that |frac| ≤ 1/2.
            j = j.add(BigInteger.ONE);
            frac = frac.subtract(BigInteger.ONE.shiftLeft(fractionBits));
        }
        DoubleDouble f = toDoubleDouble(frac, -fractionBits);
        return new Reduced(j.intValue() & 3, f.mul(Constants.PI_OVER_2));
    }

    /** m * 2^e as a double-double (truncating m to 120 bits first, far below the pair's precision). */
    static DoubleDouble toDoubleDouble(BigInteger m, int e) {
        int sign = m.signum();
        if (sign == 0) {
            return DoubleDouble.ZERO;
        }
        BigInteger a = m.abs();
        int drop = Math.max(0, a.bitLength() - 120);
        BigInteger top = a.shiftRight(drop);
        double hi = ExactRounding.round(top, 0, io.github.opcompare.worker.dtype.DType.FLOAT64);
        BigInteger rest = top.subtract(ExactRounding.binary(hi).mantissa().shiftLeft(ExactRounding.binary(hi).exponent()));
        double lo = ExactRounding.round(rest, 0, io.github.opcompare.worker.dtype.DType.FLOAT64);
        DoubleDouble d = DoubleDouble.twoSum(hi, lo).scalb(drop + e);
        return sign > 0 ? d : d.negate();
    }
}
