package io.github.opcompare.engine.domain;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;

/** values(...) and special: a fixed list of values, the same whatever the seed. */
final class FixedDomain implements InputDomain {
    private final String expression;
    private final double[] values;
    private final boolean special;

    private FixedDomain(String expression, double[] values, boolean special) {
        this.expression = expression;
        this.values = values;
        this.special = special;
    }

    static FixedDomain of(String expression, double[] values) {
        return new FixedDomain(expression, values.clone(), false);
    }

    /** The dtype's edge values: ±0, ±min subnormal, ±max subnormal, ±min normal, ±1, ±max, ±Infinity, NaN. */
    static FixedDomain special() {
        return new FixedDomain("special", null, true);
    }

    private double[] values(DType dtype) {
        if (!special) {
            return values;
        }
        double minSub = Math.scalb(1.0, dtype.minExponent() - dtype.precision() + 1);
        double minNormal = Math.scalb(1.0, dtype.minExponent());
        double maxSub = minNormal - minSub;
        double max = Math.scalb(2.0 - Math.scalb(1.0, 1 - dtype.precision()), dtype.maxExponent());
        return new double[] {0.0, -0.0, minSub, -minSub, maxSub, -maxSub, minNormal, -minNormal, 1.0, -1.0, max, -max,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public int fixedLength(DType dtype) {
        return values(dtype).length;
    }

    @Override
    public Values generate(DType dtype, int size, long seed) {
        double[] src = values(dtype);
        double[] v = new double[src.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = dtype.round(src[i]);
        }
        return new Values(dtype, v);
    }

    @Override
    public String toString() {
        return expression;
    }
}
