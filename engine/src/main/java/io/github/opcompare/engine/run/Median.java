package io.github.opcompare.engine.run;

import java.util.List;

/** Median of timing samples (Commons Statistics); the timing issue adds intervals and outliers. */
final class Median {
    private Median() {
    }

    static double of(List<Double> samples) {
        double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
        return org.apache.commons.statistics.descriptive.Median.withDefaults().evaluate(values);
    }
}
