package io.github.opcompare.engine.domain;

import java.util.SplittableRandom;

/** gaussian(mean,sd): normally distributed. */
final class GaussianDomain extends RandomDomain {
    private final double mean;
    private final double sd;

    GaussianDomain(String expression, double mean, double sd) {
        super(expression);
        this.mean = mean;
        this.sd = sd;
    }

    @Override
    double draw(SplittableRandom random) {
        return mean + sd * random.nextGaussian();
    }
}
