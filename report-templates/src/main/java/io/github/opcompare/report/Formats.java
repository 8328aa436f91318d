package io.github.opcompare.report;

import java.util.Locale;

/**
 * How numbers read in the report. Always {@link Locale#ROOT}: the report is in English, and a
 * build run with {@code -Duser.language=de} must not turn 0.50 ulp into "0,50".
 */
final class Formats {
    private static final String[] TIME_UNITS = {"ns", "µs", "ms", "s"};

    private Formats() {
    }

    /** An ulp error: two decimals near the 0.5 that separates correctly rounded from not, fewer further out. */
    static String ulp(double ulp) {
        if (Double.isNaN(ulp)) {
            return "NaN";
        }
        if (Double.isInfinite(ulp)) {
            return "∞";
        }
        if (ulp == 0) {
            return "0";
        }
        if (ulp < 10) {
            return String.format(Locale.ROOT, "%.2f", ulp);
        }
        if (ulp < 1000) {
            return String.format(Locale.ROOT, "%.1f", ulp);
        }
        return scientific(ulp);
    }

    /**
     * A fraction as a percentage. Never shows 100% for something short of all, or 0% for
     * something more than none: one wrong result in a million must not disappear in rounding.
     */
    static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "—";
        }
        if (fraction >= 1) {
            return "100%";
        }
        if (fraction <= 0) {
            return "0%";
        }
        String text = String.format(Locale.ROOT, "%.2f", fraction * 100);
        if (text.equals("100.00")) {
            return ">99.99%";
        }
        if (text.equals("0.00")) {
            return "<0.01%";
        }
        return text + "%";
    }

    /** A duration in the unit that keeps 1 to 3 digits before the point, to three significant digits. */
    static String duration(double nanos) {
        if (Double.isNaN(nanos) || nanos < 0) {
            return "—";
        }
        double value = nanos;
        int unit = 0;
        while (unit < TIME_UNITS.length - 1 && value >= 999.5) {
            value /= 1000;
            unit++;
        }
        return significant3(value) + " " + TIME_UNITS[unit];
    }

    /** A size as a power of ten where it is one ("1e6"), short enough for a table cell; otherwise the count. */
    static String size(long n) {
        int exponent = 0;
        long v = n;
        while (v >= 10 && v % 10 == 0) {
            v /= 10;
            exponent++;
        }
        return v == 1 && exponent >= 4 ? "1e" + exponent : count(n);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String bytes(long bytes) {
        if (bytes <= 0) {
            return "—";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (unit < units.length - 1 && value >= 1024) {
            value /= 1024;
            unit++;
        }
        return (unit == 0 ? String.valueOf(bytes) : String.format(Locale.ROOT, "%.1f", value)) + " " + units[unit];
    }

    /**
     * A relative change with its sign, "+500%", "-25.0%", "+3.4%": the reader must see at once which
     * way a value moved, so the plus is written too.
     */
    static String change(double relative) {
        if (Double.isNaN(relative)) {
            return "—";
        }
        if (Double.isInfinite(relative)) {
            return relative > 0 ? "+∞" : "-∞";
        }
        double pct = relative * 100;
        String text = Math.abs(pct) >= 99.95 ? String.format(Locale.ROOT, "%+.0f", pct) : String.format(Locale.ROOT, "%+.1f", pct);
        return text + "%";
    }

    /** A p-value to two significant digits; tiny ones in powers of ten. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "—";
        }
        if (p < 1e-4) {
            return "<0.0001";
        }
        return String.format(Locale.ROOT, "%.2g", p);
    }

    /** A relative error or a condition number: 0, or three significant digits in scientific form (1.19e-7). */
    static String relative(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return "∞";
        }
        return value == 0 ? "0" : scientific(value);
    }

    private static String significant3(double value) {
        if (value >= 99.95) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 9.995) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String scientific(double value) {
        String text = String.format(Locale.ROOT, "%.2e", value); // 1.23e+07
        int e = text.indexOf('e');
        int exponent = Integer.parseInt(text.substring(e + 1));
        return text.substring(0, e) + "e" + exponent;
    }
}
