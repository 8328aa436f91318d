package io.github.opcompare.worker.dtype;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A binary floating-point format that ops are compared in.
 *
 * <p>Values of every dtype are carried in Java {@code double}s inside the engine: each value is
 * exactly representable in its dtype, and a double holds every value of the narrower formats
 * exactly. The ulp arithmetic is written in terms of {@link #precision()} and the exponent range,
 * so the 16-bit formats need no code of their own beyond their encoding.
 */
public enum DType {
    /** IEEE 754 binary16: 11-bit significand, exponents -14 to 15, largest finite 65504. */
    FLOAT16("float16", 2, 11, -14, 15),
    /** Google's brain float: float32's exponent range with an 8-bit significand (the top half of a float32). */
    BFLOAT16("bfloat16", 2, 8, -126, 127),
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

    /** The largest finite value ((2 - 2^(1-p)) * 2^emax). */
    public double maxValue() {
        return Math.scalb(2.0 - Math.scalb(1.0, 1 - precision), maxExponent);
    }

    /** The smallest positive normal value (2^emin). */
    public double minNormal() {
        return Math.scalb(1.0, minExponent);
    }

    /** The smallest positive subnormal value (2^(emin-p+1)). */
    public double minSubnormal() {
        return Math.scalb(1.0, minExponent - precision + 1);
    }

    /** True for the 16-bit formats, which Java has no primitive type for. */
    public boolean isHalfWidth() {
        return bytes == 2;
    }

    /** Rounds a double to the nearest value of this dtype (ties to even), as IEEE 754 conversion does. */
    public double round(double value) {
        return switch (this) {
            case FLOAT64 -> value;
            case FLOAT32 -> (double) (float) value;
            // One rounding from the double: the double holds the value exactly, so nothing rounds twice.
            default -> NarrowRounding.round(value, precision, minExponent, maxValue());
        };
    }

    /**
     * The bit pattern of a value of this dtype in its storage format (the low {@link #bytes()} * 8
     * bits); the value is rounded first. NaN becomes the format's quiet NaN.
     */
    public long encode(double value) {
        return switch (this) {
            case FLOAT64 -> Double.doubleToRawLongBits(value);
            case FLOAT32 -> Float.floatToRawIntBits((float) value) & 0xffffffffL;
            case FLOAT16 -> HalfBits.fromDouble(round(value));
            // bfloat16 is the top half of a float32: a rounded value has zeros in the low half.
            case BFLOAT16 -> Double.isNaN(value) ? 0x7fc0 : (Float.floatToRawIntBits((float) round(value)) >>> 16) & 0xffff;
        };
    }

    /** The exact value of a bit pattern of this dtype (the low {@link #bytes()} * 8 bits are read). */
    public double decode(long bits) {
        return switch (this) {
            case FLOAT64 -> Double.longBitsToDouble(bits);
            case FLOAT32 -> Float.intBitsToFloat((int) bits);
            case FLOAT16 -> HalfBits.toDouble((int) bits & 0xffff);
            case BFLOAT16 -> Float.intBitsToFloat(((int) bits & 0xffff) << 16);
        };
    }

    /** True when the value is exactly representable in this dtype. */
    public boolean represents(double value) {
        return Double.isNaN(value) || round(value) == value;
    }

    /**
     * Java's round-trip text for a value of this dtype ({@code "0.99999994"}, {@code "-0.0"},
     * {@code "NaN"}); for the 16-bit formats, which Java has no toString for, the shortest decimal
     * in the same notation that {@link #parse} turns back into the value.
     */
    public String format(double value) {
        return switch (this) {
            case FLOAT64 -> Double.toString(value);
            case FLOAT32 -> Float.toString((float) value);
            default -> ShortestDecimal.format(value, this);
        };
    }

    /** Parses the text {@link #format} writes, and any Java float literal, rounding to this dtype. */
    public double parse(String text) {
        return switch (this) {
            case FLOAT64 -> Double.parseDouble(text);
            case FLOAT32 -> (double) Float.parseFloat(text);
            default -> ShortestDecimal.parse(text, this);
        };
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
