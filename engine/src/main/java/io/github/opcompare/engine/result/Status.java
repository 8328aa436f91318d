package io.github.opcompare.engine.result;

import java.util.Locale;

/** Outcome of one case on one backend. */
public enum Status {
    OK,
    FAILED,
    SKIPPED,
    UNSUPPORTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
