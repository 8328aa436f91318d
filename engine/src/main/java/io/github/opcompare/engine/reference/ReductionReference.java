package io.github.opcompare.engine.reference;

import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.Op;

/** Exact results of the reductions over a whole input vector. */
final class ReductionReference {
    private ReductionReference() {
    }

    static ExactElement compute(Op op, double[] x, DType dtype) {
        return switch (op) {
            case REDUCE_SUM -> sum(x, dtype);
            case REDUCE_MAX -> extremum(x, true);
            case REDUCE_MIN -> extremum(x, false);
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

    /** IEEE 754-2019 maximum/minimum folded over the vector; the empty one is the identity (∓Infinity). */
    static ExactElement extremum(double[] x, boolean max) {
        double r = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double v : x) {
            r = max ? Math.max(r, v) : Math.min(r, v);
        }
        return ExactElement.exactly(r);
    }
}
