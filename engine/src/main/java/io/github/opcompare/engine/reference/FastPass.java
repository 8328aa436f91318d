package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;

/**
 * The first pass for float32, float16 and bfloat16: the function in double precision with a bound
 * in double ulps. A rounding is settled when both ends of value ± bound round to the same value of
 * the dtype, which fails only for about 2·bound·2^-29 of random float32 arguments; those go on to
 * the double-double pass. The engine multiplies each bound by {@link ReferenceSettings#fastPassUlps()}
 * (2) as a safety factor, for what a first-order derivation or a test could miss.
 *
 * <p>Where each bound comes from (FastPassBoundsTest measures every op over a stride through all
 * float32 values and densely over its hard regions: thresholds of overflow and underflow in float32
 * and in double, zeros of the function, huge trigonometric arguments, subnormals):
 * <ul>
 *   <li>exp, log, sin, cos, tan: 1 ulp, the Java specification's for Math, but not taken from it:
 *       {@link CheckedIntrinsics} uses Math's intrinsic only if it meets 1 ulp at its probes on the
 *       running JVM, else StrictMath, else no first pass. The bound is tested, not specified.
 *   <li>asin, acos, atan, expm1, log1p, cbrt (1 ulp), atan2 (2), sinh and cosh (2.5), pow (1):
 *       StrictMath, whose results are fdlibm's bit for bit on every JVM (for one JDK release;
 *       a release that fixes an fdlibm bug changes them), with Math's specified bound for the
 *       function. fdlibm does not always meet those (its log10 reaches 1.65 ulps, so log10 is
 *       derived below), so each one is tested over the float32 domain; what a test measures of
 *       StrictMath holds on every JVM of that release.
 *   <li>pow uses StrictMath.pow, not Math.pow: the JDK's Math.pow intrinsics have broken their
 *       bound before, and pow's two arguments are too many to probe at run time (exp2 is derived
 *       below from the checked exp). fdlibm's pow itself is off by up to 636 ulps for x within
 *       2^-20 of 1 and |y| > 2^31 (JDK-8326547: there ivln2_h·t, with t = x - 1 and a 24-bit
 *       ivln2_h, is not exact when t has more than 29 significant bits). A float32 x that close to
 *       1 is 1 - k 2^-24 or 1 + k 2^-23 with k ≤ 16: t has at most 4 significant bits, the product
 *       is exact and the defect cannot occur. FastPassBoundsTest covers that region densely.
 *   <li>The others are our own formulas on those functions, derived below in units of u = 2^-53
 *       relative, to first order (the safety factor covers the u² terms). A function within 1 ulp
 *       of a normal result is within 2u relative, as ulp(v) ≤ 2u|v|; conversely, since ulp(v) > u|v|,
 *       a relative k u is at most k ulps. Results that are subnormal doubles (exp2 below -1022,
 *       sigmoid and softplus below -708) are derived separately where they occur. Math.sqrt is correctly rounded by
 *       specification (IEEE 754), on every JVM.
 * </ul>
 */
final class FastPass {
    /** ln 2, 1/ln 2 and 1/ln 10 rounded to double (from apfloat's values): relative errors below u. */
    private static final double LN2 = Constants.LN2.hi();
    private static final double INV_LN2 = Constants.INV_LN2.hi();
    private static final double INV_LN10 = Constants.INV_LN10.hi();

    private FastPass() {
    }

