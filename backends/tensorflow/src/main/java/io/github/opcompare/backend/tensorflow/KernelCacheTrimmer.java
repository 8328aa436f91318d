package io.github.opcompare.backend.tensorflow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.tensorflow.EagerSession;

/**
 * Empties the eager context's kernel cache once the constants made since the last time add up to
 * {@link #THRESHOLD_BYTES}.
 *
 * <p>Why this exists: TF Java turns a tensor into an operand with a {@code Const} op whose
 * {@code value} attribute is the tensor, and TensorFlow's eager runtime caches the kernel of each
 * op it runs, keyed by the op's attributes, for the life of the context. A {@code Const} kernel
 * holds its own copy of the value, so every distinct input ever prepared stays in native memory
 * even after {@link EagerReleaser} has freed the operand itself. The same input prepared again hits
 * the cache, which is why repeated calls on one input stay flat; an exhaustive sweep, whose every
 * chunk is new, grew the worker by 23 to 30 MB per chunk of 4,194,304 float32 inputs (4.5 GB within
 * 100 s). {@code TFE_ContextClearCaches} drops those kernels; live tensor handles are not affected,
 * and the next op rebuilds its own kernel. Measured on exp float32: emptying the cache takes about
 * 7 us, and the call after it was no slower (a cache of thousands of small constants made calls
 * slower, if anything); it is still done in batches, once per {@link #THRESHOLD_BYTES} of inputs,
 * so that a timed copy of a small input is not timed with it.
 *
 * <p>TF Java has no public handle on the context, so this reads {@code EagerSession}'s
 * package-private {@code nativeHandle()}; where that is missing (another TF Java version),
 * {@link #available()} is false, trimming does nothing and a line on stderr says so.
 */
final class KernelCacheTrimmer {
    /**
     * Constants' bytes made before the cache is emptied: one sweep chunk of float32 (so a sweep trims
     * after every chunk), thousands of small inputs. With 64 MiB, a sweep's worker settled 50 to 140 MB
     * higher.
     */
    static final long THRESHOLD_BYTES = 16L << 20;

    private final Object context;
    private final Method clearCaches;
    private long pendingBytes;

    private KernelCacheTrimmer(Object context, Method clearCaches) {
        this.context = context;
        this.clearCaches = clearCaches;
    }

    static KernelCacheTrimmer of(EagerSession session) {
        try {
            Method nativeHandle = EagerSession.class.getDeclaredMethod("nativeHandle");
            nativeHandle.setAccessible(true);
            Object context = nativeHandle.invoke(session);
            Method clear = Class.forName("org.tensorflow.internal.c_api.global.tensorflow")
                    .getMethod("TFE_ContextClearCaches", nativeHandle.getReturnType());
            return new KernelCacheTrimmer(context, clear);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println("opcompare tensorflow: cannot empty the eager kernel cache (" + e
                    + "); every distinct input stays in native memory until the worker ends");
            return new KernelCacheTrimmer(null, null);
        }
    }

    boolean available() {
        return clearCaches != null;
    }

    /** Counts a constant of {@code bytes} just made: its kernel now holds a copy of it. */
    void constantMade(long bytes) {
        pendingBytes += bytes;
    }

    /**
     * Empties the kernel cache if the constants made since it was last emptied reach the threshold.
     * Call it where no op is being timed: the op after it rebuilds its kernel.
     */
    void trimIfFull() {
        if (pendingBytes >= THRESHOLD_BYTES) {
            trim();
        }
    }

    /** Empties the kernel cache now. */
    void trim() {
        pendingBytes = 0;
        if (!available()) {
            return;
        }
        try {
            clearCaches.invoke(null, context);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot empty TensorFlow's eager kernel cache", e);
        }
    }
}
