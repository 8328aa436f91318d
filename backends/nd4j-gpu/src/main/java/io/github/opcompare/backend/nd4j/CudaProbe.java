package io.github.opcompare.backend.nd4j;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The nd4j-gpu worker's first act: one addition of one-element arrays on the GPU, 1 + 2, whose
 * answer 3 is exact in any floating-point format. A GPU that ND4J's CUDA build has no kernels for
 * fails it ("no kernel image is available for execution on the device"), and so does a broken CUDA
 * install, in milliseconds and before the first case, rather than as a crash in the middle of one.
 * The GPU gate's compute-capability table rules most such GPUs out before anything is downloaded;
 * this probe is the final word, on the real kernels.
 */
final class CudaProbe {
    static final float EXPECTED = 3f;

    private CudaProbe() {
    }

    /**
     * Why the GPU cannot be used, from running {@code onePlusTwo} on it; empty when it answered 3.
     *
     * @param gpu how messages name the GPU ({@code NVIDIA H100 80GB HBM3, compute capability 9.0})
     */
    static Optional<String> problem(Supplier<Float> onePlusTwo, String gpu) {
        float answer;
        try {
            answer = onePlusTwo.get();
        } catch (RuntimeException | LinkageError e) {
            String cause = rootMessage(e);
            String hint = cause.contains("no kernel image")
                    ? ": ND4J's CUDA 11.6 build has no kernels for this GPU (it carries code for compute capabilities 3.7 to 8.6"
                            + " only); use nd4j-cpu"
                    : "; see this worker's log for ND4J's own messages";
            return Optional.of("ND4J could not run 1 + 2 on " + gpu + " (" + cause + ")" + hint);
        }
        if (Float.floatToRawIntBits(answer) != Float.floatToRawIntBits(EXPECTED)) {
            return Optional.of("ND4J computed 1 + 2 = " + answer + " on " + gpu
                    + ", so its GPU kernels did not run as they should; use nd4j-cpu");
        }
        return Optional.empty();
    }

    /** The innermost message, where CUDA's own error text usually is. */
    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String message = c.getMessage();
        return (message == null || message.isBlank() ? c.getClass().getName() : message.strip()).replaceFirst("\\.$", "");
    }
}
