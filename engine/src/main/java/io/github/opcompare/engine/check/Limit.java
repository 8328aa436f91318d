package io.github.opcompare.engine.check;

/**
 * A checked limit on one metric.
 *
 * @param with the other backend (agreement only), else null
 * @param size the size of the timing (medianNanos only); null for the largest timed
 * @param minimum null when there is none
 * @param maximum null when there is none
 */
public record Limit(Metric metric, String with, Long size, Bound minimum, Bound maximum) {

    /** How messages name what is measured: {@code maxUlp}, {@code agreement with jdk}, {@code medianNanos at size 1000}. */
    public String subject() {
        if (with != null) {
            return metric.id() + " with " + with;
        }
        return size != null ? metric.id() + " at size " + size : metric.id();
    }
}
