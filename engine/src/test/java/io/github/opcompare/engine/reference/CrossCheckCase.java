package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One input of the cross-check against mpmath: an op of the catalog, a dtype, and its operands (one
 * vector per operand: a single element for elementwise ops, the whole vector or matrix otherwise).
 * Its text form, op, dtype and the operands' bit patterns in hexadecimal, is both the line the Python
 * reference reads and the name a failure is reported under.
 */
record CrossCheckCase(Op op, DType dtype, double[][] operands) {
    CrossCheckCase {
        for (double[] operand : operands) {
            for (double v : operand) {
                if (!dtype.represents(v)) {
                    throw new IllegalArgumentException(v + " is not a " + dtype + " value (" + op + ")");
                }
            }
        }
    }

    static CrossCheckCase of(Op op, DType dtype, double... operand) {
        return new CrossCheckCase(op, dtype, new double[][] {operand});
    }

    static CrossCheckCase of(Op op, DType dtype, double x, double y) {
        return new CrossCheckCase(op, dtype, new double[][] {{x}, {y}});
    }

    /** "op dtype bits[,bits...] [bits...]", the bits of each element in the dtype's encoding. */
    String text() {
        return op.id() + " " + dtype.id() + " " + Arrays.stream(operands).map(this::hex).collect(Collectors.joining(" "));
    }

    private String hex(double[] operand) {
        return Arrays.stream(operand).mapToObj(v -> hex(dtype, v)).collect(Collectors.joining(","));
    }

    static String hex(DType dtype, double v) {
        return String.format("%0" + dtype.bytes() * 2 + "x", dtype.encode(v));
    }
}
