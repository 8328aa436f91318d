package io.github.opcompare.backend.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Makes a GPU op's call return only once the GPU has finished it. Eager TensorFlow in synchronous
 * mode returns as soon as a GPU kernel is queued on its CUDA stream, so without this a timed call
 * would measure the launch, not the op. TF Java has no stream synchronisation of its own, so this
 * reads one element of the result back to the host: TensorFlow copies a GPU tensor to the host
 * only after the stream has run every kernel queued before the copy, and that includes the op.
 *
 * <p>The cost, inside every timed GPU call: a one-element Slice kernel (skipped where the result
 * has one element), a 4 or 8 byte device-to-host copy and the wait for it; on current GPUs tens of
 * microseconds, dwarfed by the op at large sizes and dominating at small ones. It is the price of
 * any honest GPU timing (CUDA's own event timing waits as long); it was not measured here, as no
 * GPU was at hand. The whole result is not copied: that is the transfer out, timed apart.
 */
final class GpuCompletion implements AutoCloseable {
    private final Ops gpu;
    private final EagerReleaser releaser;
    private final Operand<TInt32> begin;
    private final Operand<TInt32> size;

    /**
     * @param gpu ops pinned to the GPU
     * @param host ops pinned to the CPU: Slice's begin and size are host-memory inputs of its GPU
     *     kernel, so under EXPLICIT placement they must already be on the host
     */
    GpuCompletion(Ops gpu, Ops host, EagerReleaser releaser) {
        this.gpu = gpu;
        this.releaser = releaser;
        this.begin = host.constant(new int[] {0});
        this.size = host.constant(new int[] {1});
    }

    /** Returns once the op that produced {@code result}, {@code length} elements, has finished on the GPU. */
    void await(Operand<TNumber> result, int length) {
        if (length == 1) {
            // Resolving the one element is the read-back; writeResult reuses the resolved tensor.
            result.asTensor();
            return;
        }
        Operand<TNumber> first = gpu.slice(result, begin, size);
        try {
            first.asTensor();
        } finally {
            releaser.release(first);
        }
    }

    @Override
    public void close() {
        releaser.release(begin);
        releaser.release(size);
    }
}
