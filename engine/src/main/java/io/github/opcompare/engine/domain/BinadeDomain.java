package io.github.opcompare.engine.domain;

import java.util.SplittableRandom;

/**
 * binades(lo,hi) and -binades(lo,hi): log2|x| uniform in [log2 lo, log2 hi], so that every
 * binade between lo and hi gets the same share of samples (accuracy problems live in particular
 * exponent ranges, which a uniform draw would all but miss).
 */
final class BinadeDomain extends RandomDomain {
    private final double lo;
    private final double hi;
    private final double log2Lo;
    private final double log2Hi;
    private final double sign;

    BinadeDomain(String expression, double lo, double hi, boolean negative) {
        super(expression);
        this.lo = lo;
        this.hi = hi;
        this.log2Lo = log2(lo);
        this.log2Hi = log2(hi);
        this.sign = negative ? -1 : 1;
    }

    @Override
    double draw(SplittableRandom random) {
        double t = log2Lo + (log2Hi - log2Lo) * random.nextDouble();
        double x = Math.min(hi, Math.max(lo, Math.pow(2, t)));
        return sign * x;
    }

    /** Only the spread of exponents depends on this, so an ulp or two of error in log2 is harmless. */
    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
