package io.github.opcompare.engine.dtype;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A binary floating-point format that ops are compared in.
 *
 * <p>Values of every dtype are carried in Java {@code double}s inside the engine: each value is
 * exactly representable in its dtype, and a double holds every float32 exactly. Float16 and
 * bfloat16 join here later; the ulp arithmetic is written in terms of {@link #precision()} and
 * the exponent range so that they need no new code.
 */
public enum DType {
    FLOAT32("float32", 4, 24, -126, 127),
    FLOAT64("float64", 8, 53, -1022, 1023);

    private final String id;
    private final int bytes;
    private final int precision;
    private final int minExponent;
    private final int maxExponent;

    DType(String id, int bytes, int precision, int minExponent, int maxExponent) {
        this.id = id;
        this.bytes = bytes;
        this.precision = precision;
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
    }

    /** The name used in configuration, results.json and the worker protocol ({@code float32}). */
    public String id() {
        return id;
    }

    public int bytes() {
        return bytes;
    }

    /** Significand precision p in bits, counting the implicit bit (24 for float32). */
    public int precision() {
        return precision;
    }

    /** Exponent of the smallest normal number (-126 for float32). */
    public int minExponent() {
        return minExponent;
    }

    /** Exponent of the largest finite number (127 for float32). */
    public int maxExponent() {
        return maxExponent;
    }

    /** Rounds a double to the nearest value of this dtype (ties to even), as IEEE 754 conversion does. */
    public double round(double value) {
        return this == FLOAT32 ? (double) (float) value : value;
    }

    /** True when the value is exactly representable in this dtype. */
    public boolean represents(double value) {
        return Double.isNaN(value) || round(value) == value;
    }

    /** Java's round-trip text for a value of this dtype ({@code "0.99999994"}, {@code "-0.0"}, {@code "NaN"}). */
    public String format(double value) {
        return this == FLOAT32 ? Float.toString((float) value) : Double.toString(value);
    }

    /** Parses the text {@link #format} writes, and any Java float literal, rounding to this dtype. */
    public double parse(String text) {
        return this == FLOAT32 ? (double) Float.parseFloat(text) : Double.parseDouble(text);
    }

    /** Looks up a dtype by its id; the error names the culprit and lists the valid choices. */
    public static DType of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (DType d : values()) {
            if (d.id.equals(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown dtype '" + id + "'; valid dtypes are: " + validIds());
    }

    public static String validIds() {
        return Arrays.stream(values()).map(DType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
