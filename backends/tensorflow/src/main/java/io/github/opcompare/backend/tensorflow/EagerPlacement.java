package io.github.opcompare.backend.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TFE_TensorHandleDeviceName;

import java.lang.reflect.Field;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.internal.c_api.TFE_TensorHandle;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * Reads which device an eager op ran on, from its result: TensorFlow's C API answers that for a
 * tensor handle ({@code TFE_TensorHandleDeviceName}: the device of the op that produced it), but TF
 * Java 1.1 keeps the handles in a private field of {@code EagerOperation}, read here as
 * {@link EagerReleaser} reads its others.
 */
final class EagerPlacement {
    private final Class<?> eagerOperation;
    private final Field outputHandles;

    private EagerPlacement(Class<?> eagerOperation, Field outputHandles) {
        this.eagerOperation = eagerOperation;
        this.outputHandles = outputHandles;
    }

    /**
     * Where this TF Java has no such field (another version), {@link #available()} is false and a line on
     * stderr says so: placement cannot be verified then, which the CPU worker can live with and the GPU
     * worker cannot.
     */
    static EagerPlacement create() {
        try {
            Class<?> op = Class.forName("org.tensorflow.EagerOperation");
            Field handles = op.getDeclaredField("outputHandles");
            handles.setAccessible(true);
            return new EagerPlacement(op, handles);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("opcompare tensorflow: cannot read where TensorFlow runs its eager ops (" + e
                    + "); TF Java has changed and EagerPlacement needs updating");
            return new EagerPlacement(null, null);
        }
    }

    boolean available() {
        return eagerOperation != null;
    }

    /** {@code /job:localhost/replica:0/task:0/device:CPU:0}: the device of the op that produced {@code operand}. */
    String deviceOf(Operand<?> operand) {
        if (!available()) {
            throw new IllegalStateException("TF Java's eager result handles cannot be read, so placement cannot be verified");
        }
        Operation op = operand.op();
        if (!eagerOperation.isInstance(op)) {
            throw new IllegalArgumentException(op + " is not an eager operation");
        }
        TFE_TensorHandle handle;
        try {
            handle = ((TFE_TensorHandle[]) outputHandles.get(op))[operand.asOutput().index()];
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read the result handles of " + op, e);
        }
        try (TF_Status status = TF_Status.newStatus()) {
            BytePointer name = TFE_TensorHandleDeviceName(handle, status);
            status.throwExceptionIfNotOK();
            return name.getString();
        }
    }
}
