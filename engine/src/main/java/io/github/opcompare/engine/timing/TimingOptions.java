package io.github.opcompare.engine.timing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the timing options as users write them: sizes {@code 100,1e4,10^6} and budgets {@code 4s}, {@code 500ms}. */
public final class TimingOptions {
    /** Largest size: an int index into a Java array, and still a file of 2^31 elements at most. */
    static final long MAX_SIZE = Integer.MAX_VALUE;
    private static final Pattern POWER = Pattern.compile("(\\d+)\\s*(?:e|\\^)\\s*(\\d+)");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min)?");

    private TimingOptions() {
    }

    /** The sizes that mean no timing. Maven passes an empty element as unset (the defaults), so a POM needs a word. */
    public static final String NO_SIZES = "none";

    /** The word for the full sweep, 10^2 to 10^7 elements: where the cost model and the thread comparison need every decade. */
    public static final String FULL_SIZES = "full";
    public static final String FULL_SIZE_LIST = "1e2,1e3,1e4,1e5,1e6,1e7";
    /**
     * The default sizes: where the fixed cost of a call shows (10^3), where the cost per element does
     * (10^6, also where threads pay off, and the sizes the JMH cross-check checks), and 10^5 between:
     * without it 10^6 is predicted from 10^3 alone, a thousandfold step that a call's fixed cost
     * inflates so much that 10^6 never seemed to fit a 1 s budget (a run left it out for 33 of 61
     * backends). Half the full sweep's sizes; {@code full} gives all six.
     */
    public static final String DEFAULT_SIZE_LIST = "1e3,1e5,1e6";

    /**
     * A comma-separated list of sizes, each an integer ({@code 1000}), a power of ten ({@code 1e6}) or
     * a power ({@code 10^6}); sorted and without duplicates. {@code full} is the full sweep
     * ({@value #FULL_SIZE_LIST}), {@code none} (and blank, for callers
     * outside Maven) means no timing.
     */
    public static List<Integer> sizes(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase(NO_SIZES)) {
            return List.of();
        }
        if (text.strip().equalsIgnoreCase(FULL_SIZES)) {
            return sizes(FULL_SIZE_LIST);
        }
        TreeSet<Integer> sizes = new TreeSet<>();
        for (String part : text.split(",")) {
            String item = part.strip().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            sizes.add(size(item, text));
        }
        return new ArrayList<>(sizes);
    }

    private static int size(String item, String text) {
        double value;
        Matcher power = POWER.matcher(item);
        try {
            if (power.matches()) {
                double base = Double.parseDouble(power.group(1));
                value = item.contains("^") ? Math.pow(base, Integer.parseInt(power.group(2)))
                        : base * Math.pow(10, Integer.parseInt(power.group(2)));
            } else if (item.matches("\\d+")) {
                value = Double.parseDouble(item);
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid size '" + item + "' in sizes '" + text
                    + "'; write whole numbers such as 1000, 1e6 or 10^6, comma-separated, " + FULL_SIZES + " for " + FULL_SIZE_LIST + ", or " + NO_SIZES + " for no timing");
        }
        if (value < 1 || value > MAX_SIZE) {
            throw new IllegalArgumentException("Size '" + item + "' in sizes '" + text + "' is out of range; sizes go from 1 to "
                    + MAX_SIZE);
        }
        return (int) value;
    }

    /** A duration such as {@code 4s}, {@code 1.5s}, {@code 500ms}, {@code 2m} or {@code 0} (no timing); a bare number is seconds. */
    public static Duration duration(String name, String text) {
        String item = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(item);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "'; write a duration such as 4s, 1.5s, 500ms or 2m");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanos = switch (unit) {
            case "ms" -> amount * 1e6;
            case "m", "min" -> amount * 60e9;
            default -> amount * 1e9;
        };
        return Duration.ofNanos((long) nanos);
    }
}
