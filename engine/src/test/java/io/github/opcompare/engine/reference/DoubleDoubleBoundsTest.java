package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The double-double pass's bounds ({@link DoubleDoublePass}: 2^-80 claimed, scaled per op) against
 * apfloat at 45 digits (relative 10^-39 after its guard digits), in each op's hard regions for
 * float64 arguments (the pass serves every float64 value, and the float32 ones the first pass leaves)
 * and on float32 hard arguments ({@link HardArguments}): thresholds of overflow and underflow,
 * including results beyond the double range that the pass keeps with a scale; zeros of the
 * function; the formulas' switch points; huge reductions (the double closest to a multiple of π/2);
 * subnormals. The inverse functions have DoubleDoubleInverseTest. The relative error must stay
 * within the bound the pass states for the argument; the message gives the worst ratio.
 */
class DoubleDoubleBoundsTest {
    private static final double LN2 = Math.log(2);
    private static final int COUNT = 120;

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"EXP", "LOG", "SIN", "COS", "TAN", "TANH", "EXP2", "EXPM1", "LOG2", "LOG10",
        "LOG1P", "SINH", "COSH", "SIGMOID", "SOFTPLUS", "RSQRT", "CBRT", "ERF", "ERFC", "POW"})
    void doubleDoubleIsWithinItsBoundInHardRegions(Op op) {
        SplittableRandom random = new SplittableRandom(700 + op.ordinal());
        // apfloat takes about 10 ms per value here, erf and erfc tens, sin, cos and tan of the largest doubles more.
        int count = switch (op) {
            case ERF, ERFC -> COUNT / 4;
            case SIN, COS, TAN -> COUNT / 2;
            default -> COUNT;
        };
        double[] float32 = op == Op.ERF || op == Op.ERFC || op == Op.POW ? new double[0] : HardArguments.of(op);
        double worstRatio = 0;
        String worstAt = "";
        int evaluated = 0;
        for (int i = 0; i < count; i++) {
            double x;
            double y = 0;
            if (op == Op.POW) {
                double[] p = powArguments(random, i);
                x = p[0];
                y = p[1];
            } else {
                // Half float64 hard arguments, half float32 ones the first pass may leave.
                x = i % 2 == 0 || float32.length == 0 ? argument(op, random, i / 2) : float32[random.nextInt(float32.length)];
            }
            if (!reachesDoubleDoublePass(op, x, y)) {
                continue;
            }
            DoubleDoublePass.Approx dd = DoubleDoublePass.evaluate(op, x, y, DoubleDoubleMath.ERROR_BOUND);
            if (dd == null) {
                continue; // erfc's continued fraction did not settle: apfloat's pass takes it
            }
            evaluated++;
            BigDecimal exact = ArbitraryPrecision.evaluate(op, x, y, 45).value();
            BigDecimal approx = dd.value().toBigDecimal();
            double rel = approx.subtract(exact).abs().divide(exact.abs(), MathContext.DECIMAL64).doubleValue();
            double ratio = rel / dd.bound();
            if (!(ratio <= worstRatio)) {
                worstRatio = ratio;
                worstAt = op.id() + "(" + Double.toHexString(x) + (op.arity() == 2 ? ", " + Double.toHexString(y) : "")
                        + "): relative " + rel + ", bound " + dd.bound();
            }
        }
        System.out.println("DoubleDoubleBoundsTest " + op.id() + ": worst error/bound " + worstRatio + " at " + worstAt
                + " over " + evaluated + " arguments");
        assertTrue(evaluated >= count / 2, op + ": only " + evaluated + " arguments reached the pass");
        assertTrue(worstRatio <= 1, op + ": " + worstAt);
    }

    /** Every op that has a double-double pass is measured here or in DoubleDoubleInverseTest. */
    @Test
    void everyOpWithADoubleDoublePassIsMeasured() {
        Set<Op> measured = EnumSet.of(Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TAN, Op.TANH, Op.EXP2,
                Op.EXPM1, Op.LOG2, Op.LOG10, Op.LOG1P, Op.SINH, Op.COSH, Op.SIGMOID, Op.SOFTPLUS, Op.RSQRT, Op.CBRT,
                Op.ERF, Op.ERFC, Op.POW,
                // DoubleDoubleInverseTest
                Op.ATAN, Op.ASIN, Op.ACOS, Op.ASINH, Op.ACOSH, Op.ATANH, Op.ATAN2);
        for (Op op : Op.values()) {
            boolean hasPass = DoubleDoublePass.evaluate(op, 1.5, 0.5, DoubleDoubleMath.ERROR_BOUND) != null;
            assertTrue(!hasPass || measured.contains(op), op + " has a double-double pass that no test measures");
        }
    }

    /** Whether the engine calls the double-double pass for this float64 argument: what the special values leave. */
    private static boolean reachesDoubleDoublePass(Op op, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return false;
        }
        return switch (op) {
            case POW -> BinarySpecialValues.of(op, x, y, FLOAT64) == null && PowExact.of(x, y, FLOAT64) == null;
            // ElementaryReference settles these itself.
            case EXP -> Math.abs(x) < 1500;
            case LOG -> x > 0 && x != 1;
            case SIN, COS -> x != 0;
            case TANH -> Math.abs(x) >= SpecialValues.TINY && Math.abs(x) <= 40;
            default -> SpecialValues.unary(op, x, FLOAT64) == null;
        };
    }

    /** float64 arguments in the op's hard regions, a different region for successive i. */
    private static double argument(Op op, SplittableRandom random, int i) {
        double sign = random.nextBoolean() ? 1 : -1;
        // Some binade's edge, or a random binade.
        DoubleSupplier spread = () -> Math.scalb(1 + random.nextDouble(), random.nextInt(-1074, 1024));
        DoubleSupplier tiny = () -> Math.scalb(1 + random.nextDouble(), random.nextInt(-1074, -20));
        int region = i % 6;
        return switch (op) {
            case EXP -> pick(region,
                    near(random, 1024 * LN2), near(random, -1022 * LN2), near(random, -1074 * LN2),
                    near(random, -1075 * LN2), sign * random.nextDouble(700, 1500),
                    sign * tiny.getAsDouble());
            case EXP2 -> pick(region, near(random, 1024), near(random, -1022), near(random, -1074.5),
                    sign * random.nextDouble(0, 1100), random.nextInt(-1100, 1100) + sign * tiny.getAsDouble(),
                    sign * tiny.getAsDouble());
            case EXPM1 -> pick(region, sign * tiny.getAsDouble(), near(random, 0.5), near(random, -0.5),
                    random.nextDouble(-100, 0), random.nextDouble(0.5, 1500), near(random, 1024 * LN2));
            case LOG, LOG2, LOG10 -> pick(region, nearOne(random), nearOne(random),
                    Math.scalb((double) random.nextLong(1, 1L << 52), -1074), near(random, Math.scalb(Math.sqrt(2), random.nextInt(-1000, 1000))),
                    Double.MAX_VALUE - random.nextInt(0, 1000) * Math.ulp(Double.MAX_VALUE), spread.getAsDouble());
            case LOG1P -> pick(region, sign * tiny.getAsDouble(), -1 + random.nextInt(1, 1 << 20) * 0x1p-53,
                    near(random, 0.25), near(random, -0.25), Math.scalb(1 + random.nextDouble(), random.nextInt(0, 1024)),
                    random.nextDouble(-1, 1));
            case SIN, COS, TAN -> pick(region, nearHalfPiMultiple(random, 1 << 20),
                    nearHalfPiMultiple(random, 1 << 10),
                    // The double closest to a multiple of π/2 (Kahan and McDonald; Muller, Elementary Functions),
                    // and its neighbours.
                    sign * (6381956970095103.0 * 0x1p797 + random.nextInt(-2, 3) * Math.ulp(6381956970095103.0 * 0x1p797)),
                    sign * (Double.MAX_VALUE - random.nextInt(0, 1 << 20) * Math.ulp(Double.MAX_VALUE)),
                    spread.getAsDouble(), sign * tiny.getAsDouble());
            case TANH -> pick(region, near(random, 0.25), sign * tiny.getAsDouble(), sign * random.nextDouble(0, 40),
                    near(random, 40), near(random, 0.25), sign * random.nextDouble(0, 1));
            case SINH, COSH -> pick(region, sign * tiny.getAsDouble(), near(random, 0.5), near(random, 40),
                    sign * random.nextDouble(40, 1500), sign * random.nextDouble(0, 40), near(random, 1024 * LN2));
            case SIGMOID, SOFTPLUS -> pick(region, sign * tiny.getAsDouble(), near(random, 40),
                    random.nextDouble(-800, -700), near(random, -1074 * LN2), random.nextDouble(-40, 40), near(random, -40));
            case RSQRT, CBRT -> pick(region, Math.scalb((double) random.nextLong(1, 1L << 52), -1074),
                    near(random, Math.scalb(1.0, random.nextInt(-1074, 1024))),
                    Double.MAX_VALUE - random.nextInt(0, 1000) * Math.ulp(Double.MAX_VALUE), spread.getAsDouble(),
                    spread.getAsDouble() * (op == Op.CBRT ? sign : 1), Math.scalb(1 + random.nextDouble(), -1022));
            case ERF -> pick(region, sign * tiny.getAsDouble(), near(random, DoubleDoubleErf.ERF_SATURATES),
                    sign * random.nextDouble(0, 6), near(random, 1), sign * random.nextDouble(3, 6), near(random, 0.5));
            case ERFC -> pick(region, near(random, DoubleDoubleErf.FRACTION_FALLBACK_FROM),
                    near(random, DoubleDoubleErf.CONTINUED_FRACTION_FROM), random.nextDouble(-6, 0),
                    random.nextDouble(3, 27.3), random.nextDouble(0, 3), sign * tiny.getAsDouble());
            default -> throw new IllegalArgumentException(op.id());
        };
    }

    /** pow: x near 1 with huge y (|y log x| up to the pass's 1200), results near the thresholds, subnormal and huge bases. */
    private static double[] powArguments(SplittableRandom random, int i) {
        double sign = random.nextBoolean() ? 1 : -1;
        switch (i % 4) {
            case 0 -> {
                double x = 1 + random.nextInt(-1 << 20, 1 << 20) * 0x1p-52;
                double y = sign * random.nextDouble(0, 1200) / Math.abs(Math.log(x));
                return new double[] {x, y};
            }
            case 1 -> {
                double x = Math.scalb(1 + random.nextDouble(), random.nextInt(-1074, 1024));
                int[] t = {1024, -1022, -1074, 1100, -1100};
                double y = t[random.nextInt(t.length)] / (Math.log(x) / LN2) * (1 + random.nextDouble(-1e-12, 1e-12));
                return new double[] {x, y};
            }
            case 2 -> {
                double x = random.nextBoolean() ? Math.scalb((double) random.nextLong(1, 1L << 52), -1074)
                        : Double.MAX_VALUE - random.nextInt(0, 1000) * Math.ulp(Double.MAX_VALUE);
                return new double[] {x, random.nextDouble(-1, 1)};
            }
            default -> {
                return new double[] {random.nextDouble(0, 10), random.nextDouble(-50, 50)};
            }
        }
    }

    private static double pick(int region, double... candidates) {
        return candidates[region % candidates.length];
    }

    /** c plus or minus up to 2^20 ulps, both signs of the offset. */
    private static double near(SplittableRandom random, double c) {
        return c + random.nextInt(-1 << 20, 1 << 20) * Math.ulp(c);
    }

    private static double nearOne(SplittableRandom random) {
        return random.nextBoolean() ? 1 + random.nextInt(1, 1 << 20) * 0x1p-52 : 1 - random.nextInt(1, 1 << 20) * 0x1p-53;
    }

    /** The double nearest to j π/2 for a random j below the limit, or one of its neighbours. */
    private static double nearHalfPiMultiple(SplittableRandom random, int limit) {
        double c = random.nextInt(1, limit) * (Math.PI / 2);
        return c + random.nextInt(-2, 3) * Math.ulp(c);
    }
}
