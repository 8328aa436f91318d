package io.github.opcompare.engine.accuracy;

/**
 * Condition numbers of the reductions whose relative error can be large for a reason that lies in the
 * data, not in the algorithm. A sum computed by any recursive or pairwise method has a relative error
 * bounded by about (n u) Σ|x_i| / |Σ x_i| (Higham, Accuracy and Stability of Numerical Algorithms, §4.2),
 * so a reader who sees a relative error of 1e-3 next to a condition number of 1e10 knows it is
 * cancellation. For logsumexp the condition number is Σ|x_i| softmax(x)_i / |logsumexp(x)| (Blanchard,
 * Higham and Higham, Accurately computing the log-sum-exp and softmax functions, IMA J. Numer. Anal.
 * 2021, §2). Both need only a few correct digits, so they are formed in double precision, divided by
 * the exact result.
 */
public final class ConditionNumber {
    private ConditionNumber() {
    }

    /**
     * Σ|x_i| / |exact| for a sum, or for a mean with {@code divisor} n (the mean's exact value times n is
     * the exact sum); null when infinite or undefined: an exact 0, or an input that is not finite.
     */
    public static Double ofSum(double[] x, double divisor, double hi, double lo, int scale) {
        if (hi == 0 || !Double.isFinite(hi)) {
            return null;
        }
        double largest = 0;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return null;
            }
            largest = Math.max(largest, Math.abs(v));
        }
        // Σ|x_i| scaled so that it cannot overflow (float64 vectors near the largest double).
        int e = Math.getExponent(largest);
        double absSum = 0;
        for (double v : x) {
            absSum += Math.scalb(Math.abs(v), -e);
        }
        double ratio = absSum / (Math.abs(hi + lo) * divisor);
        return finite(Math.scalb(ratio, e - scale));
    }

    /** Σ|x_i| softmax(x)_i / |exact|, with exact = logsumexp(x); null where infinite or undefined. */
    public static Double ofLogSumExp(double[] x, double hi, double lo, int scale) {
        if (hi == 0 || !Double.isFinite(hi) || scale != 0) {
            return null;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                return null;
            }
            m = Math.max(m, v);
        }
        if (m == Double.NEGATIVE_INFINITY) {
            return null;
        }
        double weights = 0;
        double weighted = 0;
        for (double v : x) {
            if (v == Double.NEGATIVE_INFINITY) {
                continue; // softmax weight 0, and |x| e^x -> 0 as x -> -Infinity
            }
            double w = Math.exp(v - m);
            weights += w;
            weighted += Math.abs(v) * w;
        }
        return finite(weighted / weights / Math.abs(hi + lo));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
