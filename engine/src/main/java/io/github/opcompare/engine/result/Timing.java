package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Speed of one backend on one case: time per call of the op on inputs already in the library's
 * own tensors, after warm-up.
 *
 * @param size elements per call
 * @param medianNanos median over the samples of the time per call
 * @param samples how many timed samples the median is taken over
 * @param callsPerSample calls timed together in each sample, so that a sample is long enough for the clock
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timing(
        long size,
        double medianNanos,
        int samples,
        long callsPerSample) {
}
