package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The first pass's bounds ({@link FastPass#ulps}, before the safety factor), measured: the double
 * value of every op must lie within its bound, in double ulps of the value, of the exact result,
 * wherever the engine calls the pass, over a stride through all float32 bit patterns (every 4099th
 * for exp, log, sin, cos and tan, about a million values; every 16397th for the others) and densely
 * over the op's hard regions ({@link HardArguments}).
 *
 * <p>The exact result here is the double-double pass's, whose error (2^-79 relative, measured
 * against apfloat in these same regions by DoubleDoubleBoundsTest) is below 2^-25 of a double ulp;
 * {@link IntrinsicProbes#SLACK} is subtracted from each bound for it. A sample of the hard arguments
 * is measured against apfloat directly as well.
 *
 * <p>exp, log, sin, cos and tan are measured from both Math and StrictMath, whichever
 * {@link CheckedIntrinsics} picks on a JVM; the ops built on them are measured with this JVM's pick.
 * What StrictMath gives here it gives on every JVM of this JDK release; what Math gives holds on
 * this JVM only, which is why the engine checks it again where it runs.
 *
 * <p>Takes 20 to 40 s on the 2-core VM at a load average of 6 to 11 (the stride scans dominate). Each
 * measurement's worst error is printed, and given in the failure message, so a bound only just met
 * shows.
 */
class FastPassBoundsTest {
    /** Odd strides through the 2^32 bit patterns, so that they visit every exponent and sign. */
    private static final long DENSE_STRIDE = 4099;
    private static final long STRIDE = 16_397;
    private static final double[] DENSE_SAMPLE = HardArguments.stride(DENSE_STRIDE);
    private static final double[] SAMPLE = HardArguments.stride(STRIDE);

    /**
     * exp, log, sin, cos and tan from Math, from StrictMath and as the pass calls them, over every
     * 4099th bit pattern and the hard regions, wherever the pass calls the function (sigmoid and
     * softplus take exp down to -800).
     */
    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"EXP", "LOG", "SIN", "COS", "TAN"})
    void checkedFunctionsAreWithinOneUlpFromEitherSource(Op op) {
        double[] args = concat(DENSE_SAMPLE, HardArguments.of(op));
        args = Arrays.stream(args).filter(x -> IntrinsicProbes.inDomain(op, x)).toArray();
        HardArguments.Pairs pairs = new HardArguments.Pairs(args, new double[args.length]);
        DoubleUnaryOperator math = switch (op) {
            case EXP -> Math::exp;
            case LOG -> Math::log;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            default -> Math::tan;
        };
        DoubleUnaryOperator strict = switch (op) {
            case EXP -> StrictMath::exp;
            case LOG -> StrictMath::log;
            case SIN -> StrictMath::sin;
            case COS -> StrictMath::cos;
            default -> StrictMath::tan;
        };
        DoubleUnaryOperator pass = x -> FastPass.value(op, x, 0);
        String[] names = {"Math", "StrictMath", "FastPass"};
        Worst[] worst = measure(op, pairs, new DoubleUnaryOperator[] {math, strict, pass});
        for (int k = 0; k < names.length; k++) {
            report(names[k] + "." + op.id(), worst[k], op, IntrinsicProbes.ULPS);
        }
        for (int k = 0; k < names.length; k++) {
            assertTrue(worst[k].ulps() <= IntrinsicProbes.ULPS - IntrinsicProbes.SLACK, names[k] + "." + op.id() + ": "
                    + worst[k].describe(op) + " over " + worst[k].count() + " arguments, bound " + IntrinsicProbes.ULPS);
        }
    }

    /** The other unary ops, over every 16397th bit pattern and their hard regions. */
    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"TANH", "ASIN", "ACOS", "ATAN", "SINH", "COSH", "EXPM1", "LOG1P", "LOG10",
        "LOG2", "CBRT", "EXP2", "RSQRT", "SIGMOID", "SOFTPLUS", "ASINH", "ACOSH", "ATANH"})
    void everyOtherUnaryOpIsWithinItsBound(Op op) {
        double[] args = concat(SAMPLE, HardArguments.of(op));
        assertWithinBound(op, new HardArguments.Pairs(args, new double[args.length]));
    }

    @Test
    void powIsWithinItsBound() {
        assertWithinBound(Op.POW, HardArguments.pow(new SplittableRandom(15)));
    }

    @Test
    void atan2IsWithinItsBound() {
        assertWithinBound(Op.ATAN2, HardArguments.atan2(new SplittableRandom(16)));
    }

    /** Every op that has a first pass is one of those measured above: a new one cannot go unmeasured. */
    @Test
    void everyOpWithAFirstPassIsMeasured() {
        Set<Op> measured = EnumSet.of(Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TAN, Op.TANH, Op.ASIN,
                Op.ACOS, Op.ATAN, Op.SINH, Op.COSH, Op.EXPM1, Op.LOG1P, Op.LOG10, Op.LOG2, Op.CBRT, Op.EXP2, Op.RSQRT,
                Op.SIGMOID, Op.SOFTPLUS, Op.ASINH, Op.ACOSH, Op.ATANH, Op.POW, Op.ATAN2);
        for (Op op : Op.values()) {
            // 0.75 is inside every domain but acosh's, 1.5 inside acosh's.
            boolean hasFirstPass = !Double.isNaN(FastPass.value(op, 0.75, 0.5)) || !Double.isNaN(FastPass.value(op, 1.5, 0.5));
            assertTrue(!hasFirstPass || measured.contains(op), op + " has a first pass that no test measures");
            assertTrue(hasFirstPass == !Double.isNaN(FastPass.ulps(op)), op + ": a value without a bound or a bound without a value");
        }
    }

    /**
     * The same bounds against apfloat at 40 digits, independent of the double-double pass, on 40
     * arguments per op taken evenly from its hard regions (pairs for pow and atan2).
     */
    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"EXP", "LOG", "SIN", "COS", "TAN", "TANH", "ASIN", "ACOS", "ATAN", "SINH",
        "COSH", "EXPM1", "LOG1P", "LOG10", "LOG2", "CBRT", "EXP2", "RSQRT", "SIGMOID", "SOFTPLUS", "ASINH", "ACOSH", "ATANH",
        "POW", "ATAN2"})
    void hardArgumentsAreWithinTheBoundAgainstApfloat(Op op) {
        HardArguments.Pairs all = switch (op) {
            case POW -> HardArguments.pow(new SplittableRandom(15));
            case ATAN2 -> HardArguments.atan2(new SplittableRandom(16));
            default -> {
                double[] x = HardArguments.of(op);
                yield new HardArguments.Pairs(x, new double[x.length]);
            }
        };
        // pow beyond |y log x| = 1200 is out of every range by far: the passes settle it unevaluated.
        int[] reached = IntStream.range(0, all.size()).filter(i -> reachesFastPass(op, all.x()[i], all.y()[i])
                && (op != Op.POW || Math.abs(all.y()[i] * Math.log(Math.abs(all.x()[i]))) < 1200)).toArray();
        double worst = 0;
        String worstAt = "";
        int count = Math.min(40, reached.length);
        for (int k = 0; k < count; k++) {
            int i = reached[(int) ((long) k * reached.length / count)];
            double x = all.x()[i];
            double y = all.y()[i];
            double d = FastPass.value(op, x, y);
            if (!Double.isFinite(d)) {
                continue; // overflow: the engine escalates it
            }
            BigDecimal exact = ArbitraryPrecision.evaluate(op, x, y, 40).value();
            double err = new BigDecimal(d).subtract(exact).abs()
                    .divide(new BigDecimal(Math.ulp(d)), MathContext.DECIMAL64).doubleValue();
            if (err > worst) {
                worst = err;
                worstAt = op.id() + "(" + x + (op.arity() == 2 ? ", " + y : "") + ")";
            }
        }
        assertTrue(worst <= FastPass.ulps(op), op + ": " + worst + " ulps at " + worstAt + ", bound " + FastPass.ulps(op));
    }

    private static void assertWithinBound(Op op, HardArguments.Pairs args) {
        Worst w = measure(op, args, (x, y) -> FastPass.value(op, x, y));
        report(op.id(), w, op, FastPass.ulps(op));
        assertTrue(w.ulps() <= FastPass.ulps(op) - IntrinsicProbes.SLACK, op + ": " + w.describe(op) + " over "
                + w.count() + " arguments, bound " + FastPass.ulps(op));
    }

    private static void report(String what, Worst w, Op op, double bound) {
        System.out.println("FastPassBoundsTest " + what + ": " + w.describe(op) + " over " + w.count() + " arguments, bound " + bound);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The largest error of f against the double-double value, over the arguments that reach the pass. */
    private static Worst measure(Op op, HardArguments.Pairs args, DoubleBinaryOperator f) {
        return IntStream.range(0, args.size()).parallel()
                .filter(i -> reachesFastPass(op, args.x()[i], args.y()[i]))
                .mapToObj(i -> new Worst(error(f.applyAsDouble(args.x()[i], args.y()[i]), exact(op, args.x()[i], args.y()[i])),
                        args.x()[i], args.y()[i], 1))
                .reduce(new Worst(0, 0, 0, 0), Worst::max);
    }

    /** The largest error of each unary f against the double-double value, computed once per argument; all arguments. */
    private static Worst[] measure(Op op, HardArguments.Pairs args, DoubleUnaryOperator[] fs) {
        return IntStream.range(0, args.size()).parallel().mapToObj(i -> {
            double x = args.x()[i];
            ExactValue v = exact(op, x, 0);
            Worst[] w = new Worst[fs.length];
            for (int k = 0; k < fs.length; k++) {
                w[k] = new Worst(error(fs[k].applyAsDouble(x), v), x, 0, 1);
            }
            return w;
        }).reduce((a, b) -> {
            Worst[] w = new Worst[a.length];
            for (int k = 0; k < a.length; k++) {
                w[k] = Worst.max(a[k], b[k]);
            }
            return w;
        }).orElseThrow();
    }

    private static ExactValue exact(Op op, double x, double y) {
        return DoubleDoublePass.evaluate(op, x, y, DoubleDoubleMath.ERROR_BOUND).value();
    }

    /** |d - v| in double ulps of d; 0 where both are beyond the double range, one sign; infinite for NaN. */
    private static double error(double d, ExactValue v) {
        if (Double.isInfinite(d) && Math.copySign(1, d) == Math.copySign(1, v.hi())
                && Double.isInfinite(Math.scalb(v.hi(), v.scale()))) {
            return 0;
        }
        double e = IntrinsicProbes.ulpError(d, v);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    /**
     * Whether the engine calls the first pass for these float32 operands: what {@link SpecialValues},
     * {@link BinarySpecialValues} and {@link PowExact} leave, and for exp, log, sin, cos and tanh what
     * ElementaryReference leaves (it settles those five itself).
     */
    static boolean reachesFastPass(Op op, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        return switch (op) {
            case POW -> BinarySpecialValues.of(op, x, y, FLOAT32) == null && PowExact.of(x, y, FLOAT32) == null;
            case ATAN2 -> BinarySpecialValues.of(op, x, y, FLOAT32) == null;
            case EXP -> Math.abs(x) < 700;
            case LOG -> x > 0 && x != 1;
            case SIN, COS -> x != 0;
            case TANH -> Math.abs(x) >= SpecialValues.TINY && Math.abs(x) <= 40;
            default -> SpecialValues.unary(op, x, FLOAT32) == null;
        };
    }

    /** The largest error seen, where, and over how many arguments. */
    private record Worst(double ulps, double x, double y, long count) {
        static Worst max(Worst a, Worst b) {
            Worst w = b.ulps > a.ulps ? b : a;
            return new Worst(w.ulps, w.x, w.y, a.count + b.count);
        }

        String describe(Op op) {
            return ulps + " ulps at " + op.id() + "(" + Double.toHexString(x) + (op.arity() == 2 ? ", " + Double.toHexString(y) : "") + ")";
        }
    }
}
