package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The cost model time per call = overhead + size × cost per element, fitted to the medians of the
 * size sweep by least squares on relative residuals (each size weighs the same whatever its time).
 *
 * @param overheadStdErrNanos standard error of the overhead; null with only two sizes
 * @param nanosPerElementStdErr standard error of the cost per element; null with only two sizes
 * @param sizes how many sizes the fit rests on
 * @param maxRelativeResidual largest |measured − fitted| / measured over the sizes: how well a line fits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostFit(
        double overheadNanos,
        Double overheadStdErrNanos,
        double nanosPerElement,
        Double nanosPerElementStdErr,
        int sizes,
        double maxRelativeResidual) {
}
