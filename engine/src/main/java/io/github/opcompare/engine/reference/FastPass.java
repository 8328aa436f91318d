package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;


/**
 * The float32 first pass: the function in double precision with a bound in double ulps. A float32
 * rounding is settled when both ends of value ± bound round to the same float, which fails only
 * for about 2·bound·2^-29 of random arguments; those go on to the double-double pass.
 *
 * <p>Bounds: the JDK's specified accuracy, 1 ulp for exp, log, log10, expm1, log1p, cbrt, sin, cos,
 * tan, asin, acos, atan and pow, 2 for atan2, 2.5 for sinh and cosh. Where {@link Math} carries the
 * same specified bound as {@link StrictMath} and HotSpot compiles it to an intrinsic (exp, log,
 * log10, sin, cos, tan, pow) the pass takes Math's, which costs half as much as fdlibm's native
 * call; the bound is the specification's, not the implementation's, so it holds on any JVM. Our
 * own formulas are derived below in units of u = 2^-53 relative; since ulp(v) > u|v|, a relative
 * k u is at most k ulps. The engine multiplies these by {@link ReferenceSettings#fastPassUlps()} (2)
 * as a safety factor.
 */
final class FastPass {
    private FastPass() {
    }

    /** The double-precision value, or NaN when the op has no fast pass. */
    static double value(Op op, double x, double y) {
        return switch (op) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TANH -> tanh(x);
            case TAN -> Math.tan(x);
            case ASIN -> StrictMath.asin(x);
            case ACOS -> StrictMath.acos(x);
            case ATAN -> StrictMath.atan(x);
            case SINH -> StrictMath.sinh(x);
            case COSH -> StrictMath.cosh(x);
            case EXPM1 -> StrictMath.expm1(x);
            case LOG1P -> StrictMath.log1p(x);
            case LOG10 -> Math.log10(x);
            case CBRT -> StrictMath.cbrt(x);
            case EXP2 -> Math.pow(2, x);
            case POW -> Math.pow(x, y);
            case ATAN2 -> StrictMath.atan2(x, y);
            // log x (2u) / ln 2 (u for the division, u for the constant): 4u.
            case LOG2 -> Math.log(x) / 0.6931471805599453;
            // sqrt is correctly rounded (u), the division u: 2u.
            case RSQRT -> 1 / Math.sqrt(x);
            case SIGMOID -> sigmoid(x);
            case SOFTPLUS -> softplus(x);
            case ASINH -> asinh(x);
            case ACOSH -> acosh(x);
            case ATANH -> atanh(x);
            default -> Double.NaN;
        };
    }

    /** The bound of {@link #value} in double ulps, before the safety factor. */
    static double ulps(Op op) {
        return switch (op) {
            // The specification's 2.5 ulps, which the safety factor of 2 covers from 1.5 on.
            case SINH, COSH -> 1.5;
            case TANH -> 6;
            case ATAN2 -> 2;
            case LOG2, RSQRT -> 4;
            case SIGMOID, SOFTPLUS, ASINH, ACOSH, ATANH -> 8;
            default -> 1;
        };
    }

    /**
     * tanh through one exponential, at about a third of fdlibm's tanh. With a = |x|:
     *
     * <p>a ≥ 0.55 (e^2a ≥ 3): 1 - 2/(E + 1), E = Math.exp(2a) (2a is exact). E is within 1 ulp ≤ 2u
     * relative, which E + 1 carries with a factor E/(E + 1) < 1; the sum and the quotient round once
     * each: q = 2/(E + 1) ≤ 1/2 is within 4u (first order). 1 - q ≥ 1/2 ≥ q, so q's absolute error is
     * at most 4u of the result, and the subtraction rounds once more: 5u, at most 5 ulps.
     * Overflow of E (a > 354) gives q = 0 and 1, whose error 2e^-2a is far below u.
     *
     * <p>a &lt; 0.55: e/(e + 2), e = Math.expm1(2a) within 1 ulp ≤ 2u. The quotient's sensitivity to
     * e is 2/(e + 2) < 1, so e contributes 2u; the sum and the division round once each: 4u.
     *
     * <p>Both at most 5 ulps, stated as 6; odd symmetry is exact.
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        double t;
        if (a >= 0.55) {
            t = 1 - 2 / (Math.exp(2 * a) + 1);
        } else {
            double e = Math.expm1(2 * a);
            t = e / (e + 2);
        }
        return Math.copySign(t, x);
    }

    /**
     * x ≥ 0: 1/(1 + e^-x): exp 2u, the sum 2u, the division u. x < 0: e/(1 + e) with e = e^x: 2u +
     * 3u + u. At most 6u.
     */
    private static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log1p(e) with e = e^-|x| (2u), whose condition number is below 1, log1p's 2u; plus max(x, 0) (u). At most 5u. */
    private static double softplus(double x) {
        double t = StrictMath.log1p(Math.exp(-Math.abs(x)));
        return x > 0 ? x + t : t;
    }

    /**
     * log1p(a + a²/(1 + sqrt(1 + a²))) with a = |x|: every term positive, the argument within 4u,
     * log1p's condition number below 1, log1p's own 2u. At most 6u. Float arguments cannot overflow a².
     */
    private static double asinh(double x) {
        double a = Math.abs(x);
        double r = StrictMath.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    /** log1p(t + sqrt(t (t + 2))) with t = x - 1 (exact below 2 by Sterbenz, else u). At most 6u. */
    private static double acosh(double x) {
        double t = x - 1;
        return StrictMath.log1p(t + Math.sqrt(t * (t + 2)));
    }

    /** log1p(2a/(1 - a))/2 with a = |x| (1 - a exact from 1/2 up, else u): at most 5u. */
    private static double atanh(double x) {
        double a = Math.abs(x);
        return Math.copySign(0.5 * StrictMath.log1p(2 * a / (1 - a)), x);
    }
}
