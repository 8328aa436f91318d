package io.github.opcompare.engine.domain;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.util.ArrayList;
import java.util.List;

/** Generates all operands of one case so that they have the same length and independent random streams. */
public final class InputPlan {
    private InputPlan() {
    }

    /**
     * One Values per domain. Random domains take the length of a fixed-length sibling if there is
     * one, else {@code size}; fixed lengths that differ are an error naming both.
     */
    public static List<Values> generate(List<InputDomain> domains, DType dtype, int size, long seed) {
        int length = length(domains, dtype, size);
        List<Values> out = new ArrayList<>(domains.size());
        for (int i = 0; i < domains.size(); i++) {
            out.add(domains.get(i).generate(dtype, length, operandSeed(seed, i)));
        }
        return out;
    }

    /**
     * The length of every operand: that of the fixed-length domains, else {@code size}. Fixed lengths
     * that differ are an error naming both.
     */
    public static int length(List<InputDomain> domains, DType dtype, int size) {
        int length = -1;
        InputDomain fixedBy = null;
        for (InputDomain d : domains) {
            int n = d.fixedLength(dtype);
            if (n < 0) {
                continue;
            }
            if (fixedBy != null && n != length) {
                throw new IllegalArgumentException("Operands have different lengths: '" + fixedBy.expression() + "' has " + length
                        + " values but '" + d.expression() + "' has " + n + "; give fixed-length domains the same number of values");
            }
            length = n;
            fixedBy = d;
        }
        return length < 0 ? size : length;
    }

    /** A seed per operand, so two uniform(0,1) operands differ (SplitMix64's finalizer mixes the index in). */
    static long operandSeed(long seed, int operand) {
        long z = seed + (operand + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