    /** The double-precision value, or NaN when the op has no fast pass (or its function failed its check). */
    static double value(Op op, double x, double y) {
        return switch (op) {
            case EXP -> CheckedIntrinsics.exp(x);
            case LOG -> CheckedIntrinsics.log(x);
            case SIN -> CheckedIntrinsics.sin(x);
            case COS -> CheckedIntrinsics.cos(x);
            case TAN -> CheckedIntrinsics.tan(x);
            case TANH -> tanh(x);
            case ASIN -> StrictMath.asin(x);
            case ACOS -> StrictMath.acos(x);
            case ATAN -> StrictMath.atan(x);
            case SINH -> StrictMath.sinh(x);
            case COSH -> StrictMath.cosh(x);
            case EXPM1 -> StrictMath.expm1(x);
            case LOG1P -> StrictMath.log1p(x);
            case CBRT -> StrictMath.cbrt(x);
            case EXP2 -> exp2(x);
            case POW -> StrictMath.pow(x, y);
            case ATAN2 -> StrictMath.atan2(x, y);
            // log x (2u), the constant 1/ln 2 or 1/ln 10 (u), the product (u): 4u.
            case LOG2 -> CheckedIntrinsics.log(x) * INV_LN2;
            case LOG10 -> CheckedIntrinsics.log(x) * INV_LN10;
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

    /** The bound of {@link #value} in double ulps, before the safety factor; NaN for ops without a first pass. */
    static double ulps(Op op) {
        return switch (op) {
            // The bound CheckedIntrinsics holds these to.
            case EXP, LOG, SIN, COS, TAN -> IntrinsicProbes.ULPS;
            // Math's specified bounds, against which StrictMath's values are tested.
            case ASIN, ACOS, ATAN, EXPM1, LOG1P, CBRT, POW -> 1;
            case ATAN2 -> 2;
            case SINH, COSH -> 2.5;
            // Derived here.
            case EXP2 -> 3;
            case LOG2, LOG10, RSQRT -> 4;
            case TANH -> 6;
            case SIGMOID, SOFTPLUS, ASINH, ACOSH, ATANH -> 8;
            default -> Double.NaN;
        };
    }

    /**
     * tanh through one exponential, at about a third of fdlibm's tanh. With a = |x|:
     *
     * <p>a ≥ 0.55 (e^2a ≥ 3): 1 - 2/(E + 1), E = exp(2a) (2a is exact). E is within 1 ulp ≤ 2u
     * relative, which E + 1 carries with a factor E/(E + 1) < 1; the sum and the quotient round once
     * each: q = 2/(E + 1) ≤ 1/2 is within 4u (first order). 1 - q ≥ 1/2 ≥ q, so q's absolute error is
     * at most 4u of the result, and the subtraction rounds once more: 5u, at most 5 ulps.
     * Overflow of E (a > 354) gives q = 0 and 1, whose error 2e^-2a is far below u.
     *
     * <p>a &lt; 0.55: e/(e + 2), e = expm1(2a) within 1 ulp ≤ 2u. The quotient's sensitivity to
     * e is 2/(e + 2) < 1, so e contributes 2u; the sum and the division round once each: 4u.
     *
     * <p>Both at most 5 ulps, stated as 6; odd symmetry is exact.
     *
     * <p>{@link TanhBlock} computes the same values in another order, from the same two methods below
     * and the same threshold: a change to the steps here must be made there too.
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        double t = a >= TANH_EXP_FORM ? tanhOfExp(CheckedIntrinsics.exp(2 * a)) : tanhOfSmall(a);
        return Math.copySign(t, x);
    }

    /** From this |x| on {@link #tanh} takes the exponential form, below it the expm1 form. */
    static final double TANH_EXP_FORM = 0.55;

    /** tanh a for a ≥ {@link #TANH_EXP_FORM}, from E = exp(2a): 1 - 2/(E + 1) (the bound is derived above). */
    static double tanhOfExp(double e) {
        return 1 - 2 / (e + 1);
    }

    /** tanh a for 0 ≤ a &lt; {@link #TANH_EXP_FORM}: e/(e + 2), e = expm1(2a) (the bound is derived above). */
    static double tanhOfSmall(double a) {
        double e = StrictMath.expm1(2 * a);
        return e / (e + 2);
    }

    /**
     * 2^x = 2^k e^t with k = rint(x), t = (x - k) ln 2, through the checked exp rather than pow. x - k
     * is exact (Sterbenz) and at most 1/2; its product with ln 2 rounded to double (each within u
     * relative) is within 2u of |x - k| ln 2 ≤ 0.35, an absolute 0.7u that e^t turns into a relative
     * 0.7u; exp's own 2u: 2.7u, at most 3 ulps. Scaling by 2^k is exact while the result is normal.
     * Below 2^-1022 it rounds once more, by at most 1/2 ulp, and 2.7u of a subnormal v (u|v| <
     * ulp(v)/2) is at most 1.35 ulps: 1.85 ulps.
     */
    private static double exp2(double x) {
        double k = Math.rint(x);
        return Math.scalb(CheckedIntrinsics.exp((x - k) * LN2), (int) k);
    }

    /**
     * x ≥ 0: 1/(1 + e^-x): exp 2u, the sum 2u, the division u. x < 0: e/(1 + e) with e = e^x: 2u +
     * 3u + u. At most 6u. Below -708 e is a subnormal double within 1 ulp (absolute), 1 + e is 1
     * and the quotient e exactly, while the exact e/(1 + e) differs from e by e² ≈ 2^-2000: 1 ulp.
     */
    private static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + CheckedIntrinsics.exp(-x));
        }
        double e = CheckedIntrinsics.exp(x);
        return e / (1 + e);
    }

    /**
     * log1p(e) with e = e^-|x| (2u), whose condition number is below 1, log1p's 2u; plus max(x, 0) (u).
     * At most 5u. Below -708 e is subnormal within 1 ulp, log1p returns it unchanged (|e| < 2^-54)
     * and the exact log1p(e) is e - e²/2: 1 ulp.
     */
    private static double softplus(double x) {
        double t = StrictMath.log1p(CheckedIntrinsics.exp(-Math.abs(x)));
        return x > 0 ? x + t : t;
    }

    /**
     * log1p(z), z = a + a²/(1 + sqrt(1 + a²)) with a = |x|: every term positive; a² u, 1 + a² 2u, the
     * square root half that plus u, 1 + sqrt 2u, the quotient 4u, z 5u. log1p's condition number
     * z/((1 + z) log1p z) is below 1 for z > 0, and log1p adds its own 2u: at most 7u. Float
     * arguments neither overflow nor underflow a².
     */
    private static double asinh(double x) {
        double a = Math.abs(x);
        double r = StrictMath.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    /**
     * log1p(t + sqrt(t (t + 2))) with t = x - 1 (exact for float arguments below 2^29, else u): t + 2
     * 2u, the product 4u, the square root 3u, the sum 4u; log1p's condition number below 1 and its
     * own 2u: at most 6u.
     */
    private static double acosh(double x) {
        double t = x - 1;
        return StrictMath.log1p(t + Math.sqrt(t * (t + 2)));
    }

    /**
     * log1p(2a/(1 - a))/2 with a = |x| (1 - a exact for float arguments from 2^-29 up, else u): the
     * quotient 2u; log1p's condition number below 1 and its own 2u: at most 4u.
     */
    private static double atanh(double x) {
        double a = Math.abs(x);
        return Math.copySign(0.5 * StrictMath.log1p(2 * a / (1 - a)), x);
    }
}
