package io.github.opcompare.engine.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.op.Op;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The run-time check behind the first pass's exp, log, sin, cos and tan: a Math that breaks its
 * 1-ulp bound only in one hard region must be caught by the probes and replaced by StrictMath, and
 * a function that fails from both sources leaves the ops built on it without a first pass. The
 * faulty candidates are Math's own values pushed 2 to 4 ulps off (a factor 1 + 2^-51) inside one
 * narrow region, the kind of defect an intrinsic has when one branch of its code is wrong.
 */
class CheckedIntrinsicsTest {
    private static final double OFF = 1 + 0x1p-51;

    @Test
    void mathWrongOnlyNearTheUnderflowOfDoubleIsReplaced() {
        // exp(x) is subnormal below -708.4; sigmoid and softplus take it there. Off by 2 subnormal ulps.
        DoubleUnaryOperator faulty = x -> x < -708.4 && x > -745 ? Math.exp(x) + 2 * Double.MIN_VALUE : Math.exp(x);
        assertEquals(CheckedIntrinsics.Source.STRICT_MATH, CheckedIntrinsics.choose(Op.EXP, faulty, StrictMath::exp));
    }

    @Test
    void mathWrongOnlyNearFloat32OverflowIsReplaced() {
        DoubleUnaryOperator faulty = x -> Math.abs(x - 88.72) < 0.01 ? Math.exp(x) * OFF : Math.exp(x);
        assertEquals(CheckedIntrinsics.Source.STRICT_MATH, CheckedIntrinsics.choose(Op.EXP, faulty, StrictMath::exp));
    }

    @Test
    void mathWrongOnlyNearOneIsReplaced() {
        DoubleUnaryOperator faulty = x -> Math.abs(x - 1) < 0x1p-16 ? Math.log(x) * OFF : Math.log(x);
        assertEquals(CheckedIntrinsics.Source.STRICT_MATH, CheckedIntrinsics.choose(Op.LOG, faulty, StrictMath::log));
    }

    @Test
    void mathWrongOnlyOnSubnormalsIsReplaced() {
        DoubleUnaryOperator faulty = x -> x < 0x1p-126 ? Math.log(x) * OFF : Math.log(x);
        assertEquals(CheckedIntrinsics.Source.STRICT_MATH, CheckedIntrinsics.choose(Op.LOG, faulty, StrictMath::log));
    }

    @Test
    void mathWrongOnlyNearZerosOrPolesIsReplaced() {
        DoubleUnaryOperator sin = x -> Math.abs(Math.sin(x)) < 1e-4 ? Math.sin(x) * OFF : Math.sin(x);
        DoubleUnaryOperator cos = x -> Math.abs(Math.cos(x)) < 1e-4 ? Math.cos(x) * OFF : Math.cos(x);
        DoubleUnaryOperator tan = x -> Math.abs(Math.tan(x)) > 1e4 ? Math.tan(x) * OFF : Math.tan(x);
        assertEquals(CheckedIntrinsics.Source.STRICT_MATH, CheckedIntrinsics.choose(Op.SIN, sin, StrictMath::sin));
        assertEquals(CheckedIntrinsics.Source.STRICT_MATH, CheckedIntrinsics.choose(Op.COS, cos, StrictMath::cos));
        assertEquals(CheckedIntrinsics.Source.STRICT_MATH, CheckedIntrinsics.choose(Op.TAN, tan, StrictMath::tan));
    }

    @Test
    void mathWrongOnlyForHugeArgumentsIsReplaced() {
        // A reduction that loses bits beyond 2^100, as an intrinsic with too short a 2/π would.
        DoubleUnaryOperator faulty = x -> Math.abs(x) > 0x1p100 ? Math.sin(x) * OFF : Math.sin(x);
        assertEquals(CheckedIntrinsics.Source.STRICT_MATH, CheckedIntrinsics.choose(Op.SIN, faulty, StrictMath::sin));
    }

    @Test
    void aFunctionWrongFromBothSourcesLeavesNoFirstPass() {
        DoubleUnaryOperator faulty = x -> Math.exp(x) * OFF;
        assertEquals(CheckedIntrinsics.Source.NONE, CheckedIntrinsics.choose(Op.EXP, faulty, faulty));
    }

    @Test
    void correctFunctionsAreKept() {
        assertEquals(CheckedIntrinsics.Source.MATH, CheckedIntrinsics.choose(Op.EXP, StrictMath::exp, Math::exp));
        assertTrue(IntrinsicProbes.holds(Op.SIN, StrictMath::sin));
    }

    @Test
    void thisJvmHasAFirstPassForEachFunction() {
        for (CheckedIntrinsics.Source s : new CheckedIntrinsics.Source[] {CheckedIntrinsics.EXP, CheckedIntrinsics.LOG,
            CheckedIntrinsics.SIN, CheckedIntrinsics.COS, CheckedIntrinsics.TAN}) {
            assertNotEquals(CheckedIntrinsics.Source.NONE, s);
        }
    }
}
