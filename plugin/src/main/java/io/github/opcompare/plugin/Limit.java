package io.github.opcompare.plugin;

import io.github.opcompare.engine.check.LimitSpec;

/** One {@code <limit>} of a rule: a metric and its minimum, maximum or both. */
public class Limit {
    /** maxUlp, meanUlp, maxRelativeError, correctlyRounded, maxSteps, agreement, reproducible, specialMismatches or medianNanos. */
    private String metric;
    /** Smallest allowed value; a share may be a percentage ({@code 99%}). */
    private String minimum;
    /** Largest allowed value. */
    private String maximum;
    /** For agreement: the other backend. */
    private String with;
    /** For medianNanos: the size timed; default the largest. */
    private String size;

    LimitSpec toSpec() {
        return new LimitSpec(metric, minimum, maximum, with, size);
    }
}
