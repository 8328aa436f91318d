package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.backend.tensorflow.TensorFlowKernels.Kernel;
import io.github.opcompare.worker.PreparedCall;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/** One TensorFlow op bound to its eager input constants, on the device they were placed on. */
final class TensorFlowCall implements PreparedCall {
    private final Ops tf;
    private final Kernel kernel;
    private final List<Operand<TNumber>> inputs;
    private final Operand<TInt32> axis;
    private final TensorFormat format;
    private final int outputLength;
    private final EagerReleaser releaser;
    private final KernelCacheTrimmer kernelCache;
    private final TensorFlowDevice device;
    private final EagerPlacement placement;
    private final GpuCompletion completion;
    private boolean placementVerified;
    private Operand<TNumber> result;

    /**
     * @param completion waits for the GPU after each call (the executor's, shared by its calls); null on
     *     the CPU, where eager ops are synchronous
     */
    TensorFlowCall(Ops tf, Kernel kernel, List<Operand<TNumber>> inputs, Operand<TInt32> axis, TensorFormat format,
            int outputLength, EagerReleaser releaser, KernelCacheTrimmer kernelCache, TensorFlowDevice device,
            EagerPlacement placement, GpuCompletion completion) {
        this.tf = tf;
        this.kernel = kernel;
        this.inputs = List.copyOf(inputs);
        this.axis = axis;
        this.format = format;
        this.outputLength = outputLength;
        this.releaser = releaser;
        this.kernelCache = kernelCache;
        this.device = device;
        this.placement = placement;
        this.completion = completion;
    }

    /**
     * Runs the op to completion: eager and synchronous on the CPU; on the GPU, followed by the wait of
     * {@link GpuCompletion}. The previous result is freed first, so its buffer is back in TensorFlow's
     * allocator for this call to reuse. The first call checks where the op ran: an op that did not run
     * on the requested device fails, rather than being timed as if it had. (Where TF Java's internals
     * cannot be read, only a CPU worker runs, unchecked: the GPU worker refuses to start.)
     */
    @Override
    public void call() {
        releaser.release(result);
        result = null;
        result = kernel.apply(tf, inputs, axis);
        if (!placementVerified && placement.available()) {
            Optional<String> wrong = Placement.mismatch(device.type(), 0, placement.deviceOf(result));
            if (wrong.isPresent()) {
                throw new IllegalStateException("TensorFlow " + result.op().type() + " " + wrong.get()
                        + "; not reported as a " + device.id() + " result");
            }
            placementVerified = true;
        }
        if (completion != null) {
            completion.await(result, outputLength);
        }
    }

    @Override
    public void writeResult(ByteBuffer out) {
        if (result == null) {
            throw new IllegalStateException("writeResult before call");
        }
        TNumber tensor = result.asTensor();
        long size = tensor.shape().size();
        if (size != outputLength) {
            throw new IllegalStateException("TensorFlow returned " + size + " elements of shape " + tensor.shape()
                    + ", expected " + outputLength);
        }
        format.write(tensor, out, outputLength);
    }

    @Override
    public void close() {
        releaser.release(result);
        result = null;
        inputs.forEach(releaser::release);
        releaser.release(axis);
        // Freeing the constants leaves the copies their Const kernels keep in TensorFlow's cache.
        kernelCache.trimIfFull();
    }
}
