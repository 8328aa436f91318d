package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Accuracy of one backend on one case, against the exact (infinitely precise) result.
 *
 * @param maxUlp largest ulp error; null when the ulp error of some result is undefined
 *     ({@code undefinedUlp} counts those)
 * @param meanUlp mean ulp error over the results where it is defined
 * @param correctlyRounded fraction of results equal to the correctly rounded value
 * @param notCorrectlyRounded count of results that differ from the correctly rounded value
 * @param maxSteps largest number of representable values between a result and the correctly rounded
 *     one; null under the same condition as maxUlp
 * @param undefinedUlp results whose ulp error is not a finite number: NaN where a number was expected
 *     or the reverse, or a finite result where the exact value is infinite (a pole, log(0)) or the reverse
 * @param worst the worst results, worst first
 * @param histogram ulp errors in fixed bins (see {@link UlpBin}), up to the highest bin that holds a
 *     result; null when not computed
 * @param binades the error per binade of the first operand, smallest binade first, the inputs in no
 *     binade last; null for a reduction (one output) or when not computed
 * @param maxRelativeError largest |computed - exact| / |exact| against the exact (not the rounded) value,
 *     for reductions, softmax and matmul, whose error the literature states relative to the exact sum or
 *     dot product; null for elementwise ops, when some result's relative error is infinite
 *     ({@code undefinedRelativeError} counts those), and when no result has one
 * @param meanRelativeError mean relative error over the results where it is finite; null for elementwise
 *     ops and when there is none
 * @param undefinedRelativeError results whose relative error is infinite: a nonzero result where the exact
 *     value is 0, NaN or ±Infinity where it is a number, or a number where it is not. A result equal to
 *     the correctly rounded one in its bits that is not a number (NaN for NaN, an overflow to ±Infinity)
 *     has no relative error and is not counted anywhere. Null for elementwise ops
 * @param conditionNumber how much the inputs amplify relative perturbations of themselves in the result,
 *     a property of the inputs and the same for every backend: Σ|x_i| / |Σ x_i| for reduce_sum and
 *     reduce_mean, Σ|x_i| softmax(x)_i / |logsumexp(x)| for logsumexp; null for the other ops and where it
 *     is infinite or undefined (an exact result of 0, a NaN or infinite input). A relative error near
 *     condition number × unit roundoff is cancellation in the data, not a bad algorithm
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Accuracy(
        Double maxUlp,
        Double meanUlp,
        double correctlyRounded,
        long notCorrectlyRounded,
        Long maxSteps,
        long undefinedUlp,
        List<WorstCase> worst,
        List<UlpBin> histogram,
        List<BinadeError> binades,
        Double maxRelativeError,
        Double meanRelativeError,
        Long undefinedRelativeError,
        Double conditionNumber) {

    /** Accuracy without relative error (an elementwise op, results written before it existed). */
    public Accuracy(Double maxUlp, Double meanUlp, double correctlyRounded, long notCorrectlyRounded, Long maxSteps,
            long undefinedUlp, List<WorstCase> worst, List<UlpBin> histogram, List<BinadeError> binades) {
        this(maxUlp, meanUlp, correctlyRounded, notCorrectlyRounded, maxSteps, undefinedUlp, worst, histogram, binades,
                null, null, null, null);
    }

    /** Accuracy without histogram and binades (results written before they existed, test fixtures). */
    public Accuracy(Double maxUlp, Double meanUlp, double correctlyRounded, long notCorrectlyRounded, Long maxSteps,
            long undefinedUlp, List<WorstCase> worst) {
        this(maxUlp, meanUlp, correctlyRounded, notCorrectlyRounded, maxSteps, undefinedUlp, worst, null, null);
    }

    /**
     * Whether every result's ulp error is a finite number, so that {@code maxUlp} and {@code maxSteps}
     * are numbers. False when some result is NaN or ∞ where the exact value is not, or the reverse: then
     * the error is worse than any number (a maximum is broken, a sort puts it last, the grade is far).
     */
    public boolean ulpErrorDefined() {
        return maxUlp != null && undefinedUlp == 0;
    }

    /** The largest ulp error, or +∞ when it is undefined ({@link #ulpErrorDefined}): a key to rank results by. */
    public double maxUlpOrInfinity() {
        return ulpErrorDefined() ? maxUlp : Double.POSITIVE_INFINITY;
    }

    /** The grade of this accuracy (see {@link Grade#of(Accuracy)}). */
    public Grade grade() {
        return Grade.of(this);
    }

    /** This accuracy with the relative error of a reduction, softmax or matmul added. */
    public Accuracy withRelativeError(Double max, Double mean, long undefined, Double condition) {
        return new Accuracy(maxUlp, meanUlp, correctlyRounded, notCorrectlyRounded, maxSteps, undefinedUlp, worst, histogram,
                binades, max, mean, undefined, condition);
    }
}
