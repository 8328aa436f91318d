package io.github.opcompare.worker.functions;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.dtype.DType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A call on plain Java arrays: the operands copied out of the worker's buffers once, when the call
 * is prepared, and the output array written back after each call. What any backend whose library
 * takes {@code float[]} or {@code double[]} (or single values) needs; the body is the library's.
 */
public final class ArrayCall implements PreparedCall {

    /** The op on the operands, filling the output; may throw anything the library throws. */
    @FunctionalInterface
    public interface Body {
        void run() throws Throwable;
    }

    private final Body body;
    private final Object output;

    private ArrayCall(Body body, Object output) {
        this.body = body;
        this.output = output;
    }

    /** Wraps a body that fills {@code output} (a {@code float[]} or {@code double[]}). */
    public static ArrayCall of(Body body, Object output) {
        return new ArrayCall(body, output);
    }

    /** The operands as {@code float[]}, each {@code length} elements. */
    public static float[][] floats(List<ByteBuffer> inputs, int length) {
        float[][] operands = new float[inputs.size()][];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = new float[length];
            inputs.get(i).asFloatBuffer().get(operands[i]);
        }
        return operands;
    }

    /** The operands as {@code double[]}, each {@code length} elements. */
    public static double[][] doubles(List<ByteBuffer> inputs, int length) {
        double[][] operands = new double[inputs.size()][];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = new double[length];
            inputs.get(i).asDoubleBuffer().get(operands[i]);
        }
        return operands;
    }

    /** Whether a dtype is one Java computes in: float32 and float64. */
    public static boolean javaType(DType dtype) {
        return dtype == DType.FLOAT32 || dtype == DType.FLOAT64;
    }

    @Override
    public void call() {
        try {
            body.run();
        } catch (Throwable t) {
            // The library's own exception goes to the worker unwrapped, so that the failed result
            // names it and its first frames (where the project's code threw), not a wrapper.
            throw ArrayCall.<RuntimeException>sneaky(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Override
    public void writeResult(ByteBuffer out) {
        if (output instanceof float[] f) {
            out.asFloatBuffer().put(f);
        } else {
            out.asDoubleBuffer().put((double[]) output);
        }
    }

    @Override
    public void close() {
    }
}
