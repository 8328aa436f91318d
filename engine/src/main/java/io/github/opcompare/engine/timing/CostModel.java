package io.github.opcompare.engine.timing;

import io.github.opcompare.engine.result.CostFit;
import io.github.opcompare.engine.result.SizeTiming;
import java.util.List;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Fits time per call = overhead + size × cost per element to the medians of a size sweep.
 *
 * <p>Sizes span five decades, so plain least squares would let the largest size decide everything
 * and leave the overhead to chance. The fit minimises relative residuals instead, (t − a − b·n) / t,
 * which is ordinary least squares on rows divided by t: regressors 1/t and n/t, response 1, no
 * intercept. Hipparchus's regression gives the parameters' standard errors, which take the misfit
 * of the straight line (caches, thread start-up) into account, not only the noise of the medians.
 */
public final class CostModel {
    private CostModel() {
    }

    /** The fit, or null with fewer than two sizes (or sizes that cannot separate overhead from per-element cost). */
    public static CostFit fit(List<SizeTiming> timings) {
        if (timings.size() < 2 || timings.stream().map(SizeTiming::size).distinct().count() < 2) {
            return null;
        }
        int n = timings.size();
        double[] y = new double[n];
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            double t = timings.get(i).medianNanos();
            y[i] = 1.0;
            x[i][0] = 1.0 / t;
            x[i][1] = timings.get(i).size() / t;
        }
        OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
        regression.setNoIntercept(true);
        try {
            regression.newSampleData(y, x);
            double[] beta = regression.estimateRegressionParameters();
            Double overheadErr = null;
            Double perElementErr = null;
            if (n > 2) {
                double[] errors = regression.estimateRegressionParametersStandardErrors();
                overheadErr = errors[0];
                perElementErr = errors[1];
            }
            double worst = 0;
            for (SizeTiming t : timings) {
                double fitted = beta[0] + beta[1] * t.size();
                worst = Math.max(worst, Math.abs(t.medianNanos() - fitted) / t.medianNanos());
            }
            return new CostFit(beta[0], overheadErr, beta[1], perElementErr, n, worst);
        } catch (MathRuntimeException e) {
            return null; // singular: the sizes cannot tell the two costs apart
        }
    }
}
