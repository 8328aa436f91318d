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

    /**
     * The status of an id as results.json writes it. An id this version does not know (a newer file) is
     * {@link #FAILED}: it is not something to call ok.
     */
    public static Status of(String id) {
        for (Status s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return FAILED;
    }
}
