package io.github.opcompare.engine.accuracy;

/**
 * Relative error |computed - exact| / |exact| against the exact value (hi + lo) * 2^scale, not against
 * its rounding: a reduction's or a dot product's error is stated this way in the literature (Higham,
 * Accuracy and Stability of Numerical Algorithms, ch. 3-4), next to the ulp error of the final result.
 */
public final class RelativeError {
    private RelativeError() {
    }

    /**
     * @return the relative error; 0 for a zero result against an exact 0 (of either sign); +Infinity
     *     for a nonzero result against an exact 0 and for a result that is not a finite number where
     *     the exact value is one, or the reverse; NaN where there is no number to compare (both NaN,
     *     or the same infinity)
     */
    public static double of(double computed, double hi, double lo, int scale) {
        if (Double.isNaN(hi) || Double.isInfinite(hi)) {
            return computed == hi || (Double.isNaN(hi) && Double.isNaN(computed)) ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        if (!Double.isFinite(computed)) {
            return Double.POSITIVE_INFINITY;
        }
        if (hi == 0) {
            return computed == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        // Beyond the double range the exact value carries a scale: bring the result to the same scale.
        double c = scale == 0 ? computed : Math.scalb(computed, -scale);
        if (Double.isInfinite(c)) {
            return Double.POSITIVE_INFINITY;
        }
        // c - hi is exact when c is within a factor 2 of hi (Sterbenz), the only case where digits matter.
        double difference = (c - hi) - lo;
        return Math.abs(difference) / Math.abs(hi + lo);
    }
}
