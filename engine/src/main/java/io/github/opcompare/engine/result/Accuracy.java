package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Accuracy of one backend on one case, against the exact (infinitely precise) result.
 *
 * @param maxUlp largest ulp error; null when some result is NaN where a number was expected or the
 *     reverse (the ulp error is undefined then; {@code nanMismatches} counts those)
 * @param meanUlp mean ulp error over the results where it is defined
 * @param correctlyRounded fraction of results equal to the correctly rounded value
 * @param notCorrectlyRounded count of results that differ from the correctly rounded value
 * @param maxSteps largest number of representable values between a result and the correctly rounded
 *     one; null under the same condition as maxUlp
 * @param nanMismatches results that are NaN where a number was expected, or a number where NaN was
 * @param worst the worst results, worst first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Accuracy(
        Double maxUlp,
        Double meanUlp,
        double correctlyRounded,
        long notCorrectlyRounded,
        Long maxSteps,
        long nanMismatches,
        List<WorstCase> worst) {
}
