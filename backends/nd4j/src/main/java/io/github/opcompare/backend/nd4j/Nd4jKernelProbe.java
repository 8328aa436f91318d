package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs an op once on one-element arrays of a data type, once per op and dtype in this process, before
 * its first real call. libnd4j builds many of its kernels for a subset of its types only (half and
 * bfloat16 are left out of some): such an op must be answered unsupported with libnd4j's reason at
 * prepare time, not fail in the middle of a timed run. One ND4J backend is active per process (the
 * CPU or the CUDA one), so a process-wide memory of which kernel ran in which dtype serves every
 * executor.
 */
final class Nd4jKernelProbe {
    private static final Set<Ran> RAN = ConcurrentHashMap.newKeySet();

    /** A kernel (by identity: each executor's map holds its own) that ran in a dtype. */
    private record Ran(Nd4jKernels.Kernel kernel, DType dtype) {
    }

    private Nd4jKernelProbe() {
    }

    static void require(Op op, DType dtype, Nd4jKernels.Kernel kernel, DataType type, UnaryOperator<INDArray> place)
            throws UnsupportedOpException {
        Ran key = new Ran(kernel, dtype);
        if (RAN.contains(key)) {
            return;
        }
        INDArray[] ones = new INDArray[op.arity()];
        INDArray out = null;
        try {
            for (int i = 0; i < ones.length; i++) {
                // 1 is inside every catalog op's domain, acosh's included.
                ones[i] = place.apply(Nd4j.ones(type, 1));
            }
            out = op.kind() == OpKind.REDUCTION ? Nd4j.scalar(type, 0) : Nd4j.createUninitializedDetached(type, 1);
            kernel.run(ones, out);
            Nd4j.getExecutioner().commit();
            RAN.add(key);
        } catch (RuntimeException e) {
            throw new UnsupportedOpException("ND4J cannot run " + op + " for " + dtype + " (" + type + "): "
                    + reason(e));
        } finally {
            Nd4jCall.closeAll(ones);
            Nd4jCall.closeAll(out);
        }
    }

    /** libnd4j's own words: the innermost message, on one line (its op errors wrap the native one). */
    private static String reason(Throwable e) {
        String text = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                text = (text == null ? "" : text + "; ") + t.getMessage().strip();
            }
        }
        return text == null ? e.getClass().getName() : text.replaceAll("\\s+", " ");
    }
}
