package io.github.opcompare.worker.conformance;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.WorkerServer;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A float64 backend of a few ops on java.lang.Math, with flaws that can be switched on, to show that
 * the kit passes a sound backend and catches the mistakes it is there to catch: atan2's operands
 * swapped, mod as floor-mod, results kept in native memory.
 */
final class ToyExecutor implements OpExecutor {
    enum Flaw { SWAPPED_ATAN2, FLOOR_MOD, KEEPS_RESULTS }

    static final String FLAWS_VARIABLE = "OPCOMPARE_TOY_FLAWS";

    private final Set<Flaw> flaws;
    /** Where a leaking backend keeps its results: native memory, as a library's tensors would be. */
    private final List<ByteBuffer> kept = new ArrayList<>();

    ToyExecutor(Set<Flaw> flaws) {
        this.flaws = flaws;
    }

    /** The worker main the kit forks, flaws from the environment. */
    public static void main(String[] args) {
        String names = System.getenv().getOrDefault(FLAWS_VARIABLE, "");
        Set<Flaw> flaws = java.util.EnumSet.noneOf(Flaw.class);
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                flaws.add(Flaw.valueOf(name.strip()));
            }
        }
        WorkerServer.main(() -> new ToyExecutor(flaws));
    }

    @Override
    public String library() {
        return "toy";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
        if (dtype != DType.FLOAT64) {
            throw new UnsupportedOpException("the toy has no " + dtype + " arithmetic");
        }
        double[] a = new double[length];
        inputs.get(0).asDoubleBuffer().get(a);
        double[] b = new double[length];
        if (op.arity() == 2) {
            inputs.get(1).asDoubleBuffer().get(b);
        }
        DoubleBinaryOperator f = switch (op) {
            case ADD -> Double::sum;
            case POW -> Math::pow;
            case ATAN2 -> flaws.contains(Flaw.SWAPPED_ATAN2) ? (y, x) -> Math.atan2(x, y) : Math::atan2;
            case MOD -> flaws.contains(Flaw.FLOOR_MOD) ? (x, y) -> x - Math.floor(x / y) * y : (x, y) -> x % y;
            default -> null;
        };
        DoubleUnaryOperator g = switch (op) {
            case NEG -> x -> -x;
            case EXP -> Math::exp;
            default -> null;
        };
        if (f == null && g == null) {
            throw new UnsupportedOpException("the toy has no " + op);
        }
        double[] out = new double[length];
        return new PreparedCall() {
            @Override
            public void call() {
                for (int i = 0; i < length; i++) {
                    out[i] = f != null ? f.applyAsDouble(a[i], b[i]) : g.applyAsDouble(a[i]);
                }
                if (flaws.contains(Flaw.KEEPS_RESULTS)) {
                    ByteBuffer copy = ByteBuffer.allocateDirect(length * 8);
                    copy.asDoubleBuffer().put(out);
                    kept.add(copy);
                }
            }

            @Override
            public void writeResult(ByteBuffer target) {
                target.asDoubleBuffer().put(out);
            }

            @Override
            public void close() {
            }
        };
    }
}
