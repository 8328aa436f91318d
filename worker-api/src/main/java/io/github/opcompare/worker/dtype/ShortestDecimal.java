package io.github.opcompare.worker.dtype;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Text for the 16-bit formats, which Java has no {@code toString} for: the shortest decimal that
 * reads back as the same value, written in {@link Double#toString}'s notation ({@code "0.1"},
 * {@code "6.0E-8"}, {@code "65504.0"}), so that results.json looks the same for every dtype.
 */
final class ShortestDecimal {
    /** float16 needs at most 5 significant digits to round-trip, bfloat16 at most 4; 9 is a safe cap. */
    private static final int MAX_DIGITS = 9;

    private ShortestDecimal() {
    }

    static String format(double value, DType dtype) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
            return Double.toString(value);
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= MAX_DIGITS; digits++) {
            String text = javaNotation(exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)));
            if (parse(text, dtype) == value) {
                return text;
            }
        }
        // Not reached for values of the dtype; the exact value always reads back.
        return Double.toString(value);
    }

    /**
     * Reads any Java floating-point literal and rounds it to the dtype exactly once: the nearest
     * double is rounded to the dtype, except when that double is exactly a midpoint of the dtype
     * (then the decimal itself decides which way, so no double rounding slips in).
     */
    static double parse(String text, DType dtype) {
        String t = text.trim();
        double d = Double.parseDouble(t);
        double r = dtype.round(d);
        if (Double.isNaN(d) || Double.isInfinite(d) || t.toLowerCase(Locale.ROOT).contains("x")) {
            return r;
        }
        double a = Math.abs(d);
        double below = dtype.round(Math.nextDown(a));
        double above = dtype.round(Math.nextUp(a));
        // The sum is exact: both are short values of the dtype, far inside the double range.
        boolean midpoint = below != above && a == (below + above) / 2;
        if (!midpoint) {
            return r;
        }
        // d sits on the boundary between two values of the dtype: compare the decimal with d exactly.
        int side = new BigDecimal(stripSuffix(t)).abs().compareTo(new BigDecimal(a));
        double magnitude = side == 0 ? Math.abs(r) : side < 0 ? below : above;
        return Math.copySign(magnitude, d);
    }

    private static String stripSuffix(String t) {
        char last = t.charAt(t.length() - 1);
        return "fFdD".indexOf(last) >= 0 ? t.substring(0, t.length() - 1) : t;
    }

    /** Double.toString's layout: plain for 10^-3 ≤ |v| < 10^7, otherwise d.dddE±n; always a fraction digit. */
    private static String javaNotation(BigDecimal v) {
        BigDecimal abs = v.abs();
        String sign = v.signum() < 0 ? "-" : "";
        if (abs.compareTo(new BigDecimal("0.001")) >= 0 && abs.compareTo(new BigDecimal("10000000")) < 0) {
            String plain = abs.stripTrailingZeros().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        BigDecimal unscaled = new BigDecimal(abs.unscaledValue());
        int exponent = unscaled.precision() - 1 - abs.scale();
        String digits = abs.unscaledValue().toString().replaceAll("0+$", "");
        String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "E" + exponent;
    }
}
