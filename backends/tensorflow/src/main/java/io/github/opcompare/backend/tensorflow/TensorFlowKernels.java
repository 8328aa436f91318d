package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.worker.op.Op;
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
        k.put(Op.ABS, (tf, x, axis) -> tf.math.abs(x.get(0)));
        k.put(Op.NEG, (tf, x, axis) -> tf.math.neg(x.get(0)));
        k.put(Op.SQUARE, (tf, x, axis) -> tf.math.square(x.get(0)));
        k.put(Op.RECIPROCAL, (tf, x, axis) -> tf.math.reciprocal(x.get(0)));
        k.put(Op.RSQRT, (tf, x, axis) -> tf.math.rsqrt(x.get(0)));
        k.put(Op.EXPM1, (tf, x, axis) -> tf.math.expm1(x.get(0)));
        k.put(Op.LOG1P, (tf, x, axis) -> tf.math.log1p(x.get(0)));
        k.put(Op.TAN, (tf, x, axis) -> tf.math.tan(x.get(0)));
        k.put(Op.ASIN, (tf, x, axis) -> tf.math.asin(x.get(0)));
        k.put(Op.ACOS, (tf, x, axis) -> tf.math.acos(x.get(0)));
        k.put(Op.ATAN, (tf, x, axis) -> tf.math.atan(x.get(0)));
        k.put(Op.SINH, (tf, x, axis) -> tf.math.sinh(x.get(0)));
        k.put(Op.COSH, (tf, x, axis) -> tf.math.cosh(x.get(0)));
        k.put(Op.ASINH, (tf, x, axis) -> tf.math.asinh(x.get(0)));
        k.put(Op.ACOSH, (tf, x, axis) -> tf.math.acosh(x.get(0)));
        k.put(Op.ATANH, (tf, x, axis) -> tf.math.atanh(x.get(0)));
        k.put(Op.SIGMOID, (tf, x, axis) -> tf.math.sigmoid(x.get(0)));
        k.put(Op.SOFTPLUS, (tf, x, axis) -> tf.math.softplus(x.get(0)));
        k.put(Op.ERF, (tf, x, axis) -> tf.math.erf(x.get(0)));
        k.put(Op.ERFC, (tf, x, axis) -> tf.math.erfc(x.get(0)));
        k.put(Op.FLOOR, (tf, x, axis) -> tf.math.floor(x.get(0)));
        k.put(Op.CEIL, (tf, x, axis) -> tf.math.ceil(x.get(0)));
        // Rint rounds halfway cases to even (as does Round, TF's tf.math.round).
        k.put(Op.RINT, (tf, x, axis) -> tf.math.rint(x.get(0)));
        k.put(Op.POW, (tf, x, axis) -> tf.math.pow(x.get(0), x.get(1)));
        k.put(Op.ATAN2, (tf, x, axis) -> tf.math.atan2(x.get(0), x.get(1)));
        // TruncateMod is C's fmod (truncated quotient, sign of x); tf.math.mod / floormod is Python's floor-mod.
        k.put(Op.MOD, (tf, x, axis) -> tf.math.truncateMod(x.get(0), x.get(1)));
        k.put(Op.REDUCE_MEAN, (tf, x, axis) -> tf.math.mean(x.get(0), axis));
        k.put(Op.REDUCE_PROD, (tf, x, axis) -> tf.reduceProd(x.get(0), axis));
        // Softmax normalises along the last axis: the whole vector for rank-1 input.
        k.put(Op.SOFTMAX, (tf, x, axis) -> tf.nn.softmax(x.get(0)));
        // The operands arrive as n x n matrices (see asMatrix); the product's n² values are written out row-major.
        k.put(Op.MATMUL, (tf, x, axis) -> tf.linalg.matMul(x.get(0), x.get(1)));
        return Collections.unmodifiableMap(k);
    }

    /**
     * Why TensorFlow answers unsupported for catalog ops it has no kernel for; an op neither here nor
     * in {@link #all()} is unsupported without a reason beyond that.
     */
    static Map<Op, String> missing() {
        Map<Op, String> m = new EnumMap<>(Op.class);
        m.put(Op.CBRT, "TensorFlow has no cube-root op (tf.math has no cbrt; pow(x, 1/3) would be another function)");
        m.put(Op.EXP2, "TensorFlow has no exp2 op (pow(2, x) would be another kernel than an exp2)");
        m.put(Op.LOG2, "TensorFlow has no log2 op (Python's composites divide log(x) by log(2), which is not a TF kernel)");
        m.put(Op.LOG10, "TensorFlow has no log10 op (Python's composites divide log(x) by log(10), which is not a TF kernel)");
        m.put(Op.LOGSUMEXP, "TensorFlow has no logsumexp kernel: tf.reduce_logsumexp is a Python composite of max, exp, sum and log");
        return Collections.unmodifiableMap(m);
    }

    /** A flat n*n operand reshaped to n x n (row-major), for the MATRIX ops; the flat one stays the caller's. */
    @SuppressWarnings("unchecked")
    static Operand<TNumber> asMatrix(Ops tf, Operand<TNumber> flat, int length) {
        long n = Op.matrixSide(length);
        return (Operand<TNumber>) (Operand<?>) tf.reshape(flat, tf.constant(new long[] {n, n}));
    }
}
