package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * float32 arguments for measuring the first pass's error: a stride through all bit patterns, and
 * each op's hard regions (thresholds of overflow and underflow in float32 and in double, zeros and
 * poles, the formulas' switch points, the largest and the subnormal values). Unfiltered: callers
 * keep those that reach the pass.
 */
final class HardArguments {
    /** Operand pairs, y = 0 for unary ops. */
    record Pairs(double[] x, double[] y) {
        int size() {
            return x.length;
        }
    }

    private static final double LN2 = Math.log(2);

    private HardArguments() {
    }

    /** Every finite nonzero float32 whose bit pattern is a multiple of the stride, both signs. */
    static double[] stride(long stride) {
        DoubleStream.Builder b = DoubleStream.builder();
        for (long bits = 0; bits < 1L << 32; bits += stride) {
            float f = Float.intBitsToFloat((int) bits);
            if (Float.isFinite(f) && f != 0) {
                b.add(f);
            }
        }
        return b.build().toArray();
    }

    /** The hard regions of a unary op of the first pass. */
    static double[] of(Op op) {
        DoubleStream.Builder b = DoubleStream.builder();
        switch (op) {
            case EXP -> {
                exp(b);
            }
            case EXP2 -> {
                // 2^x overflows double at 1024, turns subnormal at -1022, ends at -1074/-1075; float32 at 128, -126, -149, -150.
                for (int k : new int[] {1024, -1022, -1074, -1075, 128, -126, -149, -150}) {
                    neighbours(b, k, 256);
                }
                // Next to every integer, where 2^x is nearly exact.
                for (int k = -1100; k <= 1100; k++) {
                    neighbours(b, k, 2);
                }
                tiny(b, 4);
            }
            case EXPM1 -> {
                tiny(b, 8);
                // fdlibm's switch points (ln2/2, 3 ln2/2, 56 ln2) and float32's overflow.
                for (double c : new double[] {LN2 / 2, 1.5 * LN2, 56 * LN2, 128 * LN2}) {
                    neighbours(b, c, 64);
                }
                neighbours(b, 100, 64);
                neighbours(b, 700, 64);
            }
            case LOG, LOG2, LOG10 -> {
                log(b);
                if (op == Op.LOG10) {
                    for (int k = -45; k <= 38; k++) {
                        neighbours(b, Double.parseDouble("1e" + k), 16);
                    }
                }
            }
            case LOG1P -> {
                tiny(b, 8);
                // Just above -1, the pole: every float in (-1, -1 + 2^-12].
                for (int i = 1; i <= 4096; i++) {
                    b.add(-1 + i * 0x1p-24);
                }
                for (double c : new double[] {0.25, Math.sqrt(2) - 1, Math.sqrt(2) / 2 - 1, 1, Float.MAX_VALUE}) {
                    neighbours(b, c, 64);
                }
            }
            case SIN, COS, TAN -> trigonometric(b);
            case ASIN, ACOS, ATANH -> {
                // Near ±1 (the square root and the pole): every float in [1 - 2^-12, 1).
                for (int i = 1; i <= 4096; i++) {
                    b.add(1 - i * 0x1p-24);
                    b.add(-1 + i * 0x1p-24);
                }
                tiny(b, 8);
                for (double c : new double[] {0.5, 0.975, 0.25}) {
                    neighbours(b, c, 64);
                }
            }
            case ATAN -> {
                tiny(b, 8);
                // fdlibm's switch points, 1, and where atan is ±π/2 in double.
                for (double c : new double[] {7.0 / 16, 11.0 / 16, 19.0 / 16, 39.0 / 16, 1, 0x1p66, Float.MAX_VALUE}) {
                    neighbours(b, c, 64);
                }
            }
            case SINH, COSH -> {
                tiny(b, 8);
                // fdlibm's switch points (2^-28, 1/2 ln 2, 1, 22), float32 overflow (89.4) and the
                // largest float the pass takes (below 700).
                for (double c : new double[] {0x1p-28, LN2 / 2, 1, 22, Math.log(2 * (double) Float.MAX_VALUE), 700}) {
                    neighbours(b, c, 64);
                }
            }
            case TANH -> {
                tiny(b, 8);
                // The formula switches at 0.55; float32 tanh saturates near 9; the pass stops at 40.
                for (double c : new double[] {0.55, 9.01, 40}) {
                    neighbours(b, c, 512);
                }
            }
            case SIGMOID, SOFTPLUS -> {
                tiny(b, 8);
                // e^x turns subnormal in double at -708.4 and ends at -744.4 / -745.1; float32 results
                // overflow (softplus) or end (sigmoid) near ±88.7 and -103.3, -104; the pass stops at 40 and -800.
                for (double c : new double[] {-1022 * LN2, -1074 * LN2, -1075 * LN2, 128 * LN2, -126 * LN2,
                    -149 * LN2, -150 * LN2, 40, -800}) {
                    neighbours(b, c, 256);
                }
            }
            case CBRT, RSQRT -> {
                subnormals(b);
                for (int e = -149; e <= 127; e++) {
                    neighbours(b, Math.scalb(1.0, e), 2);
                }
                neighbours(b, Float.MAX_VALUE, 64);
            }
            case ASINH -> {
                tiny(b, 8);
                for (double c : new double[] {1, 0x1p28, Float.MAX_VALUE}) {
                    neighbours(b, c, 64);
                }
            }
            case ACOSH -> {
                // Just above 1, where acosh has a square-root zero: every float in (1, 1 + 2^-10].
                for (int i = 1; i <= 8192; i++) {
                    b.add(1 + i * 0x1p-23);
                }
                for (double c : new double[] {2, 0x1p28, Float.MAX_VALUE}) {
                    neighbours(b, c, 64);
                }
            }
            default -> throw new IllegalArgumentException("no hard arguments for " + op);
        }
        return b.build().toArray();
    }

