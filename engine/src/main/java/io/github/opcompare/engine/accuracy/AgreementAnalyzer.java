package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.data.Values;
import io.github.opcompare.engine.result.Agreement;

/** How closely two backends' outputs agree with each other, whatever the exact result. */
public final class AgreementAnalyzer {
    private AgreementAnalyzer() {
    }

    public static Agreement compare(String a, String b, Values x, Values y) {
        if (x.length() != y.length() || x.dtype() != y.dtype()) {
            throw new IllegalArgumentException("Cannot compare " + a + " (" + x.length() + " " + x.dtype() + ") with "
                    + b + " (" + y.length() + " " + y.dtype() + ")");
        }
        int n = x.length();
        long identical = 0;
        long maxSteps = 0;
        boolean undefined = false;
        for (int i = 0; i < n; i++) {
            double u = x.get(i);
            double v = y.get(i);
            // doubleToLongBits maps every NaN to one pattern: any NaN equals any NaN.
            if (Double.doubleToLongBits(u) == Double.doubleToLongBits(v)) {
                identical++;
                continue;
            }
            long s = Steps.between(u, v, x.dtype());
            if (s == Steps.UNDEFINED) {
                undefined = true;
            } else {
                maxSteps = Math.max(maxSteps, s);
            }
        }
        return new Agreement(a, b, n == 0 ? 1.0 : (double) identical / n, undefined ? null : maxSteps);
    }
}
