package io.github.opcompare.backend.nd4j;

import io.github.opcompare.engine.op.Op;
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
        return Collections.unmodifiableMap(k);
    }
}
