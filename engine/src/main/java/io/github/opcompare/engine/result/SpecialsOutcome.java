package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one party to the special inputs fared: a backend (did it answer every special input?) or the
 * exact reference (did it settle every prescribed result?). A failure is recorded, never dropped: a
 * backend that crashes on NaN must not look as if it had no mismatches.
 *
 * @param status {@code ok} or {@code failed} ({@link Status}'s ids)
 * @param message why it failed, naming the special vector where there are several; null when ok
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecialsOutcome(String status, String message) {

    public static SpecialsOutcome ok() {
        return new SpecialsOutcome(Status.OK.id(), null);
    }

    public static SpecialsOutcome failed(String message) {
        return new SpecialsOutcome(Status.FAILED.id(), message);
    }

    /** Anything but ok counts as a failure: a status this version does not know cannot vouch for the results. */
    @JsonIgnore
    public boolean isFailed() {
        return !Status.OK.id().equals(status);
    }

    /** The first line of the message, for one-line reports (the rest is stack frames or the worker's stderr). */
    @JsonIgnore
    public String firstLine() {
        return message == null ? status : message.lines().findFirst().orElse(status);
    }
}
