package io.github.opcompare.engine.check;

/**
 * A metric's value for one case and backend, or why there is none.
 *
 * @param value null when undefined, not measured or unknown
 * @param undefined true when the metric exists but has no finite value (maxUlp with a NaN result):
 *     that fails a maximum, since it is worse than any number
 * @param unknown true when the metric should have a value but the run that measures it failed (the
 *     special inputs crashed the backend): that fails any limit, since nothing vouches for it
 * @param why what is missing, when value is null
 */
record Measured(Double value, boolean undefined, boolean unknown, String why) {
    static Measured of(double value) {
        return new Measured(value, false, false, null);
    }

    static Measured undefined(String why) {
        return new Measured(null, true, false, why);
    }

    static Measured notMeasured(String why) {
        return new Measured(null, false, false, why);
    }

    /** @param why the failure, written to be followed by "so … cannot be checked" */
    static Measured unknown(String why) {
        return new Measured(null, false, true, why);
    }
}
