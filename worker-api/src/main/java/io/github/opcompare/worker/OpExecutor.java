package io.github.opcompare.worker;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What a backend implements: build the library's own tensors from raw inputs and run one op on them.
 * Everything else (protocol, files, timing) is {@link WorkerServer}'s, so a backend is only the
 * mapping from catalog ops to library calls.
 */
public interface OpExecutor {

    /** Library name as shown in results ({@code tensorflow}). */
    String library();

    /** Library version, with the native version where it differs ({@code 1.1.0 (TensorFlow 2.18.0)}). */
    String version();

    /** Device the ops run on ({@code cpu}). */
    String device();

    /**
     * Threads the library uses for one op, as configured for this process (environment variables
     * such as {@code OMP_NUM_THREADS} are read before the process starts, so a worker has one count
     * for its whole life). 1 for libraries whose elementwise ops never run in parallel.
     */
    default int threads() {
        return 1;
    }

    /**
     * Copies the inputs into library tensors and prepares the op, so that {@link PreparedCall#call()}
     * times the op alone.
     *
     * @param inputs one little-endian buffer per operand, each holding {@code length} elements of
     *     {@code dtype}, positioned at 0
     * @throws UnsupportedOpException where the library lacks the op or the dtype
     */
    PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException;
}
