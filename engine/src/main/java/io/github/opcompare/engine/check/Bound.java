package io.github.opcompare.engine.check;

import java.util.Locale;

/**
 * A limit's minimum or maximum: the value, and the text the user wrote, which messages repeat
 * ({@code expected minimum is 99%}).
 *
 * @param percent whether it was written as a percentage; the actual value is then shown as one too
 */
public record Bound(double value, String text, boolean percent) {

    /** Parses a bound for the metric; the error names the text and says what is accepted. */
    static Bound parse(String raw, Metric metric) {
        String text = raw.trim();
        if (metric.kind() == Metric.Kind.BOOLEAN) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1" -> new Bound(1, "true", false);
                case "false", "0" -> new Bound(0, "false", false);
                default -> throw new IllegalArgumentException("invalid limit '" + raw + "' for " + metric.id() + "; write true or false");
            };
        }
        boolean percent = text.endsWith("%");
        if (percent && metric.kind() != Metric.Kind.FRACTION) {
            throw new IllegalArgumentException("invalid limit '" + raw + "' for " + metric.id()
                    + ": a percentage fits only a share (correctlyRounded, agreement); write a number");
        }
        double value;
        try {
            value = Double.parseDouble(percent ? text.substring(0, text.length() - 1).trim() : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid limit '" + raw + "' for " + metric.id() + "; write a number"
                    + (metric.kind() == Metric.Kind.FRACTION ? " from 0 to 1 or a percentage (99%)" : ""));
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("invalid limit '" + raw + "' for " + metric.id() + "; write a number");
        }
        if (percent) {
            value /= 100;
        }
        if (metric.kind() == Metric.Kind.FRACTION && (value < 0 || value > 1)) {
            throw new IllegalArgumentException("invalid limit '" + raw + "' for " + metric.id() + ": a share lies from 0 to 1 (0% to 100%)");
        }
        // Errors, counts and times are never negative: a maximum below 0 would fail every result, a minimum below 0 none.
        if (value < 0) {
            throw new IllegalArgumentException("invalid limit '" + raw + "' for " + metric.id() + ": " + metric.id()
                    + " is never negative; write a number of 0 or more");
        }
        return new Bound(value, text, percent);
    }
}
