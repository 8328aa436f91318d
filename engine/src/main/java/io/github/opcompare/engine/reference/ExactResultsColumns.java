package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;

/**
 * Rebuilds {@link ExactResults} from its columns, for the reference cache. It lives beside
 * ExactResults so that results can be rebuilt without giving everyone a way to fill or change
 * one: the arrays are copied, and outsiders still get only finished, read-only results.
 */
public final class ExactResultsColumns {
    private ExactResultsColumns() {
    }

    /**
     * Results holding exactly these values, bit for bit (NaN payloads and the sign of zero
     * included: the exact values are not normalized again).
     */
    public static ExactResults of(DType dtype, double[] rounded, double[] hi, double[] lo, int[] scale, int[] pass) {
        int n = rounded.length;
        if (hi.length != n || lo.length != n || scale.length != n || pass.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        ExactResults results = new ExactResults(dtype, n);
        for (int i = 0; i < n; i++) {
            results.set(i, new ExactElement(rounded[i], new ExactValue(hi[i], lo[i], scale[i]), pass[i]));
        }
        return results;
    }
}