    /** Where exp's float32 and double results overflow or leave the normal range, and tiny arguments. */
    private static void exp(DoubleStream.Builder b) {
        for (int k : new int[] {128, -126, -149, -150, -1022, -1074, -1075}) {
            neighbours(b, k * LN2, 256);
        }
        neighbours(b, 700, 64);
        neighbours(b, 800, 64);
        tiny(b, 8);
    }

    /** Near 1, where log is small: every float in [1 - 2^-12, 1 + 2^-11]; subnormals; binade edges; the largest floats. */
    private static void log(DoubleStream.Builder b) {
        for (int i = 1; i <= 4096; i++) {
            b.add(1 - i * 0x1p-24);
            b.add(1 + i * 0x1p-23);
        }
        subnormals(b);
        for (int e = -126; e <= 127; e++) {
            neighbours(b, Math.scalb(1.0, e), 8);
            neighbours(b, Math.scalb(Math.sqrt(2), e), 2);
        }
        neighbours(b, Float.MAX_VALUE, 1024);
    }

    /**
     * Near multiples of π/2 (zeros of sin, cos and tan, poles of tan): the nearest floats to the first
     * 4,096 and the four closest floats of every binade, each with two neighbours; switch points of
     * the reductions (π/4, fdlibm's 2^19 π/2); the largest floats; tiny ones.
     */
    private static void trigonometric(DoubleStream.Builder b) {
        for (int j = 1; j <= 4096; j++) {
            neighbours(b, j * (Math.PI / 2), 2);
        }
        for (double x : nearMultiplesOfHalfPi(4)) {
            neighbours(b, x, 2);
        }
        for (double c : new double[] {Math.PI / 4, 3 * Math.PI / 4, 0x1p19 * Math.PI / 2, 0x1p20 * Math.PI / 2}) {
            neighbours(b, c, 64);
        }
        neighbours(b, Float.MAX_VALUE, 4096);
        tiny(b, 4);
    }

