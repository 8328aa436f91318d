package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;

/**
 * The float32 first pass of exp, log, sin, cos and tanh over a block of arguments, as two tight
 * loops over primitive arrays instead of one call chain per element: one computes the function's
 * double values, the other decides the roundings. Per element the old chain dispatched on the op
 * and the dtype three times, tested the special values one case at a time and passed through four
 * calls; what is left here is the function itself and a few arithmetic operations, which C2 keeps
 * in registers (about half the time per element, see benchmarks/README.md).
 *
 * <p>Where it settles an element it writes what {@link ElementaryReference#settleCheaply} writes for
 * it, bit for bit, because it takes the same steps: the same function ({@link FastPass#value}, which
 * calls the same methods; for tanh {@link TanhBlock}, the same operations in another order), the
 * same bound (the same product, factor × ulps × ulp(d), with an ulp that is Math.ulp's bit for bit),
 * the same two roundings and the same test, written on the floats' bits (why that is {@link
 * RoundingDecision#same}'s answer: {@link #decide}). The only other difference is the order:
 * settleCheaply asks for the special values first, while here the first loop skips any argument that
 * <em>could</em> be special (it stores NaN, which the second loop never settles), and every element
 * not settled is left to the caller, who hands it to settleCheaply and, failing that, to the full
 * reference, exactly as before. So the test {@link #ordinary} needs only to be sufficient: where it
 * holds, {@link ElementaryReference}'s special values must return nothing, and where in doubt it
 * says no. BatchReferenceMatchesElementTest checks every output against the element-wise path.
 */
final class FirstPassBlock {
    private FirstPassBlock() {
    }

    /** The ops with a block loop here; the others keep the element-wise path. */
    static boolean covers(Op op) {
        return switch (op) {
            case EXP, LOG, SIN, COS, TANH -> true;
            default -> false;
        };
    }

    /**
     * Settles the elements of {@code x[from, to)} that the float32 first pass settles, writing them
     * into {@code into}, and lists the others, ascending, in {@code left}: how many it returns.
     *
     * @param factor the bound's factor before ulp(d), {@code settings.fastPassUlps() * FastPass.ulps(op)}
     * @param into results whose outputs from {@code from} to {@code to} have not been set
     */
    static int settle(Op op, double factor, double[] x, int from, int to, ExactResults into, int[] left) {
        double[] values = scratch(to - from);
        if (op == Op.TANH) {
            return TanhBlock.settle(factor, x, from, to, values, into, left);
        }
        functionValues(op, x, from, to, values);
        return decide(factor, values, from, to, into, left);
    }

