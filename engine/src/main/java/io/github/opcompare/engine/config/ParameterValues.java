package io.github.opcompare.engine.config;

import io.github.opcompare.engine.timing.TimingOptions;
import java.time.Duration;
import java.util.Locale;

/**
 * Parses the scalar parameters of the goals (flags, counts, durations) from the text the user wrote,
 * in the POM or with {@code -Dopcompare.*}. Every mistake is an {@link IllegalArgumentException}
 * that names the parameter, the value and what would be valid.
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * {@code true} or {@code false}, in any letter case. The goals take flags as text because Maven's
     * own conversion reads anything else ({@code yes}, {@code 1}, {@code ture}) as false without a word:
     * {@code -Dopcompare.tfDeterministicOps=1} would pass TF_DETERMINISTIC_OPS=0, the opposite.
     */
    public static boolean flag(String name, String text) {
        Boolean value = optionalFlag(name, text);
        if (value == null) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "'; write true or false");
        }
        return value;
    }

    /** A flag that may be left unset: null for null or blank, else as {@link #flag}. */
    public static Boolean optionalFlag(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("Invalid " + name + " '" + text + "'; write true or false");
        };
    }

    /**
     * A whole number of at least {@code minimum}.
     *
     * @param meaning what the number counts, for the message ({@code "how many times each case runs"})
     */
    public static int wholeNumber(String name, String text, int minimum, String meaning) {
        String t = text == null ? "" : text.strip();
        int value;
        try {
            value = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "'; write a whole number of at least " + minimum
                    + " (" + meaning + ")");
        }
        if (value < minimum) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "': it must be at least " + minimum + " ("
                    + meaning + ")");
        }
        return value;
    }

    /**
     * A duration as {@link TimingOptions#duration} reads it ({@code 4s}, {@code 500ms}, {@code 2m}, a
     * bare number in seconds), of at least {@code minimum}.
     *
     * @param examples valid values, for the message ({@code "600 (seconds), 90s or 10m"})
     * @param meaning what the duration bounds, for the message
     */
    public static Duration duration(String name, String text, Duration minimum, String examples, String meaning) {
        String valid = "; write one " + (minimum.isZero() ? "" : "of at least " + seconds(minimum) + ", ") + "such as " + examples
                + " (" + meaning + ")";
        if (text != null && text.strip().startsWith("-")) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "': a duration cannot be negative" + valid);
        }
        Duration value;
        try {
            value = TimingOptions.duration(name, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "': not a duration" + valid, e);
        }
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "': it is under " + seconds(minimum) + valid);
        }
        return value;
    }

    /** {@code 1s}, {@code 0.5s}, {@code 0}: how the messages write a minimum. */
    private static String seconds(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }
}
