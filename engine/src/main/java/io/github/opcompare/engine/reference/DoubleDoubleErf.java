package io.github.opcompare.engine.reference;

/**
 * Double-double erf and erfc, each with the relative error bound of its own evaluation (it varies
 * with x: erfc = 1 - erf cancels). The caller escalates where the bound cannot decide the rounding.
 */
final class DoubleDoubleErf {
    /** Beyond this erf is ±1 to within 2^-55 in every dtype (erfc(6) ≈ 2.2e-17). */
    static final double ERF_SATURATES = 6;
    /** From here erfc uses its continued fraction; below, 1 - erf, losing at most erf/erfc ≈ 2^15. */
    static final double CONTINUED_FRACTION_FROM = 3;
    /**
     * Below 3, from here on, the continued fraction takes over where 1 - erf's wider bound leaves the
     * rounding open: about 660 terms at 1, 90 at 3, against a fraction of a second of apfloat.
     */
    static final double FRACTION_FALLBACK_FROM = 0.75;
    private static final int MAX_FRACTION_TERMS = 5000;

    /** A value with its relative error bound. */
    record Approx(ExactValue value, double bound) {
    }

    private DoubleDoubleErf() {
    }

    /**
     * erf x for 2^-1000 ≤ |x| < 6: (2/√π) x e^-x² Σ (2x²)^k / (1·3···(2k+1)), a series of positive terms
     * (no cancellation, unlike the alternating Taylor series). Term k carries at most 9k u² of rounding,
     * at most 200 terms, so the sum is within 2^-94; e^-x² (x² exact by TwoProduct) within 2^-80;
     * the constant 2^-106. Bound 2^-78. Tiny |x| (below 2^-500) is scaled up by 2^600 first so that
     * no product underflows, and the scale is carried in the result.
     */
    static ExactValue erf(double x) {
        double a = Math.abs(x);
        if (a < 0x1p-500) {
            // erf x = (2/√π) x (1 - x²/3 + ...): the x² term is below 2^-1000 relative.
            ExactValue v = ExactValue.of(Constants.TWO_OVER_SQRT_PI.mul(Math.scalb(a, 600)), -600);
            return x < 0 ? new ExactValue(-v.hi(), -v.lo(), v.scale()) : v;
        }
        DoubleDouble x2 = DoubleDouble.twoProduct(a, a);
        DoubleDouble twoX2 = x2.scalb(1);
        DoubleDouble term = DoubleDouble.ONE;
        DoubleDouble sum = DoubleDouble.ONE;
        for (int k = 1; k < 1000; k++) {
            term = term.mul(twoX2).div(2.0 * k + 1);
            sum = sum.add(term);
            if (term.hi() < sum.hi() * 0x1p-110) {
                break;
            }
        }
        ExactValue e = DoubleDoubleExpLog.exp(x2.negate());
        DoubleDouble ed = new DoubleDouble(e.hi(), e.lo()).scalb(e.scale());
        DoubleDouble v = Constants.TWO_OVER_SQRT_PI.mul(a).mul(ed).mul(sum);
        return ExactValue.of(x < 0 ? v.negate() : v, 0);
    }

    /**
     * erfc x for -6 < x < 27.3, x not tiny. x ≤ 0: 1 + erf|x| (no cancellation, bound 2^-78).
     * 0 < x < 3: 1 - erf x, whose bound 2^-78 grows by erf/erfc (at most 2^15 here). x ≥ 3: the
     * continued fraction erfc x = e^-x²/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), whose
     * numerators are positive, so successive convergents bracket the value: the difference of the
     * last two bounds the truncation rigorously; rounding adds 30u² per term. Null when the fraction
     * does not settle within its term limit.
     *
     * <p>Between {@link #FRACTION_FALLBACK_FROM} and 3, where 1 - erf's bound (up to 2^-63) leaves
     * the rounding open in some binary format of at most 53 bits, the continued fraction is taken
     * instead (the same rigorous bound as above, with more terms): those arguments, about one in
     * 2^12 near 3, used to go to apfloat, whose erfc there costs a quarter of a second each.
     */
    static Approx erfc(double x) {
        if (x < CONTINUED_FRACTION_FROM) {
            Approx direct = complementOfErf(x);
            DoubleDouble v = new DoubleDouble(direct.value().hi(), direct.value().lo());
            if (x >= FRACTION_FALLBACK_FROM && !RoundingCells.settlesEveryFormat(v, Math.max(direct.bound(), 0x1p-78))) {
                Approx fraction = continuedFraction(x);
                if (fraction != null) {
                    return fraction;
                }
            }
            return direct;
        }
        return continuedFraction(x);
    }

    /** 1 ± erf|x| for |x| < 3 with erf's 2^-78 grown by erf/erfc where the difference cancels. */
    static Approx complementOfErf(double x) {
        ExactValue erf = erf(Math.abs(x));
        DoubleDouble e = new DoubleDouble(erf.hi(), erf.lo()).scalb(erf.scale());
        DoubleDouble v = x <= 0 ? e.add(1.0) : DoubleDouble.ONE.sub(e);
        double bound = 0x1p-78 * Math.max(1, Math.abs(e.hi() / v.hi()));
        return new Approx(ExactValue.of(v, 0), bound);
    }

    /** erfc x by the continued fraction above, for x > 0; null when it does not settle. */
    static Approx continuedFraction(double x) {
        // Wallis recurrences A_n = x A_{n-1} + a_n A_{n-2}, B likewise, a_1 = 1, a_n = (n-1)/2.
        DoubleDouble aPrev = DoubleDouble.ONE;
        DoubleDouble a = DoubleDouble.ZERO;
        DoubleDouble bPrev = DoubleDouble.ZERO;
        DoubleDouble b = DoubleDouble.ONE;
        DoubleDouble previous = null;
        for (int n = 1; n <= MAX_FRACTION_TERMS; n++) {
            double an = n == 1 ? 1.0 : (n - 1) / 2.0;
            DoubleDouble aNext = a.mul(x).add(aPrev.mul(an));
            DoubleDouble bNext = b.mul(x).add(bPrev.mul(an));
            aPrev = a;
            bPrev = b;
            a = aNext;
            b = bNext;
            // Rescale to keep the recurrences in range; the ratio is unchanged.
            DoubleDouble inv = DoubleDouble.ONE.div(b);
            a = a.mul(inv);
            aPrev = aPrev.mul(inv);
            bPrev = bPrev.mul(inv);
            b = DoubleDouble.ONE;
            DoubleDouble f = a;
            if (previous != null) {
                double gap = Math.abs(f.sub(previous).hi() / f.hi());
                if (gap < 0x1p-100) {
                    ExactValue e = DoubleDoubleExpLog.exp(DoubleDouble.twoProduct(x, x).negate());
                    DoubleDouble scaled = Constants.INV_SQRT_PI.mul(new DoubleDouble(e.hi(), e.lo()));
                    ExactValue v = ExactValue.of(scaled.mul(f), e.scale());
                    return new Approx(v, 0x1p-79 + gap + n * 30 * 0x1p-106);
                }
            }
            previous = f;
        }
        return null;
    }
}
