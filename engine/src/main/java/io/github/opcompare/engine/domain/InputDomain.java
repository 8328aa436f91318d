package io.github.opcompare.engine.domain;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;

/** Where the inputs of one operand come from, as written in the configuration ("uniform(0,1)"). */
public interface InputDomain {
    /** The expression this domain was parsed from, normalized (no whitespace). */
    String expression();

    /** How many values the domain itself defines in the dtype, or -1 when it draws {@code size} random samples. */
    int fixedLength(DType dtype);

    /** The values, each rounded to the dtype; the same seed always gives the same values. */
    Values generate(DType dtype, int size, long seed);
}
