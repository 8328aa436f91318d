package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One library on its CPU and on its GPU for one case: do the devices give the same numbers, and how
 * much faster is the GPU at each size both were timed at.
 *
 * @param library the library both backends run ({@code tensorflow})
 * @param cpu the CPU backend's id ({@code tensorflow-cpu})
 * @param gpu the GPU backend's id ({@code tensorflow-gpu})
 * @param identical fraction of outputs that are bit-identical on the two devices
 * @param maxSteps largest distance between the two devices' outputs in representable values; null
 *     when one device gives NaN where the other does not
 * @param speedups one entry per size timed on both devices, smallest first; empty when either was
 *     not timed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceComparison(
        String library,
        String cpu,
        String gpu,
        double identical,
        Long maxSteps,
        List<Speedup> speedups) {

    /**
     * @param speedup CPU median time per call over GPU median time per call: above 1 the GPU is faster
     */
    public record Speedup(long size, double cpuMedianNanos, double gpuMedianNanos, double speedup) {
    }
}
