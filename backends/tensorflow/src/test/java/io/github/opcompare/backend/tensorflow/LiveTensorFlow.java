package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** One real TensorFlow CPU executor for the tests that run ops on a few hand-picked values. */
final class LiveTensorFlow {
    private static TensorFlowExecutor executor;

    private LiveTensorFlow() {
    }

    static synchronized TensorFlowExecutor executor() {
        if (executor == null) {
            executor = new TensorFlowExecutor();
        }
        return executor;
    }

    /** Runs the op once on the operands, given as values of the dtype, and returns its exact outputs. */
    static double[] run(Op op, DType dtype, double[]... operands) throws UnsupportedOpException {
        List<ByteBuffer> inputs = new ArrayList<>();
        for (double[] operand : operands) {
            inputs.add(Buffers.of(dtype, operand));
        }
        int length = operands[0].length;
        try (PreparedCall call = executor().prepare(op, dtype, inputs, length)) {
            call.call();
            ByteBuffer out = Buffers.output(op.outputLength(length), dtype.bytes());
            call.writeResult(out);
            return Buffers.values(out, dtype, op.outputLength(length));
        }
    }
}
