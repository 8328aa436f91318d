package io.github.opcompare.engine.timing;

import io.github.opcompare.engine.result.Outliers;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Classifies samples by Tukey's fences: beyond 1.5 interquartile ranges from the quartiles a sample
 * is a mild outlier, beyond 3 a severe one. Quartiles by linear interpolation between order
 * statistics (Hyndman and Fan's type 7, the default of R and NumPy), so they can be checked by hand.
 */
public final class TukeyFences {
    static final double MILD = 1.5;
    static final double SEVERE = 3.0;

    private TukeyFences() {
    }

    public static Outliers classify(double[] samples) {
        if (samples.length < 4) {
            return new Outliers(0, 0, 0, 0); // quartiles of fewer samples say nothing
        }
        double[] q = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).evaluate(samples, 0.25, 0.75);
        double iqr = q[1] - q[0];
        int lowSevere = 0;
        int lowMild = 0;
        int highMild = 0;
        int highSevere = 0;
        for (double s : samples) {
            if (s < q[0] - SEVERE * iqr) {
                lowSevere++;
            } else if (s < q[0] - MILD * iqr) {
                lowMild++;
            } else if (s > q[1] + SEVERE * iqr) {
                highSevere++;
            } else if (s > q[1] + MILD * iqr) {
                highMild++;
            }
        }
        return new Outliers(lowSevere, lowMild, highMild, highSevere);
    }
}
