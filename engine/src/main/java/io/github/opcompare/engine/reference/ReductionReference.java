package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Exact results of the reductions over a whole input vector. */
final class ReductionReference {
    private ReductionReference() {
    }

    static ExactElement compute(Op op, double[] x, DType dtype) {
        return switch (op) {
            case REDUCE_SUM -> sum(x, dtype);
            case REDUCE_MAX -> extremum(x, true);
            case REDUCE_MIN -> extremum(x, false);
            case REDUCE_MEAN -> mean(x, dtype);
            case REDUCE_PROD -> ProductReference.product(x, dtype);
            case LOGSUMEXP -> SoftmaxReference.logSumExp(x, dtype);
            default -> throw new IllegalArgumentException("not a reduction: " + op.id());
        };
    }

    /** The exact sum rounded once; NaN if any NaN or both infinities; an empty sum is +0. */
    static ExactElement sum(double[] x, DType dtype) {
        ExactSum acc = new ExactSum();
        boolean nan = false;
        boolean posInf = false;
        boolean negInf = false;
        boolean allNegativeZero = x.length > 0;
        for (double v : x) {
            if (Double.isNaN(v)) {
                nan = true;
            } else if (Double.isInfinite(v)) {
                posInf |= v > 0;
                negInf |= v < 0;
            } else {
                acc.add(v);
            }
            allNegativeZero &= Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
        }
        if (nan || (posInf && negInf)) {
            return ExactElement.nan();
        }
        if (posInf || negInf) {
            return ExactElement.exactly(posInf ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        ExactRounding.Binary total = acc.value();
        if (total.mantissa().signum() == 0) {
            // IEEE: a sum of -0s is -0, an exact zero from anything else is +0 in round-to-nearest.
            return ExactElement.exactly(allNegativeZero ? -0.0 : 0.0);
        }
        return new ExactElement(ExactRounding.round(total, dtype), ExactValue.of(total), 0);
    }

    /**
     * The exact sum divided by n, rounded once: a rational, so no approximation at all. NaN and
     * infinite inputs give what the sum gives; the mean of nothing is NaN.
     */
    static ExactElement mean(double[] x, DType dtype) {
        if (x.length == 0) {
            return ExactElement.nan();
        }
        ExactElement sum = sum(x, dtype);
        if (sum.exact().isNaN() || sum.exact().isInfinite() || sum.exact().hi() == 0) {
            return ExactElement.exactly(sum.exact().hi());
        }
        ExactSum acc = new ExactSum();
        for (double v : x) {
            acc.add(v);
        }
        ExactRounding.Binary total = acc.value();
        BigInteger n = BigInteger.valueOf(x.length);
        double rounded = ExactRounding.round(total.mantissa(), n, total.exponent(), dtype);
        BigDecimal q = total.toBigDecimal().divide(new BigDecimal(n), new MathContext(40));
        return new ExactElement(rounded, ExactValue.of(q), 0);
    }

    /** IEEE 754-2019 maximum/minimum folded over the vector; the empty one is the identity (∓Infinity). */
    static ExactElement extremum(double[] x, boolean max) {
        double r = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double v : x) {
            r = max ? Math.max(r, v) : Math.min(r, v);
        }
        return ExactElement.exactly(r);
    }
}
