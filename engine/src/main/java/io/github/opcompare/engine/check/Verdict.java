package io.github.opcompare.engine.check;

/** How a metric compares with the baseline. */
public enum Verdict {
    WORSE, BETTER, UNCHANGED
}
