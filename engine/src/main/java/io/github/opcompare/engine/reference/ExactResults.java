package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;

/**
 * The reference for every output of one case: the correctly rounded values in the dtype and the
 * exact values (as {@link ExactValue}s, stored column-wise so that a million of them stay cheap).
 */
public final class ExactResults {
    private final DType dtype;
    private final double[] rounded;
    private final double[] hi;
    private final double[] lo;
    private final int[] scale;
    private final int[] pass;

    ExactResults(DType dtype, int length) {
        this.dtype = dtype;
        this.rounded = new double[length];
        this.hi = new double[length];
        this.lo = new double[length];
        this.scale = new int[length];
        this.pass = new int[length];
    }

    /** Output i from its parts, as {@link #set(int, ExactElement)} would store them. */
    void set(int i, double roundedValue, double exactHi, double exactLo, int exactScale, int passNumber) {
        rounded[i] = roundedValue;
        hi[i] = exactHi;
        lo[i] = exactLo;
        scale[i] = exactScale;
        pass[i] = passNumber;
    }

    void set(int i, ExactElement e) {
        rounded[i] = e.rounded();
        hi[i] = e.exact().hi();
        lo[i] = e.exact().lo();
        scale[i] = e.exact().scale();
        pass[i] = e.pass();
    }

    public DType dtype() {
        return dtype;
    }

    public int length() {
        return rounded.length;
    }

    /** The correctly rounded value of output i (round to nearest, ties to even). */
    public double rounded(int i) {
        return rounded[i];
    }

    /** All correctly rounded values; the array is shared, not copied. */
    public Values roundedValues() {
        return new Values(dtype, rounded);
    }

    /** The exact value of output i. */
    public ExactValue exact(int i) {
        return new ExactValue(hi[i], lo[i], scale[i]);
    }

    /** High part of the exact value (the whole value when {@link #scale(int)} is 0 and lo is 0). */
    public double exactHi(int i) {
        return hi[i];
    }

    public double exactLo(int i) {
        return lo[i];
    }

    /** Power of two the exact value (hi + lo) is scaled by; 0 except far outside the double range. */
    public int exactScale(int i) {
        return scale[i];
    }

    /**
     * The pass that settled output i's rounding: 0 exact by construction, 1 StrictMath (float32),
     * 2 double-double, 3 and up arbitrary precision at growing precision.
     */
    public int pass(int i) {
        return pass[i];
    }

    /** How many outputs needed arbitrary precision (pass 3 or higher). */
    public int escalations() {
        int n = 0;
        for (int p : pass) {
            if (p >= 3) {
                n++;
            }
        }
        return n;
    }
}
