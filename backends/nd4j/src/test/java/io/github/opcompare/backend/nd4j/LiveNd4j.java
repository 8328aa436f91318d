package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** One real ND4J CPU executor for the tests that run ops on a few hand-picked values. */
final class LiveNd4j {
    private static Nd4jExecutor executor;

    private LiveNd4j() {
    }

    static synchronized Nd4jExecutor executor() {
        if (executor == null) {
            executor = new Nd4jExecutor();
        }
        return executor;
    }

    /** Runs the op once on the operands, given as values of the dtype, and returns its exact outputs. */
    static double[] run(Op op, DType dtype, double[]... operands) throws UnsupportedOpException {
        List<ByteBuffer> inputs = new ArrayList<>();
        for (double[] operand : operands) {
            inputs.add(RawValues.of(dtype, operand));
        }
        int length = operands[0].length;
        int outLength = op.outputLength(length);
        try (PreparedCall call = executor().prepare(op, dtype, inputs, length)) {
            call.call();
            ByteBuffer out = ByteBuffer.allocateDirect(outLength * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            call.writeResult(out);
            return RawValues.values(out, dtype, outLength);
        }
    }
}
