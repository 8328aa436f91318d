package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.engine.op.Op;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * The mapping from catalog ops to TensorFlow ops: one line per op. An op missing here is answered
 * {@code unsupported} by {@link TensorFlowExecutor}.
 */
final class TensorFlowKernels {
    private TensorFlowKernels() {
    }

    /** One TensorFlow op applied to already-built operands; {@code axis} is the scalar 0, for reductions. */
    @FunctionalInterface
    interface Kernel {
        Operand<TNumber> apply(Ops tf, List<Operand<TNumber>> x, Operand<TInt32> axis);
    }

    static Map<Op, Kernel> all() {
        Map<Op, Kernel> k = new EnumMap<>(Op.class);
        k.put(Op.SQRT, (tf, x, axis) -> tf.math.sqrt(x.get(0)));
        k.put(Op.EXP, (tf, x, axis) -> tf.math.exp(x.get(0)));
        k.put(Op.LOG, (tf, x, axis) -> tf.math.log(x.get(0)));
        k.put(Op.SIN, (tf, x, axis) -> tf.math.sin(x.get(0)));
        k.put(Op.COS, (tf, x, axis) -> tf.math.cos(x.get(0)));
        k.put(Op.TANH, (tf, x, axis) -> tf.math.tanh(x.get(0)));
        k.put(Op.ADD, (tf, x, axis) -> tf.math.add(x.get(0), x.get(1)));
        k.put(Op.SUB, (tf, x, axis) -> tf.math.sub(x.get(0), x.get(1)));
        k.put(Op.MUL, (tf, x, axis) -> tf.math.mul(x.get(0), x.get(1)));
        // RealDiv, not Div: RealDiv is defined as x / y for real types, which is what Python's
        // tf.math.truediv and the "/" operator run for floats. Div is the same for floats, but its
        // meaning changes with the dtype (it truncates integers), so RealDiv says what is compared.
        k.put(Op.DIV, (tf, x, axis) -> tf.math.realDiv(x.get(0), x.get(1)));
        k.put(Op.MAXIMUM, (tf, x, axis) -> tf.math.maximum(x.get(0), x.get(1)));
        k.put(Op.MINIMUM, (tf, x, axis) -> tf.math.minimum(x.get(0), x.get(1)));
        k.put(Op.REDUCE_SUM, (tf, x, axis) -> tf.reduceSum(x.get(0), axis));
        k.put(Op.REDUCE_MAX, (tf, x, axis) -> tf.reduceMax(x.get(0), axis));
        k.put(Op.REDUCE_MIN, (tf, x, axis) -> tf.reduceMin(x.get(0), axis));
        return Collections.unmodifiableMap(k);
    }
}
