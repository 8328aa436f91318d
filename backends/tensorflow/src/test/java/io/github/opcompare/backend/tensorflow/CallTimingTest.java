package io.github.opcompare.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.Op;
import io.github.opcompare.engine.worker.CallTimer;
import io.github.opcompare.engine.worker.PreparedCall;
import io.github.opcompare.engine.worker.TimingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times float32 exp as the worker does, and prints the figures: a record, not a gate. */
class CallTimingTest {
    @Test
    void timesExpAtTwoSizes() throws Exception {
        TensorFlowExecutor executor = new TensorFlowExecutor();
        for (int length : new int[] {1_000, 1_000_000}) {
            float[] x = new float[length];
            for (int i = 0; i < length; i++) {
                x[i] = (float) (i % 2000) / 100f - 10f;
            }
            try (PreparedCall call = executor.prepare(Op.EXP, DType.FLOAT32, List.of(Buffers.floats(x)), length)) {
                CallTimer.Samples samples = CallTimer.time(call::call, TimingSpec.quick());
                assertFalse(samples.perCallNanos().isEmpty());
                double[] sorted = samples.perCallNanos().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double median = sorted[sorted.length / 2];
                assertTrue(median > 0);
                System.out.printf("CallTimingTest: exp float32 n=%d: median %.1f us/call (min %.1f, max %.1f), "
                        + "%.2f ns/element, %d samples of %d calls%n", length, median / 1e3, sorted[0] / 1e3,
                        sorted[sorted.length - 1] / 1e3, median / length, sorted.length, samples.callsPerSample());
            }
        }
    }
}
