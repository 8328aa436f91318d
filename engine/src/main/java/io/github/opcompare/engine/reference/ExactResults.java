package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.util.concurrent.ForkJoinTask;

/**
 * The reference for every output of one case: the correctly rounded values in the dtype and the
 * exact values (as {@link ExactValue}s, stored column-wise so that a million of them stay cheap).
 */
public final class ExactResults {
    private final DType dtype;
    private final double[] rounded;
    private final double[] hi;
    /*
     * The low parts and scales are zero for nearly every output (a first pass's value is one double
     * at scale 0), so their columns are allocated only when the first nonzero one is set: a million
     * outputs then allocate 20 MB rather than 32, and the allocating thread zeroes it alone, before
     * the parallel passes start. Until then they read as +0.0 and 0, as a zeroed column would.
     * volatile and created under the lock: threads setting outputs side by side must all see the one
     * column, or a write into a second, lost copy would go unnoticed.
     */
    private volatile double[] lo;
    private volatile int[] scale;
    /*
     * Bytes, not ints: pass numbers run from 0 to 3 + log2(maxDigits / startDigits), 11 with the
     * default settings (40 to 20,000 digits, doubled per pass); {@link #checkedPass} refuses one that
     * a byte cannot hold rather than store it wrapped. A quarter of the memory to zero and to write:
     * a million outputs allocate 17 MB rather than 20.
     */
    private final byte[] pass;

    ExactResults(DType dtype, int length) {
        this(dtype, new double[length], new double[length], new byte[length]);
    }

    private ExactResults(DType dtype, double[] rounded, double[] hi, byte[] pass) {
        this.dtype = dtype;
        this.rounded = rounded;
        this.hi = hi;
        this.pass = pass;
    }

    /** From this length on, {@link #allocatedInParallel} hands a column to another thread. */
    private static final int PARALLEL_ALLOCATION = 1 << 16;

    /**
     * Results of this length as {@link #ExactResults(DType, int)} makes them (every column zero, the
     * same as a new one in every respect), with the rounded column allocated by a task of the
     * fork/join pool while this thread allocates the others. The JVM zeroes a new array on the thread
     * that allocates it, before anything can run in parallel: 17 MB for a million outputs, about 1.5
     * ns per element of one thread's time in front of the parallel loops, which at 10 ns per element
     * on two cores is a sixth of the whole. Two threads halve it. Should no worker take the task, join
     * runs it here: never slower than one thread, and no thread waits on another that waits on it
     * (the task only allocates).
     */
    static ExactResults allocatedInParallel(DType dtype, int length) {
        if (length < PARALLEL_ALLOCATION) {
            return new ExactResults(dtype, length);
        }
        ForkJoinTask<double[]> rounded = ForkJoinTask.adapt(() -> new double[length]).fork();
        double[] hi = new double[length];
        byte[] pass = new byte[length];
        return new ExactResults(dtype, rounded.join(), hi, pass);
    }

    /** Output i from its parts, as {@link #set(int, ExactElement)} would store them. */
    void set(int i, double roundedValue, double exactHi, double exactLo, int exactScale, int passNumber) {
        rounded[i] = roundedValue;
        hi[i] = exactHi;
        setLo(i, exactLo);
        setScale(i, exactScale);
        pass[i] = checkedPass(passNumber);
    }

    /** The pass number as the byte stored, or an exception where a byte cannot hold it. */
    private static byte checkedPass(int passNumber) {
        if (passNumber < 0 || passNumber > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("no pass " + passNumber);
        }
        return (byte) passNumber;
    }

    void set(int i, ExactElement e) {
        set(i, e.rounded(), e.exact().hi(), e.exact().lo(), e.exact().scale(), e.pass());
    }

    /**
     * A first pass's output i, not set before: its rounding, the double it came from (the exact
     * value's hi; lo and scale are zero, which an output not set before already reads as), pass 1.
     * Without the two column checks of {@link #set}, which cost the block loop a tenth of its time.
     */
    void setFirstPass(int i, double roundedValue, double exactHi) {
        rounded[i] = roundedValue;
        hi[i] = exactHi;
        pass[i] = 1;
    }

    private void setLo(int i, double value) {
        double[] column = lo;
        // Bits, not ==: -0.0 must be stored, only +0.0 is what an absent column reads as.
        if (column == null && Double.doubleToRawLongBits(value) != 0) {
            column = loColumn();
        }
        if (column != null) {
            column[i] = value;
        }
    }

    private void setScale(int i, int value) {
        int[] column = scale;
        if (column == null && value != 0) {
            column = scaleColumn();
        }
        if (column != null) {
            column[i] = value;
        }
    }

    private synchronized double[] loColumn() {
        if (lo == null) {
            lo = new double[rounded.length];
        }
        return lo;
    }

    private synchronized int[] scaleColumn() {
        if (scale == null) {
            scale = new int[rounded.length];
        }
        return scale;
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
        return new ExactValue(hi[i], exactLo(i), exactScale(i));
    }

    /** High part of the exact value (the whole value when {@link #scale(int)} is 0 and lo is 0). */
    public double exactHi(int i) {
        return hi[i];
    }

    public double exactLo(int i) {
        double[] column = lo;
        return column == null ? 0.0 : column[i];
    }

    /** Power of two the exact value (hi + lo) is scaled by; 0 except far outside the double range. */
    public int exactScale(int i) {
        int[] column = scale;
        return column == null ? 0 : column[i];
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
        for (byte p : pass) {
            if (p >= 3) {
                n++;
            }
        }
        return n;
    }
}
