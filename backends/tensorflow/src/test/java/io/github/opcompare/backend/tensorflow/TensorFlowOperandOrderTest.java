package io.github.opcompare.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operand order and meaning the catalog gives atan2 and mod, checked on values that tell the
 * alternatives apart: a swapped atan2 gives -pi/4 for (1, -1), and a floor-mod gives 0.5 for (-5.5, 2).
 */
class TensorFlowOperandOrderTest {
    @Test
    void atan2TakesYFirst() throws Exception {
        // C99 atan2(y, x): (1, -1) is 3pi/4, (-1, 0) is -pi/2, (0, -1) is pi; float32 nearest by hand
        // from pi = 3.14159265358979...: 2.3561945f, -1.5707964f, 3.1415927f.
        double[] y = {1, -1, 0};
        double[] x = {-1, 0, -1};
        assertArrayEquals(new double[] {2.3561945f, -1.5707964f, 3.1415927f},
                LiveTensorFlow.run(Op.ATAN2, DType.FLOAT32, y, x));
        assertArrayEquals(new double[] {3 * Math.PI / 4, -Math.PI / 2, Math.PI},
                LiveTensorFlow.run(Op.ATAN2, DType.FLOAT64, y, x), 1e-15);
    }

    @Test
    void modIsCsFmodWithTheSignOfX() throws Exception {
        // fmod: 5.5 - trunc(5.5 / 2) * 2 = 1.5, with the sign of x whatever the sign of y.
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            assertArrayEquals(new double[] {1.5, -1.5, 1.5, -1.5},
                    LiveTensorFlow.run(Op.MOD, dtype, new double[] {5.5, -5.5, 5.5, -5.5},
                            new double[] {2, 2, -2, -2}), dtype.id());
        }
    }
}
