package io.github.opcompare.engine.reference;

/**
 * The reference for one output: the correctly rounded value in the dtype, the exact value, and
 * which pass settled the rounding (0 = exact by construction or first pass, higher = escalated).
 */
public record ExactElement(double rounded, ExactValue exact, int pass) {
    static ExactElement exactly(double value) {
        return new ExactElement(value, ExactValue.of(value), 0);
    }

    static ExactElement nan() {
        return exactly(Double.NaN);
    }
}
