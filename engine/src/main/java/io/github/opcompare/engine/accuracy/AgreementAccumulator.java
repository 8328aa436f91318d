package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.worker.dtype.DType;

/**
 * How closely two backends agree, over a stream of their results: what {@link AgreementAnalyzer}
 * computes over two arrays, in constant memory and mergeable across disjoint parts of the inputs.
 */
public final class AgreementAccumulator {
    private final DType dtype;
    private long count;
    private long identical;
    private long maxSteps;
    private boolean undefined;

    public AgreementAccumulator(DType dtype) {
        this.dtype = dtype;
    }

    public void add(double u, double v) {
        add(u, v, 1);
    }

    /** Compares the pair (u, v) {@code times} times over, as that many calls of {@link #add(double, double)}. */
    public void add(double u, double v, long times) {
        count += times;
        // doubleToLongBits maps every NaN to one pattern: any NaN equals any NaN.
        if (Double.doubleToLongBits(u) == Double.doubleToLongBits(v)) {
            identical += times;
            return;
        }
        long s = Steps.between(u, v, dtype);
        if (s == Steps.UNDEFINED) {
            undefined = true;
        } else {
            maxSteps = Math.max(maxSteps, s);
        }
    }

    public void merge(AgreementAccumulator other) {
        count += other.count;
        identical += other.identical;
        maxSteps = Math.max(maxSteps, other.maxSteps);
        undefined |= other.undefined;
    }

    /** Pairs of results compared. */
    public long count() {
        return count;
    }

    /** Pairs of results with the same bits. */
    public long identical() {
        return identical;
    }

    public Agreement toAgreement(String a, String b) {
        return new Agreement(a, b, count == 0 ? 1.0 : (double) identical / count, undefined ? null : maxSteps);
    }
}
