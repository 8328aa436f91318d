package io.github.opcompare.engine.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * Tables and split constants of the table-driven double-double kernels in {@link DoubleDoubleMath},
 * each entry the nearest double-double to the exact value (relative error at most 2^-106), computed
 * once in 70-digit (logarithms: 50-digit) decimal arithmetic from a few apfloat values (an apfloat
 * log or sine costs milliseconds; 300 of them would delay the first float64 case by a second):
 * powers of 2^(1/64) (six square roots of 2), the angle-addition recurrence from sin and cos of 1/64, and logarithms by
 * sums of atanh series. Each recurrence step loses at most a unit or two of its last digit, so after
 * at most 107 steps the entries are good to 10^-47, far below the double-double's 2^-106 ≈ 10^-32.
 * Each table is a nested class of its own, initialised on its first use (about 0.1 to 0.3 s each
 * in a cold JVM), so a run that needs only exp does not build the others.
 * DoubleDoubleTablesTest checks every entry against apfloat's own function at 50 digits.
 */
final class DoubleDoubleTables {
    private static final MathContext MC = new MathContext(70, RoundingMode.HALF_EVEN);
    private static final MathContext MC_LOG = new MathContext(50, RoundingMode.HALF_EVEN);

    /** Taylor coefficients 1/k! as double-doubles. */
    static final DoubleDouble INV_FACT_3 = split(BigDecimal.ONE.divide(BigDecimal.valueOf(6), MC));
    static final DoubleDouble INV_FACT_4 = split(BigDecimal.ONE.divide(BigDecimal.valueOf(24), MC));
    static final DoubleDouble INV_FACT_5 = split(BigDecimal.ONE.divide(BigDecimal.valueOf(120), MC));
    /** 1/3, 1/5 and 1/6 for log1p's series. */
    static final DoubleDouble THIRD = split(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC));
    static final DoubleDouble SIXTH = split(BigDecimal.ONE.divide(BigDecimal.valueOf(6), MC));
    static final DoubleDouble FIFTH = split(BigDecimal.ONE.divide(BigDecimal.valueOf(5), MC));

    private DoubleDoubleTables() {
    }

    /** exp's table and its reduction constant. */
    static final class Exp {
        /** 2^(j/64), j = 0..63. */
        static final double[] EXP2_HI = new double[64];
        static final double[] EXP2_LO = new double[64];

        /** ln2/64 = LN2_64_1 + LN2_64_2 + LN2_64_3 to 2^-128 absolute; the first two carry 35 significant bits. */
        static final double LN2_64_1;
        static final double LN2_64_2;
        static final double LN2_64_3;

        static {
            ApfloatSetup.ensure();
            // 2^(j/64) = (2^(1/64))^j, 2^(1/64) by six square roots (each rounded to 70 digits; apfloat's exp took 50 ms here).
            BigDecimal root = BigDecimal.valueOf(2);
            for (int i = 0; i < 6; i++) {
                root = root.sqrt(MC);
            }
            Apfloat ln2 = ApfloatMath.log(new Apfloat(2, 80));
            BigDecimal power = BigDecimal.ONE;
            for (int j = 0; j < 64; j++) {
                set(EXP2_HI, EXP2_LO, j, power);
                power = power.multiply(root, MC);
            }
            BigDecimal ln2Over64 = decimal(ln2).divide(BigDecimal.valueOf(64), MC);
            LN2_64_1 = truncate(ln2Over64, 18);
            BigDecimal rest = ln2Over64.subtract(new BigDecimal(LN2_64_1));
            LN2_64_2 = truncate(rest, 18);
            rest = rest.subtract(new BigDecimal(LN2_64_2));
            LN2_64_3 = nearest(rest);
        }

        private Exp() {
        }
    }

    /** log's table. */
    static final class Log {
        /** -log(i/256) for i = LOG_FIRST..LOG_LAST, at index i - LOG_FIRST. */
        static final int LOG_FIRST = 180;
        static final int LOG_LAST = 364;
        static final double[] NEG_LOG_HI = new double[LOG_LAST - LOG_FIRST + 1];
        static final double[] NEG_LOG_LO = new double[LOG_LAST - LOG_FIRST + 1];

        static {
            // log(i/256) = log((i-1)/256) + log(i/(i-1)), and log(i/(i-1)) = 2 atanh(1/(2i-1)).
            BigDecimal log = BigDecimal.ZERO;
            set(NEG_LOG_HI, NEG_LOG_LO, 256 - LOG_FIRST, log);
            for (int i = 257; i <= LOG_LAST; i++) {
                log = log.add(twoAtanhOfInverse(2 * i - 1), MC_LOG);
                set(NEG_LOG_HI, NEG_LOG_LO, i - LOG_FIRST, log.negate());
            }
            log = BigDecimal.ZERO;
            for (int i = 255; i >= LOG_FIRST; i--) {
                // log(i/256) = log((i+1)/256) - log((i+1)/i).
                log = log.subtract(twoAtanhOfInverse(2 * i + 1), MC_LOG);
                set(NEG_LOG_HI, NEG_LOG_LO, i - LOG_FIRST, log.negate());
            }
        }

        private Log() {
        }

        /** 2 atanh(1/n) = 2 (1/n + 1/(3n³) + 1/(5n^5) + ...) for n ≥ 300, summed until the terms fall below 10^-55. */
        private static BigDecimal twoAtanhOfInverse(int n) {
            BigDecimal q = BigDecimal.ONE.divide(BigDecimal.valueOf(n), MC_LOG);
            BigDecimal q2 = q.multiply(q, MC_LOG);
            BigDecimal power = q;
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal small = new BigDecimal("1e-55");
            for (int k = 1; power.compareTo(small) > 0; k += 2) {
                sum = sum.add(power.divide(BigDecimal.valueOf(k), MC_LOG), MC_LOG);
                power = power.multiply(q2, MC_LOG);
            }
            return sum.multiply(BigDecimal.valueOf(2));
        }
    }

    /** sin and cos's table and the reduction constant π/2. */
    static final class SinCos {
        /** sin(i/64) and cos(i/64), i = 0..SIN_COS_LAST. */
        static final int SIN_COS_LAST = 52;
        static final double[] SIN_HI = new double[SIN_COS_LAST + 1];
        static final double[] SIN_LO = new double[SIN_COS_LAST + 1];
        static final double[] COS_HI = new double[SIN_COS_LAST + 1];
        static final double[] COS_LO = new double[SIN_COS_LAST + 1];

        /**
         * π/2 = PIO2_1 + PIO2_2 + PIO2_3 + PIO2_4 to 2^-170 absolute; the first two carry 33 significant
         * bits, so that j PIO2_1 and j PIO2_2 are exact doubles for every integer j < 2^20.
         */
        static final double PIO2_1;
        static final double PIO2_2;
        static final double PIO2_3;
        static final double PIO2_4;

        static {
            ApfloatSetup.ensure();
            // sin((i+1)h) = sin(ih) cos h + cos(ih) sin h, cos((i+1)h) = cos(ih) cos h - sin(ih) sin h.
            Apfloat h = new Apfloat(1, 80).divide(new Apfloat(64, 80));
            BigDecimal sinH = decimal(ApfloatMath.sin(h));
            BigDecimal cosH = decimal(ApfloatMath.cos(h));
            BigDecimal s = BigDecimal.ZERO;
            BigDecimal c = BigDecimal.ONE;
            for (int i = 0; i <= SIN_COS_LAST; i++) {
                set(SIN_HI, SIN_LO, i, s);
                set(COS_HI, COS_LO, i, c);
                BigDecimal next = s.multiply(cosH, MC).add(c.multiply(sinH, MC), MC);
                c = c.multiply(cosH, MC).subtract(s.multiply(sinH, MC), MC);
                s = next;
            }

            BigDecimal piOver2 = decimal(ApfloatMath.pi(80)).divide(BigDecimal.valueOf(2), MC);
            PIO2_1 = truncate(piOver2, 20);
            BigDecimal rest = piOver2.subtract(new BigDecimal(PIO2_1));
            PIO2_2 = truncate(rest, 20);
            rest = rest.subtract(new BigDecimal(PIO2_2));
            PIO2_3 = nearest(rest);
            rest = rest.subtract(new BigDecimal(PIO2_3));
            PIO2_4 = nearest(rest);
        }

        private SinCos() {
        }
    }

    private static void set(double[] hi, double[] lo, int i, BigDecimal v) {
        DoubleDouble d = split(v);
        hi[i] = d.hi();
        lo[i] = d.lo();
    }

    private static DoubleDouble split(BigDecimal v) {
        return Constants.split(v);
    }

    private static double nearest(BigDecimal v) {
        return ExactRounding.round(v, io.github.opcompare.worker.dtype.DType.FLOAT64);
    }

    /** The nearest double to v with its last {@code bits} significand bits cleared (toward zero). */
    private static double truncate(BigDecimal v, int bits) {
        long b = Double.doubleToRawLongBits(nearest(v));
        return Double.longBitsToDouble(b & ~((1L << bits) - 1));
    }

    private static BigDecimal decimal(Apfloat a) {
        return new BigDecimal(a.toString(true));
    }
}
