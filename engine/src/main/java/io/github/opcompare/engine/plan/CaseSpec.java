package io.github.opcompare.engine.plan;

import java.util.List;

/**
 * One configured case, as the user wrote it: an op over one or more dtypes.
 *
 * @param id optional; derived from the op when null
 * @param op op id from the catalog
 * @param dtypes dtype ids; empty means float32
 * @param inputs the operands' domain expressions, ';'-separated ({@code uniform(0,1);uniform(0,1)})
 * @param size sample count for random domains
 * @param seed seed for random domains
 */
public record CaseSpec(String id, String op, List<String> dtypes, String inputs, int size, long seed) {
    public static final int DEFAULT_SIZE = 100_000;
    public static final long DEFAULT_SEED = 42;
}
