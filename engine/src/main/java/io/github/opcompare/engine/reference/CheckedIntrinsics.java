package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;
import java.util.function.DoubleUnaryOperator;

/**
 * exp, log, sin, cos and tan for the float32 first pass, each from the first source that meets
 * the 1-ulp bound {@link FastPass} takes for it at every one of {@link IntrinsicProbes}' arguments
 * on the running JVM: Math (HotSpot's intrinsic, about twice as fast), else StrictMath (fdlibm),
 * else none, and the ops built on it go straight to the double-double pass.
 *
 * <p>Why a check rather than the specification: Java asks Math.exp, log, sin, cos and tan to be
 * within 1 ulp, but HotSpot computes them with stubs chosen per CPU, other JVMs with their own code,
 * and the JDK's intrinsics have shipped with errors far past that bound. StrictMath gives fdlibm's
 * results bit for bit on every JVM, and fdlibm does not always meet Math's bounds either (its log10
 * reaches 1.65 ulps, its pow 636 ulps on some double arguments), so it is checked too.
 * FastPassBoundsTest measures both sources, densely, over every float32 argument region the pass
 * uses, on the JVM that builds opcompare; this check covers the JVM that runs it. What remains
 * taken on trust: that a function within its bound at every probe is within it between the probes.
 *
 * <p>HotSpot calls the same stub for these functions from the interpreter and from compiled code,
 * so the values probed here, at class initialization, are the ones the pass gets later.
 */
final class CheckedIntrinsics {
    /** Where a function's values come from. */
    enum Source { MATH, STRICT_MATH, NONE }

    static final Source EXP = choose(Op.EXP, Math::exp, StrictMath::exp);
    static final Source LOG = choose(Op.LOG, Math::log, StrictMath::log);
    static final Source SIN = choose(Op.SIN, Math::sin, StrictMath::sin);
    static final Source COS = choose(Op.COS, Math::cos, StrictMath::cos);
    static final Source TAN = choose(Op.TAN, Math::tan, StrictMath::tan);

    private CheckedIntrinsics() {
    }

    // The sources are constants once this class is initialized: the JIT folds the tests away.

    static double exp(double x) {
        if (EXP == Source.MATH) {
            return Math.exp(x);
        }
        return EXP == Source.STRICT_MATH ? StrictMath.exp(x) : Double.NaN;
    }

    static double log(double x) {
        if (LOG == Source.MATH) {
            return Math.log(x);
        }
        return LOG == Source.STRICT_MATH ? StrictMath.log(x) : Double.NaN;
    }

    static double sin(double x) {
        if (SIN == Source.MATH) {
            return Math.sin(x);
        }
        return SIN == Source.STRICT_MATH ? StrictMath.sin(x) : Double.NaN;
    }

    static double cos(double x) {
        if (COS == Source.MATH) {
            return Math.cos(x);
        }
        return COS == Source.STRICT_MATH ? StrictMath.cos(x) : Double.NaN;
    }

    static double tan(double x) {
        if (TAN == Source.MATH) {
            return Math.tan(x);
        }
        return TAN == Source.STRICT_MATH ? StrictMath.tan(x) : Double.NaN;
    }

    /** Math if it holds at every probe, else StrictMath if that does, else NONE. */
    static Source choose(Op op, DoubleUnaryOperator math, DoubleUnaryOperator strict) {
        if (IntrinsicProbes.holds(op, math)) {
            return Source.MATH;
        }
        return IntrinsicProbes.holds(op, strict) ? Source.STRICT_MATH : Source.NONE;
    }
}
