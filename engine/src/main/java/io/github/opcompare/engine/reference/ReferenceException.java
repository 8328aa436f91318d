package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.StringJoiner;

/**
 * The exact reference of one input could not be given: either no pass decided the rounding within
 * its bound (the reference says so rather than guess or run on), or the computation failed. The
 * message names the op, the dtype and the input, so that the run can fail that one case with it
 * and go on with the others.
 *
 * <p>Only factories, no public constructor: a parallel stream that rethrows an exception from another
 * thread then passes on this very instance instead of a reflective copy with a different message.
 */
public final class ReferenceException extends RuntimeException {
    /** Vectors longer than this are shown by their first values and their length. */
    private static final int SHOWN_VALUES = 8;

    private ReferenceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * No pass decided the rounding within its bound.
     *
     * @param call the op applied to its input, as {@link #call} writes it
     * @param bound the bound that was reached ("20000 digits")
     */
    public static ReferenceException undecided(String call, DType dtype, String bound) {
        return new ReferenceException(call + " in " + dtype.id() + ": the exact reference cannot decide the rounding within "
                + bound, null);
    }

    /** The computation of the reference failed (a fault of the reference, not of the input). */
    public static ReferenceException failed(String call, DType dtype, RuntimeException cause) {
        return new ReferenceException(call + " in " + dtype.id() + ": the exact reference failed: " + cause, cause);
    }

    /** {@code exp(1.5)}, {@code pow(2.0, 0.5)}: an elementwise op on its operands, in the dtype's notation. */
    public static String call(Op op, DType dtype, double x, double y) {
        return op.id() + "(" + dtype.format(x) + (op.arity() == 2 ? ", " + dtype.format(y) : "") + ")";
    }

    /** {@code reduce_prod([4097.0, 4097.0])}: an op on whole vectors, each shown by its first values and its length. */
    public static String call(Op op, DType dtype, double[]... operands) {
        StringJoiner args = new StringJoiner(", ", op.id() + "(", ")");
        for (double[] v : operands) {
            StringJoiner values = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < Math.min(v.length, SHOWN_VALUES); i++) {
                values.add(dtype.format(v[i]));
            }
            if (v.length > SHOWN_VALUES) {
                values.add("... (" + v.length + " values)");
            }
            args.add(values.toString());
        }
        return args.toString();
    }
}
