package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Computes the exact, correctly rounded result of an op from the op catalog, for every output.
 * Elements are independent, so they are computed in parallel.
 */
public final class ReferenceCalculator {
    private final ElementaryReference elementary;

    public ReferenceCalculator() {
        this(ReferenceSettings.DEFAULT);
    }

    public ReferenceCalculator(ReferenceSettings settings) {
        this.elementary = new ElementaryReference(settings);
    }

    /**
     * The exact results of every output of the op on these inputs.
     *
     * @throws IllegalArgumentException when the inputs do not fit the op
     * @throws ReferenceException when an output's rounding is not decided within the passes' bounds,
     *     or its computation fails; its message names the op, the dtype and the input
     */
    public ExactResults compute(Op op, DType dtype, List<Values> inputs) {
        if (inputs.size() != op.arity()) {
            throw new IllegalArgumentException(op.id() + " takes " + op.arity() + " operand(s), got " + inputs.size());
        }
        int n = inputs.get(0).length();
        for (Values v : inputs) {
            if (v.length() != n) {
                throw new IllegalArgumentException(op.id() + ": operands differ in length (" + n + " and " + v.length() + ")");
            }
            if (v.dtype() != dtype) {
                throw new IllegalArgumentException(op.id() + ": operand of dtype " + v.dtype() + " in a " + dtype + " case");
            }
        }
        if (op.kind() != OpKind.ELEMENTWISE) {
            double[][] operands = inputs.stream().map(Values::array).toArray(double[][]::new);
            try {
                return whole(op, dtype, operands);
            } catch (ReferenceException e) {
                throw e;
            } catch (RuntimeException e) {
                throw ReferenceException.failed(ReferenceException.call(op, dtype, operands), dtype, e);
            }
        }
        ExactResults r = ExactResults.allocatedInParallel(dtype, n);
        double[] x = inputs.get(0).array();
        double[] y = op.arity() > 1 ? inputs.get(1).array() : null;
        boolean elementary = y == null && isElementary(op);
        if (elementary || y == null && op == Op.SQRT && dtype == DType.FLOAT32) {
            // Blocks rather than single elements per task. Within a block the cheap cases are settled
            // first in tight loops (the float32 first pass of the commonest ops, float32 sqrt); what
            // they leave takes the element-wise path, the special values and first pass of
            // settleCheaply first where they apply, as before.
            int blocks = (n + BLOCK - 1) / BLOCK;
            eachBlock(blocks, b -> {
                int from = b * BLOCK;
                int end = Math.min(n, from + BLOCK);
                // exp's saturated blocks (one and the same element for all) first, then the block loops.
                ExactElement same = elementary ? sameForAll(op, dtype, x, from, end) : null;
                if (same != null) {
                    for (int i = from; i < end; i++) {
                        r.set(i, same);
                    }
                    return;
                }
                int[] scratch = LEFT.get();
                int count = elementary ? settleBlock(op, dtype, x, from, end, r, scratch) : ArithmeticReference.sqrtFloat32Block(x, from, end, r, scratch);
                // A copy (nearly always empty) for the element-wise path: should anything in it wait
                // on the fork/join pool, this thread may run another block meanwhile, which reuses the scratch.
                int[] left = Arrays.copyOf(scratch, count);
                for (int j = 0; j < count; j++) {
                    int i = left[j];
                    if (!elementary || !settleCheaply(op, dtype, x[i], r, i)) {
                        r.set(i, element(op, dtype, x[i], 0));
                    }
                }
            });
            return r;
        }
        IntStream.range(0, n).parallel().forEach(i -> r.set(i, element(op, dtype, x[i], y == null ? 0 : y[i])));
        return r;
    }

    /** Elements per parallel task of the elementwise reference: long against a task's cost, short against a core's share. */
    private static final int BLOCK = 4096;

