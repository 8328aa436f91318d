package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Threads a backend used, and how much they bought.
 *
 * @param count threads the library used for the timings of the size sweep
 * @param size the size the single-thread run was timed at (the largest of the sweep up to 10^6); null when
 *     there was no single-thread run (the library uses one thread anyway, or it was turned off)
 * @param singleThreadMedianNanos median time per call with one thread at that size
 * @param speedup single-thread median divided by the all-threads median at that size
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Threads(int count, Long size, Double singleThreadMedianNanos, Double speedup) {
}
