package io.github.opcompare.worker.functions;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.op.Op;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Binds a project's static method, in one of its {@linkplain FunctionSignature accepted forms}, to the
 * operands of a call. The method is called through a method handle with its exact type, so its
 * exceptions reach the worker as thrown, and the scalar form costs a direct call per element.
 */
public final class FunctionCalls {
    private FunctionCalls() {
    }

    /** A method ready to call: its handle, its form, and its name for messages. */
    public record Bound(MethodHandle handle, FunctionSignature signature, String name) {
    }

    /**
     * Opens the method and makes its handle, once per op and dtype: reflection costs far more than
     * a call, and the worker times the preparation of a call as the transfer in.
     *
     * @throws IllegalAccessException when the method cannot be made accessible (a class in a named module that does not open it)
     */
    public static Bound bind(FunctionMethods.Found found) throws IllegalAccessException {
        // Package-private classes and methods are usual in a project's tests: open them, as JUnit does.
        found.method().setAccessible(true);
        return new Bound(MethodHandles.lookup().unreflect(found.method()), found.signature(),
                found.method().getDeclaringClass().getName() + "#" + found.method().getName());
    }

    /** Binds the method to copies of the operands. */
    public static PreparedCall prepare(Bound bound, Op op, List<ByteBuffer> inputs, int length) {
        int outLength = op.outputLength(length);
        if (bound.signature().element() == float.class) {
            return floatCall(bound.handle(), bound.signature(), ArrayCall.floats(inputs, length), new float[outLength], bound.name());
        }
        return doubleCall(bound.handle(), bound.signature(), ArrayCall.doubles(inputs, length), new double[outLength], bound.name());
    }

    private static PreparedCall floatCall(MethodHandle h, FunctionSignature signature, float[][] in, float[] out, String name) {
        float[] a = in[0];
        float[] b = in.length > 1 ? in[1] : null;
        ArrayCall.Body body = switch (signature.shape()) {
            // Block bodies: only as an expression statement is invokeExact typed void, the method's type.
            case ARRAY_INTO -> b == null ? () -> {
                h.invokeExact(a, out);
            } : () -> {
                h.invokeExact(a, b, out);
            };
            case ARRAY_RETURN -> b == null
                    ? () -> copy((float[]) h.invokeExact(a), out, name)
                    : () -> copy((float[]) h.invokeExact(a, b), out, name);
            case SCALAR -> b == null
                    ? () -> {
                        for (int i = 0; i < a.length; i++) {
                            out[i] = (float) h.invokeExact(a[i]);
                        }
                    }
                    : () -> {
                        for (int i = 0; i < a.length; i++) {
                            out[i] = (float) h.invokeExact(a[i], b[i]);
                        }
                    };
            case REDUCE -> () -> out[0] = (float) h.invokeExact(a);
        };
        return ArrayCall.of(body, out);
    }

    private static PreparedCall doubleCall(MethodHandle h, FunctionSignature signature, double[][] in, double[] out, String name) {
        double[] a = in[0];
        double[] b = in.length > 1 ? in[1] : null;
        ArrayCall.Body body = switch (signature.shape()) {
            // Block bodies: only as an expression statement is invokeExact typed void, the method's type.
            case ARRAY_INTO -> b == null ? () -> {
                h.invokeExact(a, out);
            } : () -> {
                h.invokeExact(a, b, out);
            };
            case ARRAY_RETURN -> b == null
                    ? () -> copy((double[]) h.invokeExact(a), out, name)
                    : () -> copy((double[]) h.invokeExact(a, b), out, name);
            case SCALAR -> b == null
                    ? () -> {
                        for (int i = 0; i < a.length; i++) {
                            out[i] = (double) h.invokeExact(a[i]);
                        }
                    }
                    : () -> {
                        for (int i = 0; i < a.length; i++) {
                            out[i] = (double) h.invokeExact(a[i], b[i]);
                        }
                    };
            case REDUCE -> () -> out[0] = (double) h.invokeExact(a);
        };
        return ArrayCall.of(body, out);
    }

    private static void copy(float[] result, float[] out, String name) {
        checkLength(result == null ? -1 : result.length, out.length, name);
        System.arraycopy(result, 0, out, 0, out.length);
    }

    private static void copy(double[] result, double[] out, String name) {
        checkLength(result == null ? -1 : result.length, out.length, name);
        System.arraycopy(result, 0, out, 0, out.length);
    }

    private static void checkLength(int got, int expected, String name) {
        if (got != expected) {
            throw new IllegalStateException(name + " returned " + (got < 0 ? "null" : got + " values") + " for "
                    + expected + " inputs");
        }
    }
}
