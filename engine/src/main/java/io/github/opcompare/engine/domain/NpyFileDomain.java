package io.github.opcompare.engine.domain;

import io.github.opcompare.engine.npy.NpyArray;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;

/**
 * {@code file(path.npy)}: the values of a NumPy file, in its order, each rounded to the case's dtype
 * (as {@code values(...)} does). The file is read when the domain is parsed, so a missing or broken
 * file is a configuration error before any backend starts.
 */
final class NpyFileDomain implements InputDomain {
    private final String expression;
    private final double[] values;

    NpyFileDomain(String expression, NpyArray array) {
        this.expression = expression;
        this.values = array.data();
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public int fixedLength(DType dtype) {
        return values.length;
    }

    @Override
    public Values generate(DType dtype, int size, long seed) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = dtype.round(values[i]);
        }
        return new Values(dtype, v);
    }

    @Override
    public String toString() {
        return expression;
    }
}
