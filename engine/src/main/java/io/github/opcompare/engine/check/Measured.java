package io.github.opcompare.engine.check;

/**
 * A metric's value for one case and backend, or why there is none.
 *
 * @param value null when undefined or not measured
 * @param undefined true when the metric exists but has no finite value (maxUlp with a NaN result):
 *     that fails a maximum, since it is worse than any number
 * @param why what is missing, when value is null
 */
record Measured(Double value, boolean undefined, String why) {
    static Measured of(double value) {
        return new Measured(value, false, null);
    }

    static Measured undefined(String why) {
        return new Measured(null, true, why);
    }

    static Measured notMeasured(String why) {
        return new Measured(null, false, why);
    }
}
