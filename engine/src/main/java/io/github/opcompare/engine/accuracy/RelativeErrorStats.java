package io.github.opcompare.engine.accuracy;

/** Maximum and mean relative error of one backend's results, and how many were infinite. */
final class RelativeErrorStats {
    private long defined;
    private long infinite;
    private double max;
    private double sum;

    /**
     * @param relative the result's {@link RelativeError}
     * @param correctNonNumber whether the result is the correctly rounded one and not a finite number
     *     (NaN for NaN, the same infinity, an overflow): the best any backend can return, which no
     *     relative error describes, so it counts nowhere
     */
    void add(double relative, boolean correctNonNumber) {
        if (correctNonNumber || Double.isNaN(relative)) {
            return;
        }
        if (Double.isInfinite(relative)) {
            infinite++;
            return;
        }
        defined++;
        sum += relative;
        max = Math.max(max, relative);
    }

    /** Null when some result's relative error is infinite (no number bounds it), or none has one. */
    Double max() {
        return infinite > 0 || defined == 0 ? null : max;
    }

    Double mean() {
        return defined == 0 ? null : sum / defined;
    }

    long infinite() {
        return infinite;
    }
}
