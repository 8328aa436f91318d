package io.github.opcompare.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up probe's verdicts, fed the answers a GPU could give. */
class CudaProbeTest {
    static final String H100 = "NVIDIA H100 80GB HBM3, compute capability 9.0";

    @Test
    void threeMeansTheKernelsRun() {
        assertEquals(Optional.empty(), CudaProbe.problem(() -> 3f, H100));
    }

    /** What libnd4j reports when its fat binary has no code for the GPU's architecture. */
    @Test
    void noKernelImageIsNamedWithTheWayOut() {
        String problem = CudaProbe.problem(() -> {
            throw new RuntimeException("Op [add] execution failed",
                    new IllegalStateException("execPairwiseTransform failed; Error code: [209]: no kernel image is available"
                            + " for execution on the device."));
        }, H100).orElseThrow();
        assertEquals("ND4J could not run 1 + 2 on " + H100 + " (execPairwiseTransform failed; Error code: [209]: no kernel"
                + " image is available for execution on the device): ND4J's CUDA 11.6 build has no kernels for this GPU"
                + " (it carries code for compute capabilities 3.7 to 8.6 only); use nd4j-cpu", problem);
    }

    @Test
    void anyOtherFailureIsNamed() {
        String problem = CudaProbe.problem(() -> {
            throw new UnsatisfiedLinkError("no jnind4jcuda in java.library.path");
        }, "the GPU").orElseThrow();
        assertTrue(problem.startsWith("ND4J could not run 1 + 2 on the GPU (no jnind4jcuda in java.library.path);"), problem);
    }

    @Test
    void aWrongAnswerIsNotTrusted() {
        // Kernels that silently did not run leave the output as allocated: 0 here.
        String problem = CudaProbe.problem(() -> 0f, H100).orElseThrow();
        assertEquals("ND4J computed 1 + 2 = 0.0 on " + H100 + ", so its GPU kernels did not run as they should; use nd4j-cpu",
                problem);
        assertTrue(CudaProbe.problem(() -> Float.NaN, H100).isPresent());
        assertTrue(CudaProbe.problem(() -> Math.nextUp(3f), H100).isPresent());
    }
}
