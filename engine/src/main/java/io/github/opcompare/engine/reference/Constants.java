package io.github.opcompare.engine.reference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Constants of the double-double evaluations, derived once from the arbitrary-precision library
 * rather than typed in, so that no digit can be mistyped.
 */
final class Constants {
    /** Bits of 2/π kept after the binary point: enough to reduce any double (up to 2^1024) with 250 bits to spare. */
    static final int TWO_OVER_PI_BITS = 1400;
    /** floor(2/π * 2^TWO_OVER_PI_BITS). */
    static final BigInteger TWO_OVER_PI;
    static final DoubleDouble LN2;
    static final DoubleDouble PI_OVER_2;
    /** 1/ln 2 and 1/ln 10, for log2 and log10. */
    static final DoubleDouble INV_LN2;
    static final DoubleDouble INV_LN10;
    /** 2/√π, the factor of erf, and 1/√π, that of erfc's continued fraction. */
    static final DoubleDouble TWO_OVER_SQRT_PI;
    static final DoubleDouble INV_SQRT_PI;

    static {
        ApfloatSetup.ensure();
        Apfloat pi = ApfloatMath.pi(520);
        BigDecimal piDec = new BigDecimal(pi.toString(true));
        BigDecimal twoOverPi = BigDecimal.valueOf(2).divide(piDec, 510, RoundingMode.HALF_EVEN);
        TWO_OVER_PI = twoOverPi.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(TWO_OVER_PI_BITS))).toBigInteger();
        PI_OVER_2 = split(piDec.divide(BigDecimal.valueOf(2)));
        LN2 = split(new BigDecimal(ApfloatMath.log(new Apfloat(2, 60)).toString(true)));
        INV_LN2 = split(decimal(new Apfloat(1, 60).divide(ApfloatMath.log(new Apfloat(2, 60)))));
        INV_LN10 = split(decimal(new Apfloat(1, 60).divide(ApfloatMath.log(new Apfloat(10, 60)))));
        Apfloat sqrtPi = ApfloatMath.sqrt(ApfloatMath.pi(60));
        TWO_OVER_SQRT_PI = split(decimal(new Apfloat(2, 60).divide(sqrtPi)));
        INV_SQRT_PI = split(decimal(new Apfloat(1, 60).divide(sqrtPi)));
    }

    private Constants() {
    }

    private static BigDecimal decimal(Apfloat a) {
        return new BigDecimal(a.toString(true));
    }

    /** hi = nearest double, lo = nearest double to the rest: about 2^-106 relative. */
    static DoubleDouble split(BigDecimal v) {
        double hi = ExactRounding.round(v, io.github.opcompare.worker.dtype.DType.FLOAT64);
        double lo = ExactRounding.round(v.subtract(new BigDecimal(hi)), io.github.opcompare.worker.dtype.DType.FLOAT64);
        return new DoubleDouble(hi, lo);
    }
}
