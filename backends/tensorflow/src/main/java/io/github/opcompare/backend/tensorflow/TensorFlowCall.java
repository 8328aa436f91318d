package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.backend.tensorflow.TensorFlowKernels.Kernel;
import io.github.opcompare.engine.worker.PreparedCall;
import java.nio.ByteBuffer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/** One TensorFlow op bound to its eager input constants. */
final class TensorFlowCall implements PreparedCall {
    private final Ops tf;
    private final Kernel kernel;
    private final List<Operand<TNumber>> inputs;
    private final Operand<TInt32> axis;
    private final TensorFormat format;
    private final int outputLength;
    private final EagerReleaser releaser;
    private Operand<TNumber> result;

    TensorFlowCall(Ops tf, Kernel kernel, List<Operand<TNumber>> inputs, Operand<TInt32> axis, TensorFormat format,
            int outputLength, EagerReleaser releaser) {
        this.tf = tf;
        this.kernel = kernel;
        this.inputs = List.copyOf(inputs);
        this.axis = axis;
        this.format = format;
        this.outputLength = outputLength;
        this.releaser = releaser;
    }

    /**
     * Eager and synchronous: the op has run on the CPU when this returns. The previous result is
     * freed first, so its buffer is back in TensorFlow's allocator for this call to reuse.
     */
    @Override
    public void call() {
        releaser.release(result);
        result = null;
        result = kernel.apply(tf, inputs, axis);
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
    }
}
