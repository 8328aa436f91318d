package io.github.opcompare.backend.tensorflow;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.bytedeco.javacpp.Pointer;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.RawTensor;
import org.tensorflow.Tensor;

/**
 * Frees the native memory of one eager op as soon as its result is no longer needed.
 *
 * <p>Why this exists: TF Java 1.1 hands each eager op's native objects (the {@code TFE_Op}, its
 * output {@code TFE_TensorHandle}s, and the {@code TF_Tensor} that {@code asTensor()} resolves) to
 * its {@code EagerSession}, which frees them only when the session closes or when the garbage
 * collector finds the Java objects unreachable. Closing the tensor from {@code asTensor()} frees
 * nothing: in eager mode the session, not the tensor, owns its native handle. A timed loop makes
 * almost no Java garbage, so the collector seldom runs while every call leaves its whole result in
 * native memory: measured here, float32 exp on 1,000,000 elements grew the process by 4.5 GB in
 * 1,200 calls. Closing the session per call would free everything but costs about 0.6 ms, ten
 * times the op itself. TF Java has no public way to free one eager op, so this reads the three
 * private fields that hold those objects, detaches them from the session (its package-private
 * {@code detach}) and deallocates them. Detaching matters: the session tracks its objects in a weak
 * hash set keyed by native address, and a pointer freed but left in it stays in the bucket of the
 * address the allocator hands out again for the next call's op, so each call would walk a longer
 * chain (measured: exp of 1,000 floats took 25 us a call when detached, and slowed from 180 to
 * 330 us within seconds when not).
 *
 * <p>If those fields are not there (another TF Java version), {@link #available()} is false, release
 * does nothing and memory is left to the garbage collector, as TF Java intends; a line on stderr
 * says so.
 */
final class EagerReleaser {
    private final Field opHandle;
    private final Field outputHandles;
    private final Field outputTensors;
    private final Field tensorHandle;
    private final Method detach;
    private final Class<?> eagerOperation;

    private EagerReleaser(Class<?> eagerOperation, Field opHandle, Field outputHandles, Field outputTensors,
            Field tensorHandle, Method detach) {
        this.eagerOperation = eagerOperation;
        this.detach = detach;
        this.opHandle = opHandle;
        this.outputHandles = outputHandles;
        this.outputTensors = outputTensors;
        this.tensorHandle = tensorHandle;
    }

    static EagerReleaser create() {
        try {
            Class<?> op = Class.forName("org.tensorflow.EagerOperation");
            return new EagerReleaser(op, open(op, "opHandle"), open(op, "outputHandles"), open(op, "outputTensors"),
                    open(RawTensor.class, "tensorHandle"), detachMethod());
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("opcompare tensorflow: cannot free eager results explicitly (" + e
                    + "); native memory is freed when the garbage collector runs");
            return new EagerReleaser(null, null, null, null, null, null);
        }
    }

    private static Field open(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private static Method detachMethod() throws NoSuchMethodException {
        Method method = EagerSession.class.getDeclaredMethod("detach", Pointer[].class);
        method.setAccessible(true);
        return method;
    }

    boolean available() {
        return eagerOperation != null;
    }

    /**
     * Frees the native objects of the op that produced {@code operand}. The operand, its op and any
     * tensor obtained from it must not be used afterwards. Does nothing for null.
     */
    void release(Operand<?> operand) {
        if (operand == null || !available()) {
            return;
        }
        Operation op = operand.op();
        if (!eagerOperation.isInstance(op)) {
            return;
        }
        try {
            // Resolved tensors first: they share the output's buffer, which goes when both are gone.
            List<Pointer> pointers = new ArrayList<>();
            AtomicReferenceArray<?> tensors = (AtomicReferenceArray<?>) outputTensors.get(op);
            for (int i = 0; i < tensors.length(); i++) {
                Object tensor = tensors.getAndSet(i, null);
                if (tensor != null) {
                    add(pointers, (Pointer) tensorHandle.get(((Tensor) tensor).asRawTensor()));
                }
            }
            for (Pointer handle : (Pointer[]) outputHandles.get(op)) {
                add(pointers, handle);
            }
            add(pointers, (Pointer) opHandle.get(op));
            Pointer[] array = pointers.toArray(new Pointer[0]);
            detach.invoke(op.env(), (Object) array);
            for (Pointer pointer : array) {
                // Detaching released the session's reference, which frees a pointer nobody else
                // holds; deallocate() makes sure, and does nothing for one already freed.
                pointer.deallocate();
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot free eager op " + op, e);
        }
    }

    private static void add(List<Pointer> pointers, Pointer pointer) {
        if (pointer != null && !pointer.isNull()) {
            pointers.add(pointer);
        }
    }
}
