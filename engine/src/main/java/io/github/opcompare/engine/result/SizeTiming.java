package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Speed of one backend on one case at one size: time per call of the op on inputs already in the
 * library's own tensors, after warm-up, with the copies in and out timed apart.
 *
 * @param size elements per operand
 * @param medianNanos median over the samples of the time per call
 * @param ciLowNanos lower end of the 95% bootstrap confidence interval of the median
 * @param ciHighNanos upper end of that interval
 * @param samples how many timed samples there are
 * @param callsPerSample calls timed together in each sample, so that a sample is long against the clock
 * @param outliers samples outside Tukey's fences; kept in every statistic above, only counted
 * @param elementsPerSecond output elements per second at the median (operand elements for reductions)
 * @param bytesPerSecond bytes of inputs read and outputs written per second at the median
 * @param transferInNanos median time to copy the inputs into the library's tensors
 * @param transferOutNanos median time to copy the result out of the library's tensor
 * @param sampleNanos every sample's time per call, for tests on the samples (baselines)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SizeTiming(
        long size,
        double medianNanos,
        double meanNanos,
        double minNanos,
        double ciLowNanos,
        double ciHighNanos,
        int samples,
        long callsPerSample,
        Outliers outliers,
        double elementsPerSecond,
        double bytesPerSecond,
        Double transferInNanos,
        Double transferOutNanos,
        List<Double> sampleNanos) {
}