    /**
     * The `perBinade` float32 values of each binade [2^e, 2^e+1), 0 ≤ e ≤ 127, closest to a multiple of
     * π/2. With x = M 2^(e-23), M in [2^23, 2^24), x (2/π) is M α with α = 2^(e-23) 2/π; only α's
     * fraction matters, kept as 64 bits (frac(M α) then wraps in long arithmetic, exact to 2^-40, far
     * below the distances of about 2^-30 that rank the candidates). 2/π comes from apfloat's π.
     */
    static double[] nearMultiplesOfHalfPi(int perBinade) {
        ApfloatSetup.ensure();
        BigDecimal twoOverPi = new BigDecimal(new Apfloat(2, 120).divide(ApfloatMath.pi(120)).toString(true));
        return IntStream.rangeClosed(0, 127).parallel().mapToObj(e -> {
            long alpha = twoOverPi.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e + 41)))
                    .setScale(0, RoundingMode.FLOOR).toBigInteger().longValue();
            long[] bestDistance = new long[perBinade];
            long[] bestM = new long[perBinade];
            Arrays.fill(bestDistance, Long.MAX_VALUE);
            for (long m = 1 << 23; m < 1 << 24; m++) {
                long d = Math.abs(m * alpha);
                if (d >= 0 && d < bestDistance[perBinade - 1]) {
                    int i = perBinade - 1;
                    while (i > 0 && bestDistance[i - 1] > d) {
                        bestDistance[i] = bestDistance[i - 1];
                        bestM[i] = bestM[i - 1];
                        i--;
                    }
                    bestDistance[i] = d;
                    bestM[i] = m;
                }
            }
            return Arrays.stream(bestM).mapToDouble(m -> Math.scalb((double) m, e - 23)).toArray();
        }).flatMapToDouble(Arrays::stream).toArray();
    }

    /**
     * pow's hard regions: x within 2^-12 of 1 with |y| up to where x^y leaves the double range (fdlibm
     * switches to a series for |x - 1| ≤ 2^-20 and |y| > 2^31, JDK-8326547's region); results next to
     * the float32 and double thresholds of overflow and underflow; subnormal and huge bases; negative
     * bases with large odd and even integer exponents; and pairs spread over all bit patterns.
     */
    static Pairs pow(SplittableRandom random) {
        PairBuilder p = new PairBuilder();
        for (int i = -4096; i <= 4096; i++) {
            double x = i < 0 ? 1 + i * 0x1p-24 : 1 + i * 0x1p-23;
            if (x == 1) {
                continue;
            }
            // |y log x| up to 760: beyond every range; near 1 that is |y| up to 2^34.
            double limit = 760 / Math.abs(Math.log(x));
            int count = Math.abs(x - 1) <= 0x1p-20 ? 400 : 8;
            for (int k = 0; k < count; k++) {
                double y = (float) (Math.exp(random.nextDouble(Math.log(limit) - 12, Math.log(limit))));
                p.add(x, random.nextBoolean() ? y : -y);
            }
        }
        for (int i = 0; i < 4000; i++) {
            double x = randomFloat(random, true);
            if (x == 1 || x == 0 || !Double.isFinite(x)) {
                continue;
            }
            double log2x = Math.log(x) / LN2;
            for (int t : new int[] {1024, -1022, -1074, -1075, 128, -126, -149, -150}) {
                double y = (float) (t / log2x);
                p.add(x, y);
                p.add(x, Math.nextUp((float) y));
                p.add(x, Math.nextDown((float) y));
            }
        }
        for (int i = 0; i < 20_000; i++) {
            // Subnormal and huge bases with fractional exponents.
            double tiny = Math.scalb((double) random.nextInt(1, 1 << 23), -149);
            p.add(tiny, (float) random.nextDouble(-8, 8));
            p.add(Float.MAX_VALUE - random.nextInt(0, 1 << 10) * (double) Math.ulp(Float.MAX_VALUE), (float) random.nextDouble(-8, 8));
            // Negative bases, integer exponents beyond PowExact's 64.
            double x = -(float) random.nextDouble(0.5, 2);
            double y = random.nextInt(65, 1 << 20);
            if (Math.abs(y * Math.log(-x)) < 745) {
                p.add(x, y);
            }
        }
        for (int i = 0; i < 200_000; i++) {
            p.add(randomFloat(random, false), randomFloat(random, false));
        }
        return p.build();
    }

    /**
     * atan2(y, x), y first: near the axes (|y/x| from 2^-280 to 2^280, the whole float32 range of
     * ratios, results near 0, ±π/2 and ±π), near the diagonals, subnormal operands, and pairs
     * spread over all bit patterns.
     */
    static Pairs atan2(SplittableRandom random) {
        PairBuilder p = new PairBuilder();
        for (int i = 0; i < 40_000; i++) {
            double x = randomFloat(random, false);
            int k = random.nextInt(-280, 281);
            double y = (float) (Math.abs(x) * Math.scalb(1 + random.nextDouble(), k) * (random.nextBoolean() ? 1 : -1));
            p.add(y, x);
            // Near the diagonals: |y| = |x| (1 + j 2^-23).
            double d = (float) (x * (1 + random.nextInt(-64, 65) * 0x1p-23));
            p.add(random.nextBoolean() ? d : -d, x);
            // A subnormal operand.
            double s = Math.scalb((double) random.nextInt(1, 1 << 23), -149) * (random.nextBoolean() ? 1 : -1);
            p.add(s, x);
            p.add(x, s);
        }
        for (int i = 0; i < 200_000; i++) {
            p.add(randomFloat(random, false), randomFloat(random, false));
        }
        return p.build();
    }

    /** A float drawn uniformly over bit patterns (so over binades), positive only if asked. */
    static double randomFloat(SplittableRandom random, boolean positive) {
        int bits = random.nextInt();
        return Float.intBitsToFloat(positive ? bits & 0x7fffffff : bits);
    }

    /** The float nearest to c and `count` floats on each side, both signs. */
    static void neighbours(DoubleStream.Builder b, double c, int count) {
        float f = (float) c;
        float up = f;
        float down = f;
        b.add(f);
        b.add(-f);
        for (int i = 0; i < count; i++) {
            up = Math.nextUp(up);
            down = Math.nextDown(down);
            b.add(up);
            b.add(down);
            b.add(-up);
            b.add(-down);
        }
    }

    /** ±2^-k for every float32 exponent, subnormals included, each with `count` neighbours. */
    private static void tiny(DoubleStream.Builder b, int count) {
        for (int k = 1; k <= 149; k++) {
            neighbours(b, Math.scalb(1.0, -k), count);
        }
    }

    /** The first 4,096 subnormals and a stride through the rest. */
    private static void subnormals(DoubleStream.Builder b) {
        for (int i = 1; i <= 4096; i++) {
            b.add(Math.scalb((double) i, -149));
        }
        for (int i = 4096; i < 1 << 23; i += 997) {
            b.add(Math.scalb((double) i, -149));
        }
    }

    /** Growable operand pairs. */
    private static final class PairBuilder {
        private final DoubleStream.Builder x = DoubleStream.builder();
        private final DoubleStream.Builder y = DoubleStream.builder();

        void add(double a, double b) {
            x.add(a);
            y.add(b);
        }

        Pairs build() {
            return new Pairs(x.build().toArray(), y.build().toArray());
        }
    }
}
