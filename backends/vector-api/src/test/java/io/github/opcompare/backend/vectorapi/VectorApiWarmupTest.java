package io.github.opcompare.backend.vectorapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The first results are the compiled loop's, not the Java fallback's. Cold, float32 tanh gives other
 * bits than the C2 intrinsic in 8 of these 4,096 lanes (Java 17, AVX2), so without the executor's
 * warm-up the first call would differ from the same call once hot.
 */
class VectorApiWarmupTest {

    private static float[] tanh(PreparedCall call, int length) {
        call.call();
        ByteBuffer out = ByteBuffer.allocate(length * 4).order(ByteOrder.LITTLE_ENDIAN);
        call.writeResult(out);
        float[] values = new float[length];
        out.asFloatBuffer().get(values);
        return values;
    }

    @Test
    void theFirstResultIsTheHotLoops() throws Exception {
        int length = 4096;
        ByteBuffer in = ByteBuffer.allocate(length * 4).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(1);
        for (int i = 0; i < length; i++) {
            in.putFloat(i * 4, random.nextFloat() * 10 - 5);
        }
        try (PreparedCall call = new VectorApiExecutor().prepare(Op.TANH, DType.FLOAT32, List.of(in), length)) {
            float[] first = tanh(call, length);
            for (int i = 0; i < 20_000; i++) {
                call.call();
            }
            assertArrayEquals(tanh(call, length), first);
        }
    }
}
