package io.github.opcompare.backend.nd4j;

import io.github.opcompare.worker.op.Op;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Cos;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sin;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mapping from catalog ops to ND4J calls. Every kernel writes into an output array the caller
 * allocated once, so a call never touches its inputs and allocates no tensor memory; these are the
 * ops {@code Transforms.sqrt(x, true)}, {@code x.add(y)}, {@code Transforms.max(x, y)} or
 * {@code x.sum()} run, minus the allocation of a fresh result.
 */
final class Nd4jKernels {
    /** One op on ND4J arrays: reads {@code in}, overwrites {@code out}. */
    @FunctionalInterface
    interface Kernel {
        void run(INDArray[] in, INDArray out);
    }

    private Nd4jKernels() {
    }

    /** Every catalog op ND4J has, by op; an op missing here is answered as unsupported. */
    static Map<Op, Kernel> all() {
        OpExecutioner exec = Nd4j.getExecutioner();
        Map<Op, Kernel> k = new EnumMap<>(Op.class);
        k.put(Op.SQRT, (in, out) -> exec.exec(new Sqrt(in[0], out)));
        k.put(Op.EXP, (in, out) -> exec.exec(new Exp(in[0], out)));
        k.put(Op.LOG, (in, out) -> exec.exec(new Log(in[0], out)));
        k.put(Op.SIN, (in, out) -> exec.exec(new Sin(in[0], out)));
        k.put(Op.COS, (in, out) -> exec.exec(new Cos(in[0], out)));
        k.put(Op.TANH, (in, out) -> exec.exec(new Tanh(in[0], out)));
        k.put(Op.ADD, (in, out) -> in[0].add(in[1], out));
        k.put(Op.SUB, (in, out) -> in[0].sub(in[1], out));
        k.put(Op.MUL, (in, out) -> in[0].mul(in[1], out));
        k.put(Op.DIV, (in, out) -> in[0].div(in[1], out));
        // Elementwise max/min are custom ops in libnd4j (what Transforms.max/min call).
        k.put(Op.MAXIMUM, (in, out) -> exec.exec(
                new org.nd4j.linalg.api.ops.impl.transforms.custom.Max(in[0], in[1], out)));
        k.put(Op.MINIMUM, (in, out) -> exec.exec(
                new org.nd4j.linalg.api.ops.impl.transforms.custom.Min(in[0], in[1], out)));
        // No dimensions: reduce the whole (rank-1) array to a rank-0 scalar, as x.sum() does.
        k.put(Op.REDUCE_SUM, (in, out) -> exec.exec(new Sum(in[0], out)));
        k.put(Op.REDUCE_MAX, (in, out) -> exec.exec(
                new org.nd4j.linalg.api.ops.impl.reduce.same.Max(in[0], out)));
        k.put(Op.REDUCE_MIN, (in, out) -> exec.exec(
                new org.nd4j.linalg.api.ops.impl.reduce.same.Min(in[0], out)));
        k.put(Op.ABS, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Abs(in[0], out)));
        k.put(Op.NEG, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Negative(in[0], out)));
        k.put(Op.SQUARE, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Square(in[0], out)));
        k.put(Op.RECIPROCAL, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Reciprocal(in[0], out)));
        k.put(Op.RSQRT, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.floating.RSqrt(in[0], out)));
        k.put(Op.EXPM1, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Expm1(in[0], out)));
        k.put(Op.LOG1P, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Log1p(in[0], out)));
        k.put(Op.TAN, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Tan(in[0], out)));
        k.put(Op.ASIN, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.ASin(in[0], out)));
        k.put(Op.ACOS, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.ACos(in[0], out)));
        k.put(Op.ATAN, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.ATan(in[0], out)));
        k.put(Op.SINH, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Sinh(in[0], out)));
        k.put(Op.COSH, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Cosh(in[0], out)));
        k.put(Op.ASINH, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.ASinh(in[0], out)));
        k.put(Op.ACOSH, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.ACosh(in[0], out)));
        k.put(Op.ATANH, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.ATanh(in[0], out)));
        k.put(Op.SIGMOID, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid(in[0], out)));
        k.put(Op.SOFTPLUS, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus(in[0], out)));
        k.put(Op.ERF, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Erf(in[0], out)));
        k.put(Op.ERFC, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Erfc(in[0], out)));
        k.put(Op.FLOOR, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Floor(in[0], out)));
        k.put(Op.CEIL, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Ceil(in[0], out)));
        k.put(Op.RINT, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.strict.Rint(in[0], out)));
        // What Transforms.pow(x, y) runs.
        k.put(Op.POW, (in, out) -> exec.exec(
                new org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.PowPairwise(in[0], in[1], out)));
        // ATan2 is libnd4j's tf_atan2, whose input 0 is y and input 1 is x, as C's atan2(y, x) and our
        // catalog: no swap. (Checked live in Nd4jOperandOrderTest: ATan2(1, -1) is 3pi/4; a swap gave
        // -pi/4. It is ND4J's Transforms.atan2(a, b)
        // helper that reverses: it runs ATan2(b, a), so it computes atan2(b, a).)
        k.put(Op.ATAN2, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.custom.ATan2(in[0], in[1], out)));
        // FModOp is C's fmod; ND4J's FloorModOp is Python's floor-mod.
        k.put(Op.MOD, (in, out) -> exec.exec(
                new org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.FModOp(in[0], in[1], out)));
        k.put(Op.REDUCE_MEAN, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.reduce.floating.Mean(in[0], out)));
        k.put(Op.REDUCE_PROD, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.reduce.same.Prod(in[0], out)));
        k.put(Op.LOGSUMEXP, (in, out) -> exec.exec(
                new org.nd4j.linalg.api.ops.impl.reduce.custom.LogSumExp(in[0], out, false, 0)));
        k.put(Op.SOFTMAX, (in, out) -> exec.exec(new org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax(in[0], out)));
        // Views, not copies: row-major n x n over the flat operands and the flat output.
        k.put(Op.MATMUL, (in, out) -> {
            long n = Op.matrixSide((int) in[0].length());
            in[0].reshape('c', n, n).mmul(in[1].reshape('c', n, n), out.reshape('c', n, n));
        });
        return Collections.unmodifiableMap(k);
    }

    /** Why ND4J answers unsupported for catalog ops it has no op for. */
    static Map<Op, String> missing() {
        Map<Op, String> m = new EnumMap<>(Op.class);
        m.put(Op.CBRT, "ND4J has no cube-root op (its Cube is x³)");
        m.put(Op.EXP2, "ND4J has no exp2 op");
        m.put(Op.LOG2, "ND4J has no log2 op (Transforms.log(x, 2) is its LogX op, log(x)/log(2), a different kernel)");
        m.put(Op.LOG10, "ND4J has no log10 op (Transforms.log(x, 10) is its LogX op, log(x)/log(10), a different kernel)");
        return Collections.unmodifiableMap(m);
    }
}
