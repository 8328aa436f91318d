package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a backend gives the same bits every time: the case repeated on the same inputs, and once
 * more with a single thread.
 *
 * @param runs how many results were compared
 * @param reproducible whether every run gave the same bits (all NaNs count as one value)
 * @param distinctResults how many different results the runs gave
 * @param maxStepSpread largest distance, in representable values, between two runs' results for one element
 *     (a NaN in one run and a number in another counts in {@code differingElements} only)
 * @param differingElements elements whose result was not the same in every run
 * @param singleThreadIdentical whether the single-thread run matched the first run; null when there was none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reproducibility(
        int runs,
        boolean reproducible,
        int distinctResults,
        long maxStepSpread,
        long differingElements,
        Boolean singleThreadIdentical) {
}
