package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Ziv escalation: with the first passes distrusted the arbitrary-precision pass must decide,
 * and it must agree with the fast passes. The two are independent implementations (double-double
 * with exact Payne-Hanek reduction here, apfloat there), so agreement is a real cross-check.
 */
class EscalationTest {
    /** float32 and float64, whose expected values here come from Java's float and double; the 16-bit formats have NarrowDTypeReferenceTest. */
    private static final DType[] WIDE = {DType.FLOAT32, DType.FLOAT64};

    /** Trusts StrictMath to no better than 10^12 ulps and double-double to 2^-10: everything escalates. */
    private static final ReferenceSettings DISTRUSTFUL = new ReferenceSettings(1e12, 0x1p-10, 40, 20_000);

    @Test
    void lowFirstPassPrecisionForcesArbitraryPrecision() {
        ReferenceCalculator slow = new ReferenceCalculator(DISTRUSTFUL);
        ReferenceCalculator fast = new ReferenceCalculator();
        for (DType dtype : WIDE) {
            for (Op op : new Op[] {Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TANH}) {
                ExactElement s = slow.element(op, dtype, 1.5, 0);
                ExactElement f = fast.element(op, dtype, 1.5, 0);
                assertTrue(s.pass() >= 3, op + " " + dtype + " pass " + s.pass());
                assertTrue(f.pass() <= 2, op + " " + dtype + " pass " + f.pass());
                assertEquals(f.rounded(), s.rounded(), op + " " + dtype);
            }
        }
    }

    @Test
    void doubleDoubleAgreesWithApfloatOnSpreadArguments() {
        ReferenceCalculator slow = new ReferenceCalculator(DISTRUSTFUL);
        ReferenceCalculator fast = new ReferenceCalculator();
        SplittableRandom random = new SplittableRandom(42);
        for (Op op : new Op[] {Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TANH}) {
            double[] x = new double[40];
            for (int i = 0; i < x.length; i++) {
                double magnitude = Math.scalb(1.0 + random.nextDouble(), random.nextInt(-40, 40));
                x[i] = switch (op) {
                    case EXP -> random.nextDouble(-745, 710);
                    case LOG -> i % 4 == 0 ? 1 + random.nextInt(1, 1000) * 0x1p-52 : magnitude;
                    // Up to 2^1000, where only an exact reduction can be right.
                    case SIN, COS -> i % 3 == 0 ? Math.scalb(1.0 + random.nextDouble(), random.nextInt(20, 1000)) : magnitude;
                    // Beyond |x| = 40 tanh is settled as ±1 before any pass.
                    default -> (random.nextBoolean() ? 1 : -1) * Math.scalb(1.0 + random.nextDouble(), random.nextInt(-40, 5));
                };
            }
            ExactResults f = fast.compute(op, FLOAT64, List.of(new Values(FLOAT64, x)));
            ExactResults s = slow.compute(op, FLOAT64, List.of(new Values(FLOAT64, x)));
            assertEquals(x.length, s.escalations());
            for (int i = 0; i < x.length; i++) {
                assertEquals(s.rounded(i), f.rounded(i), op + "(" + x[i] + ")");
                BigDecimal a = f.exact(i).toBigDecimal();
                BigDecimal b = s.exact(i).toBigDecimal();
                double rel = a.subtract(b).abs().divide(b.abs(), MathContext.DECIMAL64).doubleValue();
                assertTrue(rel < 0x1p-95, op + "(" + x[i] + "): " + a + " vs " + b);
            }
        }
    }

    @Test
    void float32FastPassAgreesWithDoubleDouble() {
        // Skipping the StrictMath pass (0 ulps) sends float32 through double-double instead.
        ReferenceCalculator dd = new ReferenceCalculator(new ReferenceSettings(0, DoubleDoubleMath.ERROR_BOUND, 40, 20_000));
        ReferenceCalculator fast = new ReferenceCalculator();
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.scalb(1.0 + random.nextDouble(), random.nextInt(-20, 7));
        }
        for (Op op : new Op[] {Op.EXP, Op.LOG, Op.SIN, Op.COS, Op.TANH}) {
            ExactResults a = dd.compute(op, FLOAT32, List.of(new Values(FLOAT32, x)));
            ExactResults b = fast.compute(op, FLOAT32, List.of(new Values(FLOAT32, x)));
            for (int i = 0; i < x.length; i++) {
                assertEquals(a.rounded(i), b.rounded(i), op + "(" + x[i] + ")");
            }
        }
    }
}