    /**
     * Runs {@code body} for every block from 0 to {@code blocks - 1}, once each, on as many threads as
     * the common fork/join pool has workers plus this one, each taking the next block not yet taken
     * until none is left. A parallel stream over the blocks splits them ahead of time into leaves of a
     * quarter of the blocks per worker (on two cores about 61 blocks of 4096, a quarter of a million
     * elements, per leaf), so a thread that started late or was slowed by other work leaves the other
     * waiting up to a leaf at the end; taken one at a time, the threads finish within a block of each
     * other. Which thread runs a block changes nothing in its results: blocks write disjoint outputs.
     * An exception in a block stops the others from taking more and is rethrown here, as the
     * stream's forEach would.
     */
    private static void eachBlock(int blocks, IntConsumer body) {
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(blocks, ForkJoinPool.getCommonPoolParallelism() + 1);
        IntStream.range(0, threads).parallel().forEach(t -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                try {
                    body.accept(b);
                } catch (RuntimeException | Error e) {
                    next.set(blocks);
                    throw e;
                }
            }
        });
    }

    /**
     * Room for the indices a block's loops leave, per thread, kept: allocating it per block cost half
     * a nanosecond per element. Only the loops write it; nothing they call can run another block.
     */
    private static final ThreadLocal<int[]> LEFT = ThreadLocal.withInitial(() -> new int[BLOCK]);

    /** The ops {@link #element} hands to the elementary reference. */
    private static boolean isElementary(Op op) {
        return switch (op) {
            case SQRT, ABS, NEG, FLOOR, CEIL, RINT, SQUARE, RECIPROCAL, ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, MOD -> false;
            default -> op.kind() == OpKind.ELEMENTWISE;
        };
    }

    private int settleBlock(Op op, DType dtype, double[] x, int from, int to, ExactResults r, int[] left) {
        try {
            return elementary.settleBlock(op, dtype, x, from, to, r, left);
        } catch (RuntimeException e) {
            // No function of the block loops throws; should one, the message names the block's arguments.
            throw ReferenceException.failed(ReferenceException.call(op, dtype, Arrays.copyOfRange(x, from, to)), dtype, e);
        }
    }

    private boolean settleCheaply(Op op, DType dtype, double x, ExactResults r, int i) {
        try {
            return elementary.settleCheaply(op, x, dtype, r, i);
        } catch (RuntimeException e) {
            throw ReferenceException.failed(ReferenceException.call(op, dtype, x, 0), dtype, e);
        }
    }

    private ExactElement sameForAll(Op op, DType dtype, double[] x, int from, int to) {
        try {
            return elementary.sameForAll(op, x, from, to, dtype);
        } catch (RuntimeException e) {
            throw ReferenceException.failed(ReferenceException.call(op, dtype, x[from], 0), dtype, e);
        }
    }

    /** Reductions, softmax and matmul: the outputs of ops that see whole vectors. */
    private static ExactResults whole(Op op, DType dtype, double[][] operands) {
        if (op.kind() == OpKind.REDUCTION) {
            ExactResults r = new ExactResults(dtype, 1);
            r.set(0, ReductionReference.compute(op, operands[0], dtype));
            return r;
        }
        if (op == Op.SOFTMAX) {
            return SoftmaxReference.softmax(operands[0], dtype);
        }
        if (op == Op.MATMUL) {
            return MatmulReference.compute(operands[0], operands[1], dtype);
        }
        throw new IllegalArgumentException("no reference for " + op.id());
    }

    /**
     * The reference for one element of an elementwise op (y is ignored for unary ops).
     *
     * @throws ReferenceException when the rounding is not decided within the passes' bounds, or the
     *     computation fails; its message names the op, the dtype and the operands
     */
    public ExactElement element(Op op, DType dtype, double x, double y) {
        if (op.kind() != OpKind.ELEMENTWISE) {
            throw new IllegalArgumentException("not an elementwise op: " + op.id());
        }
        try {
            return switch (op) {
                case SQRT, ABS, NEG, FLOOR, CEIL, RINT, SQUARE, RECIPROCAL -> ArithmeticReference.unary(op, x, dtype);
                case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, MOD -> ArithmeticReference.binary(op, x, y, dtype);
                default -> elementary.compute(op, x, y, dtype);
            };
        } catch (ReferenceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ReferenceException.failed(ReferenceException.call(op, dtype, x, y), dtype, e);
        }
    }
}
