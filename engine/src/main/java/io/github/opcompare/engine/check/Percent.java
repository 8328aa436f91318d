package io.github.opcompare.engine.check;

import java.math.BigDecimal;

/** Shares written as percentages, without hiding a difference: 0.99999 is 99.999%, not 100.00%. */
final class Percent {
    private Percent() {
    }

    static String format(double fraction) {
        // Rounded to 6 significant digits of the percentage, trailing zeros dropped, so that a
        // share just below a limit never prints as the limit itself unless it is within 1e-6 of it.
        BigDecimal percent = new BigDecimal(fraction * 100).round(new java.math.MathContext(6)).stripTrailingZeros();
        return percent.toPlainString() + "%";
    }
}
