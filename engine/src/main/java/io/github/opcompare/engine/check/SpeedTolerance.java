package io.github.opcompare.engine.check;

/** The minimum speed change as configured: {@code 10%} or {@code 0.1}. */
public final class SpeedTolerance {
    private SpeedTolerance() {
    }

    public static double parse(String text) {
        String t = text == null ? "" : text.trim();
        boolean percent = t.endsWith("%");
        try {
            double value = Double.parseDouble(percent ? t.substring(0, t.length() - 1).trim() : t);
            if (percent) {
                value /= 100;
            }
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted forms.
        }
        throw new IllegalArgumentException("Invalid minSpeedChange '" + text + "'; write a relative change such as 10% or 0.1");
    }
}
