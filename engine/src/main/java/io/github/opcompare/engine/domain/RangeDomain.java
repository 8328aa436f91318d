package io.github.opcompare.engine.domain;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;

/**
 * range(start,stop[,step]) with NumPy arange semantics: ceil((stop - start) / step) values
 * start + i*step, computed in double and then rounded to the dtype, as np.arange(...).astype(dtype).
 */
final class RangeDomain implements InputDomain {
    /** Larger ranges are configuration mistakes, not comparisons anyone can wait for. */
    static final long MAX_COUNT = 100_000_000L;
    private final String expression;
    private final double start;
    private final double step;
    private final int count;

    RangeDomain(String expression, double start, double stop, double step) {
        this.expression = expression;
        this.start = start;
        this.step = step;
        this.count = (int) count(start, stop, step);
    }

    /** ceil((stop - start) / step), at least 0; above MAX_COUNT returns MAX_COUNT + 1. */
    static long count(double start, double stop, double step) {
        double c = Math.ceil((stop - start) / step);
        if (!(c > 0)) {
            return 0;
        }
        return c > MAX_COUNT ? MAX_COUNT + 1 : (long) c;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public int fixedLength(DType dtype) {
        return count;
    }

    @Override
    public Values generate(DType dtype, int size, long seed) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = dtype.round(start + i * step);
        }
        return new Values(dtype, v);
    }

    @Override
    public String toString() {
        return expression;
    }
}
