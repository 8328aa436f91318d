package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The arguments at which {@link CheckedIntrinsics} checks, on the running JVM, a candidate exp, log,
 * sin, cos or tan against the double-double value: a stride through all float32 bit patterns and
 * each function's hard regions, 1,000 to 2,200 arguments per function. A candidate holds when every
 * probe is within {@link #ULPS} of its double ulps.
 *
 * <p>The double-double value is within 2^-79 relative (tested against apfloat in these regions by
 * DoubleDoubleBoundsTest), under 2^-25 of a double ulp; {@link #SLACK} leaves far more than that.
 */
final class IntrinsicProbes {
    /** The bound {@link FastPass} takes for these functions, before its safety factor: the Java specification's. */
    static final double ULPS = 1;
    /** What the double-double value's own error could add to a measured error, with room to spare. */
    static final double SLACK = 0x1p-20;
    /** 2^32 / 1,024, made odd so that the stride walks through every exponent and significand position. */
    private static final long STRIDE = (1L << 22) + 1;
    /**
     * The seven float32 values closest to a multiple of π/2, all within 2^-26 of one (an exhaustive
     * search of every binade, as FastPassBoundsTest's {@code HardArguments} does): sin, cos and tan
     * lose 35 to 138 bits to cancellation there.
     */
    private static final float[] NEAR_MULTIPLES_OF_HALF_PI = {
        0x1.f37c8ap95f, 0x1.47d0fep34f, 0x1.f9cbe2p7f, 0x1.32ede2p85f, 0x1.628d4cp40f, 0x1.130930p76f, 0x1.b08c4ap111f,
    };

    private IntrinsicProbes() {
    }

    /** Whether f is within {@link #ULPS} (less {@link #SLACK}) of op's value at every probe. */
    static boolean holds(Op op, DoubleUnaryOperator f) {
        for (double x : arguments(op)) {
            if (!(error(op, f, x) <= ULPS - SLACK)) {
                return false;
            }
        }
        return true;
    }

    /** |f(x) - op(x)| in double ulps of f(x), against the double-double value; infinite if f(x) is not finite. */
    static double error(Op op, DoubleUnaryOperator f, double x) {
        return ulpError(f.applyAsDouble(x), DoubleDoublePass.evaluate(op, x, 0, DoubleDoubleMath.ERROR_BOUND).value());
    }

    /**
     * |d - v| in units of ulp(d) for v = (hi + lo) 2^scale. d 2^-scale and ulp(d) 2^-scale are exact
     * (powers of two moved inside the double range, subnormal d included), and so is the difference
     * with hi when d is within a factor of 2 of it (Sterbenz); the subtraction of lo rounds once, far
     * below what is measured. Infinite when d is not finite.
     */
    static double ulpError(double d, ExactValue v) {
        if (!Double.isFinite(d)) {
            return Double.POSITIVE_INFINITY;
        }
        double scaled = Math.scalb(d, -v.scale());
        double unit = Math.scalb(Math.ulp(d), -v.scale());
        return Math.abs(scaled - v.hi() - v.lo()) / unit;
    }

    /** The probes of exp, log, sin, cos or tan, all float32 values where the first pass calls the function. */
    static double[] arguments(Op op) {
        DoubleBuffer probes = new DoubleBuffer();
        for (long bits = 0; bits < 1L << 32; bits += STRIDE) {
            probes.add(Float.intBitsToFloat((int) bits));
        }
        switch (op) {
            case EXP -> {
                // Where float32 results overflow (2^128), turn subnormal (2^-126) and end (2^-149, 2^-150);
                // where double results turn subnormal and end (2^-1022, 2^-1074, 2^-1075), which the pass
                // reaches as it runs in double. Double overflow (709.78) it does not: arguments stop at 700.
                for (int k : new int[] {128, -126, -149, -150, -1022, -1074, -1075}) {
                    neighbours(probes, k * Math.log(2), 8);
                }
                tinyBothSigns(probes);
            }
            case LOG -> {
                // Near 1, where log x ≈ x - 1 is small; the subnormals; the binade edges.
                neighbours(probes, 1, 64);
                for (int i = 1; i <= 64; i++) {
                    probes.add(Math.scalb((double) i, -149));
                }
                for (int e = -126; e <= 127; e++) {
                    neighbours(probes, Math.scalb(1.0, e), 1);
                }
                neighbours(probes, Float.MAX_VALUE, 4);
            }
            case SIN, COS, TAN -> {
                // Near the zeros and poles, j π/2, the small multiples and the closest of all floats;
                // the largest floats; tiny and subnormal arguments.
                for (int j = 1; j <= 128; j++) {
                    neighbours(probes, j * (Math.PI / 2), 1);
                }
                for (float x : NEAR_MULTIPLES_OF_HALF_PI) {
                    neighbours(probes, x, 1);
                }
                neighbours(probes, Float.MAX_VALUE, 8);
                tinyBothSigns(probes);
            }
            default -> throw new IllegalArgumentException("no probes for " + op);
        }
        return Arrays.stream(probes.toArray()).filter(x -> inDomain(op, x)).distinct().toArray();
    }

    /**
     * Where the first pass calls the function: exp on [-800, 700] (exp itself up to ±700, sigmoid and
     * softplus down to -800, tanh and exp2 inside), log on x > 0, sin, cos and tan on all finite
     * nonzero values.
     */
    static boolean inDomain(Op op, double x) {
        if (!Double.isFinite(x) || x == 0) {
            return false;
        }
        return switch (op) {
            case EXP -> x >= -800 && x <= 700;
            case LOG -> x > 0;
            default -> true;
        };
    }

    /** The float32 nearest to c and the `count` floats on each side of it, both signs. */
    private static void neighbours(DoubleBuffer probes, double c, int count) {
        float f = (float) c;
        float up = f;
        float down = f;
        probes.add(f);
        probes.add(-f);
        for (int i = 0; i < count; i++) {
            up = Math.nextUp(up);
            down = Math.nextDown(down);
            probes.add(up);
            probes.add(down);
            probes.add(-up);
            probes.add(-down);
        }
    }

    /** ±2^-k for every float32 exponent, subnormals included. */
    private static void tinyBothSigns(DoubleBuffer probes) {
        for (int k = 1; k <= 149; k++) {
            probes.add(Math.scalb(1.0, -k));
            probes.add(-Math.scalb(1.0, -k));
        }
    }

    /** A growable array of doubles. */
    private static final class DoubleBuffer {
        private double[] values = new double[4096];
        private int size;

        void add(double x) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = x;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
