package io.github.opcompare.engine.accuracy;

/**
 * {@code sum + u + u + ... + u} ({@code times} additions, each rounded), the double a loop of
 * {@code sum += u} gives, bit for bit: the accumulators' sums are doubles per block whose last bits
 * the results keep, so a run of equal errors counted at once must leave the very same sum.
 */
final class RepeatedSum {
    private RepeatedSum() {
    }

    static double of(double sum, double u, long times) {
        if (times <= 0) {
            return sum;
        }
        if (times == 1) {
            return sum + u; // the loop's one addition: most inputs of a sweep are runs of one
        }
        if (u == 0) {
            // Adding a zero changes no non-zero sum. At a zero sum the first addition gives the IEEE sum
            // of the zeros (-0 only for -0 + -0), and adding the same zero again leaves that unchanged.
            return sum + u;
        }
        // Otherwise each addition may round; the loop is the definition. (Only overflow, an error of 0.5
        // for about a quarter of all float32 inputs of exp, comes here in bulk: one add per input.)
        double s = sum;
        for (long j = 0; j < times; j++) {
            s += u;
        }
        return s;
    }
}
