package io.github.opcompare.engine.domain;

import java.util.SplittableRandom;

/** uniform(lo,hi): uniformly distributed in [lo, hi) before rounding to the dtype. */
final class UniformDomain extends RandomDomain {
    private final double lo;
    private final double hi;

    UniformDomain(String expression, double lo, double hi) {
        super(expression);
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    double draw(SplittableRandom random) {
        double u = random.nextDouble();
        // Interpolating instead of lo + (hi - lo) * u keeps uniform(-MAX, MAX) finite.
        return lo * (1 - u) + hi * u;
    }
}
