package io.github.opcompare.engine.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a rule's limit can bound, read from the result model. Each knows which way is better, so
 * that a baseline comparison can tell a regression from an improvement.
 */
public enum Metric {
    MAX_ULP("maxUlp", Kind.REAL, false),
    MEAN_ULP("meanUlp", Kind.REAL, false),
    /**
     * Largest |computed - exact| / |exact| of a reduction, softmax or matmul ({@code Accuracy.maxRelativeError});
     * not measured for elementwise ops, whose ulp error says more.
     */
    MAX_RELATIVE_ERROR("maxRelativeError", Kind.REAL, false),
    CORRECTLY_ROUNDED("correctlyRounded", Kind.FRACTION, true),
    MAX_STEPS("maxSteps", Kind.COUNT, false),
    /** Share of outputs bit-identical to a named other backend's ({@code <with>}). */
    AGREEMENT("agreement", Kind.FRACTION, true),
    REPRODUCIBLE("reproducible", Kind.BOOLEAN, true),
    /**
     * Results where a special value stands for a number or the reverse: NaN where the exact result
     * is a number, a finite result where it is infinite (a pole, log(0)), and the reverse. These are
     * the results whose ulp error is undefined ({@code Accuracy.undefinedUlp}).
     */
    SPECIAL_MISMATCHES("specialMismatches", Kind.COUNT, false),
    /** Median time per call at one size ({@code <size>}; default the largest timed). */
    MEDIAN_NANOS("medianNanos", Kind.REAL, false);

    /** How values are written in limits and messages. */
    public enum Kind {
        REAL, COUNT,
        /** A share from 0 to 1; limits may be written as a percentage ({@code 99%}). */
        FRACTION,
        /** true or false, compared as 1 and 0. */
        BOOLEAN
    }

    private final String id;
    private final Kind kind;
    private final boolean higherIsBetter;

    Metric(String id, Kind kind, boolean higherIsBetter) {
        this.id = id;
        this.kind = kind;
        this.higherIsBetter = higherIsBetter;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether {@code current} is worse than {@code before}. */
    public boolean worse(double current, double before) {
        return higherIsBetter ? current < before : current > before;
    }

    /** Looks a metric up by id, ignoring case; the error names the culprit and lists the valid metrics. */
    public static Metric of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Metric m : values()) {
            if (m.id.toLowerCase(Locale.ROOT).equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + id + "'; valid metrics are: " + validIds());
    }

    public static String validIds() {
        return Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", "));
    }

    /** A value of this metric as messages show it: {@code 4880.0}, {@code 3}, {@code 82.93%}, {@code true}. */
    public String format(double value, boolean asPercent) {
        return switch (kind) {
            case COUNT -> Long.toString((long) value);
            case BOOLEAN -> value >= 1 ? "true" : "false";
            case FRACTION -> asPercent ? Percent.format(value) : Double.toString(value);
            case REAL -> Double.toString(value);
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