    /** One block's function values per thread, kept: allocating and zeroing them per block cost 1 ns per element. */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[4096]);

    private static double[] scratch(int length) {
        double[] values = SCRATCH.get();
        if (values.length < length) {
            values = new double[length];
            SCRATCH.set(values);
        }
        return values;
    }

    /**
     * The first loop: f(x) in double where the argument is {@link #ordinary}, NaN elsewhere. One loop
     * per op, so that the op is a constant inside each and the function's call is all that remains.
     * tanh has loops of its own ({@link TanhBlock}).
     */
    private static void functionValues(Op op, double[] x, int from, int to, double[] values) {
        switch (op) {
            case EXP -> {
                for (int i = from; i < to; i++) {
                    double v = x[i];
                    values[i - from] = ordinaryExp(v) ? CheckedIntrinsics.exp(v) : Double.NaN;
                }
            }
            case LOG -> {
                for (int i = from; i < to; i++) {
                    double v = x[i];
                    values[i - from] = ordinaryLog(v) ? CheckedIntrinsics.log(v) : Double.NaN;
                }
            }
            case SIN -> {
                for (int i = from; i < to; i++) {
                    double v = x[i];
                    values[i - from] = ordinarySinCos(v) ? CheckedIntrinsics.sin(v) : Double.NaN;
                }
            }
            case COS -> {
                for (int i = from; i < to; i++) {
                    double v = x[i];
                    values[i - from] = ordinarySinCos(v) ? CheckedIntrinsics.cos(v) : Double.NaN;
                }
            }
            default -> throw new IllegalArgumentException("no block first pass for " + op.id());
        }
    }

    /**
     * The second loop: settleCheaply's test, step for step, on each value. NaN (a possibly special
     * argument, or a function without a checked source) is never settled: the explicit test keeps
     * its bound and roundings, all NaN, from settling it.
     *
     * <p>settleCheaply rounds d ± bound to float, widens both to double and compares the doubles'
     * bits with NaN folded to one pattern ({@link RoundingDecision#same}). Here the floats' raw bits
     * are compared: for floats that are not NaN that is the same test (widening keeps every value and
     * the sign of zero, and is one-to-one), and with d not NaN at most one end is NaN: d and ulp(d)
     * are finite, or d is ±Infinity, where d ± ulp(d) is ±Infinity at one end and ∞ - ∞ = NaN at the
     * other, unequal in both tests. The settled value is the lower end widened, as settleCheaply's.
     */
    private static int decide(double factor, double[] values, int from, int to, ExactResults into, int[] left) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!settles(factor, values[i - from], i, into)) {
                left[n++] = i;
            }
        }
        return n;
    }

    /**
     * The test of {@link #decide} for one value d of output i: settles it (true) or leaves it
     * untouched. The one written form of the decision, which {@link TanhBlock}'s loops call too.
     */
    static boolean settles(double factor, double d, int i, ExactResults into) {
        double bound = factor * ulp(d);
        float lo = (float) (d - bound);
        float hi = (float) (d + bound);
        if (d == d && Float.floatToRawIntBits(lo) == Float.floatToRawIntBits(hi)) {
            into.setFirstPass(i, lo, d);
            return true;
        }
        return false;
    }

    private static final long EXPONENT_BITS = 0x7ff0000000000000L;
    private static final long FIFTY_TWO_BINADES = 52L << 52;

    /**
     * Math.ulp(d), bit for bit, with one test instead of Math.ulp's three on the common path: for a
     * normal d whose exponent field E is above 52 and not all ones, ulp(d) = 2^(E - 1075) is the
     * double with exponent field E - 52 and a zero significand. Zeros, subnormals, tiny normals,
     * infinities and NaN go to Math.ulp. FirstPassBlockTest compares the two for every exponent.
     */
    static double ulp(double d) {
        long e = Double.doubleToRawLongBits(d) & EXPONENT_BITS;
        return e > FIFTY_TWO_BINADES && e != EXPONENT_BITS ? Double.longBitsToDouble(e - FIFTY_TWO_BINADES) : Math.ulp(d);
    }

    /**
     * Whether {@code op}'s special values (ElementaryReference, float32) certainly leave x to the
     * passes. Each test below names what it excludes; NaN fails every comparison.
     */
    static boolean ordinary(Op op, double x) {
        return switch (op) {
            case EXP -> ordinaryExp(x);
            case LOG -> ordinaryLog(x);
            case SIN, COS -> ordinarySinCos(x);
            case TANH -> ordinaryTanh(x);
            default -> false;
        };
    }

    /** Excludes NaN, ±0 (e^0 = 1 exactly), ±Infinity and |x| ≥ 700 (out of range in float32). */
    private static boolean ordinaryExp(double x) {
        return Math.abs(x) < ElementaryReference.EXP_OUT_OF_RANGE_FLOAT32 && x != 0;
    }

    /** Excludes NaN, x ≤ 0 (NaN and the pole), 1 (log 1 = 0 exactly) and +Infinity. */
    private static boolean ordinaryLog(double x) {
        return x > 0 && x < Double.POSITIVE_INFINITY && x != 1;
    }

    /** Excludes NaN, ±Infinity (NaN) and ±0 (sin ±0 = ±0, cos ±0 = 1 exactly). */
    private static boolean ordinarySinCos(double x) {
        return Math.abs(x) < Double.POSITIVE_INFINITY && x != 0;
    }

    /**
     * Excludes NaN, ±0 and |x| &lt; TINY (tanh x rounds to x) and |x| > 40 (rounds to ±1). {@link
     * TanhBlock} tests the same two bounds in its own loops.
     */
    private static boolean ordinaryTanh(double x) {
        double a = Math.abs(x);
        return a >= SpecialValues.TINY && a <= ElementaryReference.TANH_SATURATED;
    }
}
