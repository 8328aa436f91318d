package io.github.opcompare.backend.nd4j;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.opcompare.worker.WorkerServer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The worker, after making libnd4j print an error with C printf: shows where such prints land.
 * Started by {@link Nd4jWorkerProcessTest} in its own JVM.
 */
public final class NoisyNd4jWorker {
    interface Stdio extends Library {
        int fflush(Pointer stream);
    }

    private NoisyNd4jWorker() {
    }

    public static void main(String[] args) {
        NativeStdout.redirectToStderr();
        INDArray x = Nd4j.createUninitializedDetached(DataType.FLOAT, 5);
        INDArray z = Nd4j.createUninitializedDetached(DataType.FLOAT, 5);
        try {
            // Dimension 5 of a rank-1 array: libnd4j prints "REDUCE_SUM OP: the input dimension ..." and fails.
            Nd4j.getExecutioner().exec(DynamicCustomOp.builder("reduce_sum")
                    .addInputs(x).addOutputs(z).addIntegerArguments(5).build());
        } catch (RuntimeException expected) {
            System.err.println("provoked: " + expected);
        }
        // Push C stdio's buffer out now rather than at exit, wherever descriptor 1 points.
        Native.loadLibrary("c", Stdio.class).fflush(null);
        WorkerServer.main(Nd4jExecutor::new);
    }
}
