package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The table-driven double-double kernels of {@link DoubleDoubleMath} (exp, expm1, log, sin, cos, and
 * tan and tanh on them) against apfloat, element by element: every table entry and split constant against
 * apfloat's own function; on hard arguments and random ones, the relative error within 2^-94 (the
 * kernels derive 2^-95 or better; the pass claims 2^-80) against the engine's apfloat path at 45
 * digits, and the float64 rounding the engine settles equal to {@link ApfloatOracle}'s, an
 * independent apfloat evaluation rounded without the engine's code.
 *
 * <p>Hard arguments: ±0's neighbours and subnormals; exp's overflow and underflow thresholds and the
 * edges of its reduction by ln2/64; log near 1, at the edges of its [1/√2, √2] and of its table
 * cells; sin, cos and tan at the doubles nearest multiples of π/2 (small and near the Cody-Waite limit
 * 2^19), at the limit itself, at huge arguments (Kahan and McDonald's 6381956970095103 2^797, whose
 * reduced argument is about 2^-61), at the edges of the table cells; tanh near 0, at its formula's
 * switch 1/4 and where it saturates. Known hard-to-round cases: Lefèvre and Muller's worst case for
 * exp, 0x1.9e9cbbfd6080bp-31 ("Worst cases for correct rounding of the elementary functions in double
 * precision", 2001), and for the others the CORE-MATH worst-case arguments of {@link HardCases}
 * (src/binary64/OP/OP.wc, from Lefèvre's searches).
 */
class DoubleDoubleKernelsTest {
    private static final double DERIVED = 0x1p-94;
    private static final double LN2 = Math.log(2);

    private final ReferenceCalculator reference = new ReferenceCalculator();

    static {
        ApfloatSetup.ensure();
    }

    @Test
    void tableEntriesAreTheNearestDoubleDoublesToApfloatsValues() {
        int digits = 50;
        Apfloat ln2 = ApfloatMath.log(new Apfloat(2, digits));
        for (int j = 0; j < 64; j++) {
            Apfloat v = ApfloatMath.exp(ln2.multiply(new Apfloat(j, digits)).divide(new Apfloat(64, digits)));
            assertNearest(v, DoubleDoubleTables.Exp.EXP2_HI[j], DoubleDoubleTables.Exp.EXP2_LO[j], "2^(" + j + "/64)");
        }
        for (int i = DoubleDoubleTables.Log.LOG_FIRST; i <= DoubleDoubleTables.Log.LOG_LAST; i++) {
            Apfloat v = ApfloatMath.log(new Apfloat(i, digits).divide(new Apfloat(256, digits))).negate();
            int at = i - DoubleDoubleTables.Log.LOG_FIRST;
            assertNearest(v, DoubleDoubleTables.Log.NEG_LOG_HI[at], DoubleDoubleTables.Log.NEG_LOG_LO[at], "-log(" + i + "/256)");
        }
        for (int i = 1; i <= DoubleDoubleTables.SinCos.SIN_COS_LAST; i++) {
            Apfloat a = new Apfloat(i, digits).divide(new Apfloat(64, digits));
            assertNearest(ApfloatMath.sin(a), DoubleDoubleTables.SinCos.SIN_HI[i], DoubleDoubleTables.SinCos.SIN_LO[i], "sin(" + i + "/64)");
            assertNearest(ApfloatMath.cos(a), DoubleDoubleTables.SinCos.COS_HI[i], DoubleDoubleTables.SinCos.COS_LO[i], "cos(" + i + "/64)");
        }
        assertEquals(0.0, DoubleDoubleTables.SinCos.SIN_HI[0]);
        assertEquals(1.0, DoubleDoubleTables.SinCos.COS_HI[0]);
    }

    /** The split constants: their sums within the stated distance, their leading parts short enough for exact products. */
    @Test
    void splitConstantsSumToTheirValueAndHaveShortLeadingParts() {
        BigDecimal piOver2 = decimal(ApfloatMath.pi(80).divide(new Apfloat(2, 80)));
        BigDecimal pi = sum(DoubleDoubleTables.SinCos.PIO2_1, DoubleDoubleTables.SinCos.PIO2_2, DoubleDoubleTables.SinCos.PIO2_3, DoubleDoubleTables.SinCos.PIO2_4);
        assertTrue(pi.subtract(piOver2).abs().compareTo(new BigDecimal(0x1p-170)) < 0, "pi/2 split: " + pi.subtract(piOver2));
        assertTrue(significantBits(DoubleDoubleTables.SinCos.PIO2_1) <= 33 && significantBits(DoubleDoubleTables.SinCos.PIO2_2) <= 33);
        assertTrue(Math.abs(DoubleDoubleTables.SinCos.PIO2_3) < 0x1p-64 && Math.abs(DoubleDoubleTables.SinCos.PIO2_4) < 0x1p-117);

        BigDecimal ln2Over64 = decimal(ApfloatMath.log(new Apfloat(2, 80)).divide(new Apfloat(64, 80)));
        BigDecimal ln2 = sum(DoubleDoubleTables.Exp.LN2_64_1, DoubleDoubleTables.Exp.LN2_64_2, DoubleDoubleTables.Exp.LN2_64_3, 0);
        assertTrue(ln2.subtract(ln2Over64).abs().compareTo(new BigDecimal(0x1p-128)) < 0, "ln2/64 split: " + ln2.subtract(ln2Over64));
        assertTrue(significantBits(DoubleDoubleTables.Exp.LN2_64_1) <= 35 && significantBits(DoubleDoubleTables.Exp.LN2_64_2) <= 35);
        assertTrue(Math.abs(DoubleDoubleTables.Exp.LN2_64_2) < 0x1p-40);
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"EXP", "LOG", "SIN", "COS", "TAN", "TANH", "EXPM1"})
    void withinTheDerivedBoundAndRoundedAsApfloatRounds(Op op) {
        List<Double> args = hardArguments(op);
        SplittableRandom random = new SplittableRandom(1900 + op.ordinal());
        for (int i = 0; i < 150; i++) {
            args.add(randomArgument(op, random));
        }
        double worst = 0;
        String worstAt = "";
        for (double x : args) {
            if (!reachesDoubleDoublePass(op, x)) {
                continue;
            }
            String name = op.id() + "(" + Double.toHexString(x) + ")";
            BigDecimal approx = evaluate(op, x).toBigDecimal();
            BigDecimal exact = ArbitraryPrecision.evaluate(op, x, 0, 45).value();
            double rel = approx.subtract(exact).abs().divide(exact.abs(), MathContext.DECIMAL64).doubleValue();
            if (!(rel <= worst)) {
                worst = rel;
                worstAt = name;
            }
            assertTrue(rel <= DERIVED, name + ": relative error " + rel + " beyond 2^-94");
            assertEquals(ApfloatOracle.rounded(op, FLOAT64, x, 0), reference.element(op, FLOAT64, x, 0).rounded(), name);
        }
        System.out.println("DoubleDoubleKernelsTest " + op.id() + ": worst relative error 2^"
                + Math.round(Math.log(worst) / LN2 * 10) / 10.0 + " at " + worstAt + " over " + args.size() + " arguments");
    }

    /** expm1Small itself, which log1p, sinh and tanh build on, on tiny and reduction-edge arguments, both signs. */
    @Test
    void expm1SmallKeepsItsRelativePrecision() {
        List<Double> args = new ArrayList<>();
        for (double m : new double[] {0x1p-1074, 0x1p-1022, 0x1p-600, 0x1p-60, 0x1p-30, 1e-5, LN2 / 128, 0.01, 0.25, 0.5, 1}) {
            for (double v : new double[] {m, Math.nextUp(m), Math.nextDown(m)}) {
                if (v == 0) {
                    continue;
                }
                args.add(v);
                args.add(-v);
            }
        }
        for (double x : args) {
            DoubleDouble dd = DoubleDoubleMath.expm1Small(DoubleDouble.of(x));
            // Tiny x: the series x + x²/2 + x³/6 + x^4/24 in exact decimals (the next term is 2^-120 |x|); else apfloat at 60 digits.
            BigDecimal b = new BigDecimal(x);
            BigDecimal exact = Math.abs(x) <= 0x1p-30
                    ? b.add(b.pow(2).divide(BigDecimal.valueOf(2))).add(b.pow(3).divide(BigDecimal.valueOf(6), new MathContext(80)))
                            .add(b.pow(4).divide(BigDecimal.valueOf(24), new MathContext(80)))
                    : decimal(ApfloatMath.exp(new Apfloat(b, 60)).subtract(new Apfloat(1)));
            BigDecimal approx = new BigDecimal(dd.hi()).add(new BigDecimal(dd.lo()));
            double rel = approx.subtract(exact).abs().divide(exact.abs(), MathContext.DECIMAL64).doubleValue();
            assertTrue(rel <= DERIVED, "expm1(" + Double.toHexString(x) + "): relative error " + rel);
        }
    }

    private static ExactValue evaluate(Op op, double x) {
        return switch (op) {
            case EXP -> DoubleDoubleMath.exp(x);
            case LOG -> ExactValue.of(DoubleDoubleMath.log(x), 0);
            case SIN -> ExactValue.of(DoubleDoubleMath.sin(x), 0);
            case COS -> ExactValue.of(DoubleDoubleMath.cos(x), 0);
            case TAN -> ExactValue.of(DoubleDoubleTrigRoots.tan(x), 0);
            case TANH -> ExactValue.of(DoubleDoubleMath.tanh(x), 0);
            case EXPM1 -> DoubleDoubleExpLog.expm1(x);
            default -> throw new IllegalArgumentException(op.id());
        };
    }

    private static boolean reachesDoubleDoublePass(Op op, double x) {
        return switch (op) {
            case EXP -> x != 0 && Math.abs(x) < 1500;
            case LOG -> x > 0 && x != 1 && Double.isFinite(x);
            case SIN, COS, TAN -> x != 0 && Double.isFinite(x);
            case TANH -> Math.abs(x) >= SpecialValues.TINY && Math.abs(x) <= 40;
            default -> SpecialValues.unary(op, x, FLOAT64) == null;
        };
    }

    private static List<Double> hardArguments(Op op) {
        List<Double> args = new ArrayList<>();
        for (double x : HardCases.unary(op, FLOAT64)) {
            args.add(x);
        }
        switch (op) {
            case EXP, EXPM1 -> {
                args.add(0x1.9e9cbbfd6080bp-31);
                for (double v : new double[] {Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-54, 0x1p-30}) {
                    args.add(v);
                    args.add(-v);
                }
                if (op == Op.EXP) {
                    // Overflow (log MAX_VALUE), the normal range's end (-1022 ln2), underflow to 0 (-1075 ln2), the pass's range.
                    for (double v : new double[] {709.782712893384, -1022 * LN2, -1075 * LN2, -1074 * LN2, 1499.999, -1499.999}) {
                        addWithNeighbours(args, v);
                    }
                }
                // The edges of the reduction: (k + 1/2) ln2/64, where rint(x 64/ln2) changes.
                for (int k : new int[] {0, 1, -1, 5, -6, 63, 64, -65, 1000, -5000, 65000}) {
                    double edge = (k + 0.5) * LN2 / 64;
                    if (op == Op.EXPM1 && Math.abs(edge) > 2) {
                        continue;
                    }
                    addWithNeighbours(args, edge);
                }
            }
            case LOG -> {
                for (double v : new double[] {Double.MIN_VALUE, 3 * Double.MIN_VALUE, 0x1.fffffffffffffp-1023, Double.MIN_NORMAL,
                    Double.MAX_VALUE, 2, 0.5, Math.E, 1 + 0x1p-30, 1 - 0x1p-30, 1 + 0x1p-9, 1 - 0x1p-9}) {
                    addWithNeighbours(args, v);
                }
                args.add(Math.nextUp(1.0));
                args.add(Math.nextDown(1.0));
                // The edges of [1/√2, √2] and of the table cells, where rint(256/m) changes, in a few binades.
                for (int e : new int[] {0, 1, -1, 700, -1030}) {
                    addWithNeighbours(args, Math.scalb(Math.sqrt(2), e));
                    addWithNeighbours(args, Math.scalb(Math.sqrt(0.5), e));
                    for (int i : new int[] {181, 200, 255, 256, 300, 362}) {
                        addWithNeighbours(args, Math.scalb(256 / (i + 0.5), e));
                    }
                }
            }
            case SIN, COS, TAN -> {
                for (double v : new double[] {Double.MIN_VALUE, 0x1p-30, Math.PI / 4, 0x1p19, 6381956970095103.0 * 0x1p797,
                    Double.MAX_VALUE, 1e22}) {
                    addWithNeighbours(args, v);
                }
                // The doubles nearest k π/2, small and just below the Cody-Waite limit.
                BigDecimal piOver2 = decimal(ApfloatMath.pi(60).divide(new Apfloat(2, 60)));
                for (long k : new long[] {1, 2, 3, 4, 7, 10, 100, 333, 1000, 100000, 333000, 333773}) {
                    addWithNeighbours(args, IndependentRounding.round(piOver2.multiply(BigDecimal.valueOf(k)), FLOAT64));
                }
                // The edges of the table cells, (i + 1/2)/64 from a multiple of π/2.
                for (int i : new int[] {0, 1, 10, 49, 50}) {
                    addWithNeighbours(args, (i + 0.5) / 64);
                    addWithNeighbours(args, IndependentRounding.round(piOver2.add(BigDecimal.valueOf((i + 0.5) / 64)), FLOAT64));
                }
            }
            case TANH -> {
                for (double v : new double[] {SpecialValues.TINY, 0x1p-26, 0x1p-10, 0.25, 0.5, 19.06, 20, 39.99, 40}) {
                    addWithNeighbours(args, v);
                    addWithNeighbours(args, -v);
                }
            }
            default -> throw new IllegalArgumentException(op.id());
        }
        return args;
    }

    private static double randomArgument(Op op, SplittableRandom random) {
        return switch (op) {
            case EXP -> random.nextBoolean() ? random.nextDouble(-87, 88) : random.nextDouble(-745, 710);
            case EXPM1 -> random.nextDouble(-1, 1) * Math.scalb(1.0, -random.nextInt(0, 60));
            case LOG -> random.nextInt(4) == 0 ? 1 + random.nextDouble(-0.01, 0.01)
                    : Math.scalb(1 + random.nextDouble(), random.nextInt(-1074, 1024));
            case SIN, COS, TAN -> random.nextInt(3) == 0 ? Math.scalb(random.nextDouble(), random.nextInt(-30, 40))
                    : random.nextDouble(-10, 10);
            case TANH -> random.nextBoolean() ? random.nextDouble(-10, 10) : random.nextDouble(-0.3, 0.3);
            default -> throw new IllegalArgumentException(op.id());
        };
    }

    private static void addWithNeighbours(List<Double> args, double v) {
        args.add(v);
        args.add(Math.nextUp(v));
        args.add(Math.nextDown(v));
    }

    private static void assertNearest(Apfloat exact, double hi, double lo, String name) {
        BigDecimal v = decimal(exact);
        assertEquals(IndependentRounding.round(v, FLOAT64), hi, name + " hi");
        assertEquals(IndependentRounding.round(v.subtract(new BigDecimal(hi)), FLOAT64), lo, name + " lo");
    }

    private static BigDecimal sum(double a, double b, double c, double d) {
        return new BigDecimal(a).add(new BigDecimal(b)).add(new BigDecimal(c)).add(new BigDecimal(d));
    }

    private static int significantBits(double v) {
        long m = (Double.doubleToRawLongBits(v) & ((1L << 52) - 1)) | (1L << 52);
        return 53 - Long.numberOfTrailingZeros(m);
    }

    private static BigDecimal decimal(Apfloat a) {
        return new BigDecimal(a.toString(true));
    }
}
