package io.github.opcompare.engine.reference;

/**
 * Double-double sinh, cosh, sigmoid and softplus from e^x and expm1, arranged so that no
 * subtraction cancels more than a factor of 2.6 (bounds stated per function; u = 2^-53).
 */
final class DoubleDoubleHyperbolic {
    /** Beyond 40, e^-|x| is below 2^-57 |e^x| and its square below 2^-115: terms that only matter squared drop out. */
    static final double LARGE = 40;

    private DoubleDoubleHyperbolic() {
    }

    /**
     * sinh x for |x| < 1500. |x| ≤ 1/2: (em + em/(em + 1))/2 with em = expm1(x), both terms of one
     * sign. Up to 40: (e - 1/e)/2 with e = e^|x| ≥ 1.65, cancelling at most (e + 1/e)/(e - 1/e) ≤ 2.2.
     * Beyond: e^|x|/2, the dropped e^-|x| being 2^-115 relative. Bound 2^-78.
     */
    static ExactValue sinh(double x) {
        double a = Math.abs(x);
        ExactValue r;
        if (a <= 0.5) {
            DoubleDouble em = DoubleDoubleMath.expm1Small(DoubleDouble.of(a));
            r = ExactValue.of(em.add(em.div(em.add(1.0))).scalb(-1), 0);
        } else if (a <= LARGE) {
            DoubleDouble e = dd(DoubleDoubleMath.exp(a));
            r = ExactValue.of(e.sub(DoubleDouble.ONE.div(e)).scalb(-1), 0);
        } else {
            ExactValue e = DoubleDoubleMath.exp(a);
            r = ExactValue.normalized(e.hi(), e.lo(), e.scale() - 1);
        }
        return x < 0 ? negate(r) : r;
    }

    /** cosh x for |x| < 1500: (e + 1/e)/2, no cancellation; beyond 40, e/2. Bound 2^-79. */
    static ExactValue cosh(double x) {
        double a = Math.abs(x);
        ExactValue e = DoubleDoubleMath.exp(a);
        if (a > LARGE) {
            return ExactValue.normalized(e.hi(), e.lo(), e.scale() - 1);
        }
        DoubleDouble d = dd(e);
        return ExactValue.of(d.add(DoubleDouble.ONE.div(d)).scalb(-1), 0);
    }

    /**
     * 1/(1 + e^-x) for -800 < x ≤ 40. x ≥ 0: 1/(1 + e^-x). x < 0: e/(1 + e) with e = e^x; below -40
     * e(1 - e), the dropped e² being below 2^-115 relative (e may then be scaled far below the double
     * range). Bound 2^-79.
     */
    static ExactValue sigmoid(double x) {
        if (x >= 0) {
            DoubleDouble e = dd(DoubleDoubleMath.exp(-x));
            return ExactValue.of(DoubleDouble.ONE.div(e.add(1.0)), 0);
        }
        ExactValue e = DoubleDoubleMath.exp(x);
        if (x < -LARGE) {
            return timesOneMinus(e, Math.exp(x));
        }
        DoubleDouble d = dd(e);
        return ExactValue.of(d.div(d.add(1.0)), 0);
    }

    /**
     * log(1 + e^x) for -800 < x ≤ 40. x ≤ 0: log1p(e^x), below -40 e(1 - e/2) (dropped terms 2^-115
     * relative). x > 0: x + log1p(e^-x), two positive terms. Bound 2^-78.
     */
    static ExactValue softplus(double x) {
        if (x > 0) {
            DoubleDouble e = dd(DoubleDoubleMath.exp(-x));
            return ExactValue.of(DoubleDoubleExpLog.log1p(e).add(x), 0);
        }
        ExactValue e = DoubleDoubleMath.exp(x);
        if (x < -LARGE) {
            return timesOneMinus(e, Math.exp(x) / 2);
        }
        return ExactValue.of(DoubleDoubleExpLog.log1p(dd(e)), 0);
    }

    /** v * (1 - small) for a tiny correction (small < 2^-57), keeping v's scale. */
    private static ExactValue timesOneMinus(ExactValue v, double small) {
        DoubleDouble d = new DoubleDouble(v.hi(), v.lo()).mul(DoubleDouble.twoSum(1.0, -small));
        return ExactValue.normalized(d.hi(), d.lo(), v.scale());
    }

    /** The double-double of a value with scale 0 (all callers stay inside the double range). */
    private static DoubleDouble dd(ExactValue v) {
        return new DoubleDouble(v.hi(), v.lo()).scalb(v.scale());
    }

    private static ExactValue negate(ExactValue v) {
        return new ExactValue(-v.hi(), -v.lo(), v.scale());
    }
}
