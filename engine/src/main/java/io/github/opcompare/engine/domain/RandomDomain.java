package io.github.opcompare.engine.domain;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.util.SplittableRandom;

/** A domain that draws {@code size} values from a distribution. SplittableRandom's sequence is fixed by its spec, so results are reproducible across JVMs. */
abstract class RandomDomain implements InputDomain {
    private final String expression;

    RandomDomain(String expression) {
        this.expression = expression;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public int fixedLength(DType dtype) {
        return -1;
    }

    @Override
    public Values generate(DType dtype, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = dtype.round(draw(random));
        }
        return new Values(dtype, v);
    }

    abstract double draw(SplittableRandom random);

    @Override
    public String toString() {
        return expression;
    }
}
