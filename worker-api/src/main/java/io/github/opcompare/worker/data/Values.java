package io.github.opcompare.worker.data;

import io.github.opcompare.worker.dtype.DType;
import java.util.Objects;

/**
 * A one-dimensional array of values of one dtype, held as doubles (each exactly representable in
 * the dtype). This is what crosses between input generation, the reference, the worker files and
 * the accuracy analysis.
 */
public final class Values {
    private final DType dtype;
    private final double[] data;

    public Values(DType dtype, double[] data) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.data = Objects.requireNonNull(data, "data");
    }

    public DType dtype() {
        return dtype;
    }

    public int length() {
        return data.length;
    }

    public double get(int i) {
        return data[i];
    }

    /** The backing array, not a copy: callers must not modify it. */
    public double[] array() {
        return data;
    }

    /** The value at i as its dtype's round-trip text. */
    public String format(int i) {
        return dtype.format(data[i]);
    }
}
