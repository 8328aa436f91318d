package io.github.opcompare.engine.op;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The op catalog: every op opcompare knows, with its arity and kind. Each backend maps these names
 * to its library's calls (or answers {@code unsupported}); the engine's reference computes each
 * op's exact result. Adding an op means one entry here, its reference, and its mapping per backend.
 */
public enum Op {
    SQRT("sqrt", 1, OpKind.ELEMENTWISE),
    EXP("exp", 1, OpKind.ELEMENTWISE),
    LOG("log", 1, OpKind.ELEMENTWISE),
    SIN("sin", 1, OpKind.ELEMENTWISE),
    COS("cos", 1, OpKind.ELEMENTWISE),
    TANH("tanh", 1, OpKind.ELEMENTWISE),
    ADD("add", 2, OpKind.ELEMENTWISE),
    SUB("sub", 2, OpKind.ELEMENTWISE),
    MUL("mul", 2, OpKind.ELEMENTWISE),
    DIV("div", 2, OpKind.ELEMENTWISE),
    MAXIMUM("maximum", 2, OpKind.ELEMENTWISE),
    MINIMUM("minimum", 2, OpKind.ELEMENTWISE),
    REDUCE_SUM("reduce_sum", 1, OpKind.REDUCTION),
    REDUCE_MAX("reduce_max", 1, OpKind.REDUCTION),
    REDUCE_MIN("reduce_min", 1, OpKind.REDUCTION);

    private final String id;
    private final int arity;
    private final OpKind kind;

    Op(String id, int arity, OpKind kind) {
        this.id = id;
        this.arity = arity;
        this.kind = kind;
    }

    /** The name used in configuration, results.json and the worker protocol. */
    public String id() {
        return id;
    }

    /** Number of operands. */
    public int arity() {
        return arity;
    }

    public OpKind kind() {
        return kind;
    }

    /** Number of outputs for inputs of the given length. */
    public int outputLength(int inputLength) {
        return kind == OpKind.REDUCTION ? 1 : inputLength;
    }

    /** Looks up an op by id; the error names the culprit and lists the valid ops. */
    public static Op of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Op op : values()) {
            if (op.id.equals(wanted)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown op '" + id + "'; valid ops are: " + validIds());
    }

    public static String validIds() {
        return Arrays.stream(values()).map(Op::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
