package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * Hard-to-round float64 arguments from the literature, as collected by CORE-MATH (src/binary64/exp/exp.wc:
 * at least 45 identical bits after the round bit; src/binary64/log/log.wc: Lefèvre's hard cases with
 * up to 64). The exact value lies within 2^-98 relative of a rounding boundary, so a pass whose bound
 * is looser must escalate; the expected rounding comes from apfloat at 60 digits and Java's correctly
 * rounded decimal parsing.
 */
class HardToRoundCasesTest {
    private static final double[] EXP = {0x1.0122ef37212ebp-1, 0x1.00d48a707b93ep-1, 0x1.0303c5638675fp-1,
        0x1.6e907dbde1469p-1, 0x1.008eb56314daap+0, 0x1.2f670c4302212p+0};
    private static final double[] LOG = {0x1.a6ae5142326b5p+0, 0x1.1e852e6951306p+1, 0x1.ffcd1f1e0c16fp+1,
        0x1.b511b4be9cc84p+6, 0x1.561031d4db97cp+16, 0x1.8e27f4f0e6c74p+34};

    private final ReferenceCalculator reference = new ReferenceCalculator();

    @Test
    void expAndLogWorstCasesRoundAsSixtyDigitsSay() {
        for (double x : EXP) {
            check(Op.EXP, x, ApfloatMath.exp(new Apfloat(new BigDecimal(x), 60)));
        }
        for (double x : LOG) {
            check(Op.LOG, x, ApfloatMath.log(new Apfloat(new BigDecimal(x), 60)));
        }
    }

    private void check(Op op, double x, Apfloat exact) {
        double want = Double.parseDouble(exact.toString(true));
        assertEquals(want, reference.element(op, FLOAT64, x, 0).rounded(), op + "(" + Double.toHexString(x) + ")");
    }
}
