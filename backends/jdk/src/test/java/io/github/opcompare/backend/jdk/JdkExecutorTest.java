package io.github.opcompare.backend.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdkExecutorTest {

    private static ByteBuffer floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b;
    }

    private static float[] run(JdkExecutor executor, Op op, ByteBuffer... inputs) throws UnsupportedOpException {
        int length = inputs[0].capacity() / 4;
        try (PreparedCall call = executor.prepare(op, DType.FLOAT32, List.of(inputs), length)) {
            call.call();
            ByteBuffer out = ByteBuffer.allocate(length * 4).order(ByteOrder.LITTLE_ENDIAN);
            call.writeResult(out);
            float[] result = new float[length];
            out.asFloatBuffer().get(result);
            return result;
        }
    }

    @Test
    void float32ArithmeticIsJavaFloatArithmetic() throws UnsupportedOpException {
        // 16777216 + 1 is halfway between two floats (2^24 and 2^24 + 2): ties to even give 2^24.
        // 0.1f (0x3dcccccd) + 0.2f (0x3e4ccccd) rounds to 0.3f (0x3e99999a), unlike in double.
        float[] sum = run(new JdkExecutor(false), Op.ADD, floats(16777216f, 0.1f, -0f), floats(1f, 0.2f, -0f));
        assertEquals(16777216f, sum[0]);
        assertEquals(Float.intBitsToFloat(0x3e99999a), sum[1]);
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(sum[2]));
    }

    @Test
    void maximumFollowsMathMaxForZerosAndNaN() throws UnsupportedOpException {
        float[] max = run(new JdkExecutor(true), Op.MAXIMUM, floats(-0f, Float.NaN, 1f), floats(0f, 1f, 2f));
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(max[0]));
        assertTrue(Float.isNaN(max[1]));
        assertEquals(2f, max[2]);
    }

    @Test
    void sqrtOfFourIsTwoAndReductionsAreNotJdkOps() throws UnsupportedOpException {
        assertEquals(2f, run(new JdkExecutor(false), Op.SQRT, floats(4f))[0]);
        UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
                () -> new JdkExecutor(false).prepare(Op.REDUCE_SUM, DType.FLOAT32, List.of(floats(1f)), 1));
        assertTrue(e.getMessage().contains("no reduce_sum function"), e.getMessage());
        assertTrue(new JdkExecutor(true).version().contains("StrictMath"));
    }

    @Test
    void float16AndBfloat16AreUnsupportedBecauseJavaHasNoSuchArithmetic() {
        for (JdkExecutor executor : List.of(new JdkExecutor(false), new JdkExecutor(true))) {
            for (Op op : List.of(Op.EXP, Op.ADD, Op.SQRT, Op.MAXIMUM, Op.REDUCE_SUM)) {
                ByteBuffer one = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
                List<ByteBuffer> inputs = op.arity() == 2 ? List.of(one, one) : List.of(one);
                UnsupportedOpException half = assertThrows(UnsupportedOpException.class,
                        () -> executor.prepare(op, DType.FLOAT16, inputs, 1));
                assertTrue(half.getMessage().startsWith("the JDK has no float16 arithmetic: Java "), half.getMessage());
                assertTrue(half.getMessage().contains("no half-precision type"), half.getMessage());
                UnsupportedOpException brain = assertThrows(UnsupportedOpException.class,
                        () -> executor.prepare(op, DType.BFLOAT16, inputs, 1));
                assertTrue(brain.getMessage().startsWith("the JDK has no bfloat16 arithmetic: Java has no bfloat16 type"),
                        brain.getMessage());
            }
        }
    }
}
