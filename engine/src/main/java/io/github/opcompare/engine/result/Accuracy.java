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
        List<BinadeError> binades) {

    /** Accuracy without histogram and binades (results written before they existed, test fixtures). */
    public Accuracy(Double maxUlp, Double meanUlp, double correctlyRounded, long notCorrectlyRounded, Long maxSteps,
            long undefinedUlp, List<WorstCase> worst) {
        this(maxUlp, meanUlp, correctlyRounded, notCorrectlyRounded, maxSteps, undefinedUlp, worst, null, null);
    }
}
