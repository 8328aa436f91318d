package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every transcendental op of the catalog: the fast passes (double precision for float32, double-double)
 * must round exactly as the apfloat pass does when the fast passes are distrusted. The two are
 * independent implementations (our formulas, error-free transformations and series there; apfloat's
 * own algorithms here), so agreement over spread arguments is a real cross-check of the formulas and
 * of their error bounds. Arguments are values of the dtype under test (rounded to it by
 * {@link IndependentRounding}), spread over that dtype's own range.
 */
class FastPassesAgreeWithApfloatTest {
    /** Trusts the first pass to no better than 10^12 ulps and double-double to 2^-10: everything escalates. */
    private static final ReferenceSettings DISTRUSTFUL = new ReferenceSettings(1e12, 0x1p-10, 40, 20_000);
    private static final int COUNT = 60;

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"RSQRT", "CBRT", "EXP2", "EXPM1", "LOG2", "LOG10", "LOG1P", "TAN", "ASIN",
        "ACOS", "ATAN", "SINH", "COSH", "ASINH", "ACOSH", "ATANH", "SIGMOID", "SOFTPLUS", "ERF", "ERFC"})
    void unaryOpsAgree(Op op) {
        ReferenceCalculator slow = new ReferenceCalculator(DISTRUSTFUL);
        ReferenceCalculator fast = new ReferenceCalculator();
        SplittableRandom random = new SplittableRandom(op.ordinal());
        for (DType dtype : DType.values()) {
            // apfloat's erf and erfc take tens of milliseconds per value.
            int count = op == Op.ERF || op == Op.ERFC ? COUNT / 6 : COUNT;
            for (int i = 0; i < count; i++) {
                double x = argument(op, random, dtype);
                assertTrue(dtype.represents(x), x + " is not a " + dtype);
                ExactElement s = slow.element(op, dtype, x, 0);
                ExactElement f = fast.element(op, dtype, x, 0);
                assertEquals(s.rounded(), f.rounded(), op + "(" + x + ") " + dtype + " pass " + f.pass());
                if (s.pass() >= 3) {
                    assertTrue(f.pass() <= s.pass());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"POW", "ATAN2"})
    void binaryOpsAgree(Op op) {
        ReferenceCalculator slow = new ReferenceCalculator(DISTRUSTFUL);
        ReferenceCalculator fast = new ReferenceCalculator();
        SplittableRandom random = new SplittableRandom(op.ordinal());
        for (DType dtype : DType.values()) {
            for (int i = 0; i < COUNT; i++) {
                double x = round(op == Op.POW ? random.nextDouble(0, 20) : random.nextDouble(-5, 5), dtype);
                double y = round(op == Op.POW ? random.nextDouble(-20, 20) : random.nextDouble(-5, 5), dtype);
                assertTrue(dtype.represents(x) && dtype.represents(y), x + ", " + y + " are not " + dtype + " values");
                ExactElement s = slow.element(op, dtype, x, y);
                ExactElement f = fast.element(op, dtype, x, y);
                assertEquals(s.rounded(), f.rounded(), op + "(" + x + ", " + y + ") " + dtype);
            }
        }
    }

    /**
     * Arguments across the op's domain in this dtype, tiny and large magnitudes included: binary
     * exponents stay within the dtype's (subnormals included), and exp-like ops stop where the dtype
     * overflows (ln of its largest value), so that float16's few values are not spent on infinities.
     */
    private static double argument(Op op, SplittableRandom random, DType dtype) {
        double sign = random.nextBoolean() ? 1 : -1;
        int low = dtype.minExponent() - dtype.precision() + 1;
        int high = dtype.maxExponent();
        double spread = Math.scalb(1.0 + random.nextDouble(), random.nextInt(Math.max(-30, low), 6));
        double wide = Math.scalb(1.0 + random.nextDouble(), random.nextInt(Math.max(-120, low), Math.min(120, high)));
        double lnMax = Math.log(dtype.maxValue());
        double x = switch (op) {
            case RSQRT, LOG2, LOG10 -> wide;
            case CBRT -> sign * wide;
            case EXP2 -> random.nextDouble(Math.max(-140, low - 2), Math.min(127, high + 1));
            case EXPM1 -> random.nextBoolean() ? sign * spread : random.nextDouble(-20, Math.min(80, lnMax));
            case LOG1P -> random.nextBoolean() ? sign * Math.min(0.9, spread) : random.nextDouble(-0.99, Math.min(1e6, dtype.maxValue()));
            case TAN -> random.nextBoolean() ? sign * spread : random.nextDouble(-1e4, 1e4);
            case ASIN, ACOS, ATANH -> random.nextBoolean() ? sign * Math.min(1, spread) : random.nextDouble(-1, 1);
            case ATAN, ASINH -> sign * Math.scalb(1.0 + random.nextDouble(), random.nextInt(Math.max(-30, low), Math.min(60, high)));
            case ACOSH -> 1 + Math.scalb(1.0 + random.nextDouble(), random.nextInt(-20, Math.min(60, high)));
            case SINH, COSH -> random.nextBoolean() ? sign * spread : random.nextDouble(-Math.min(85, lnMax), Math.min(85, lnMax));
            case SIGMOID, SOFTPLUS -> random.nextBoolean() ? sign * spread : random.nextDouble(-100, 100);
            case ERF -> random.nextBoolean() ? sign * spread : random.nextDouble(-6, 6);
            case ERFC -> random.nextBoolean() ? sign * spread : random.nextDouble(-6, dtype == FLOAT32 ? 10 : 6);
            default -> throw new IllegalArgumentException(op.id());
        };
        return round(x, dtype);
    }

    /** x rounded to the dtype by BigDecimal comparisons, independently of the engine's DType.round. */
    private static double round(double x, DType dtype) {
        return IndependentRounding.round(new java.math.BigDecimal(x), dtype);
    }

}
