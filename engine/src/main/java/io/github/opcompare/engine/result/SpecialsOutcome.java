package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one party to the special inputs fared: a backend (did it answer every special input?) or the
 * exact reference (did it settle every prescribed result?). A failure is recorded, never dropped: a
 * backend that crashes on NaN must not look as if it had no mismatches.
 *
 * @param status {@code ok}, {@code failed} (threw, crashed, no answer in time) or {@code unsupported} (a
 *     backend that takes no such inputs, as a recording of other inputs); {@link Status}'s ids
 * @param message why it failed or is unsupported, after the special vector where there are several; null when ok
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpecialsOutcome(String status, String message) {

    public static SpecialsOutcome ok() {
        return new SpecialsOutcome(Status.OK.id(), null);
    }

    public static SpecialsOutcome failed(String message) {
        return new SpecialsOutcome(Status.FAILED.id(), message);
    }

    /** The backend takes no such inputs: nothing to judge, as for an unsupported result. */
    public static SpecialsOutcome unsupported(String message) {
        return new SpecialsOutcome(Status.UNSUPPORTED.id(), message);
    }

    /** Failed, or a status this version does not know, which cannot vouch for the results either. */
    @JsonIgnore
    public boolean isFailed() {
        return !Status.OK.id().equals(status) && !isUnsupported();
    }

    @JsonIgnore
    public boolean isUnsupported() {
        return Status.UNSUPPORTED.id().equals(status);
    }

    /** The first line of the message, for one-line reports (the rest is stack frames or the worker's stderr). */
    @JsonIgnore
    public String firstLine() {
        return message == null ? status : message.lines().findFirst().orElse(status);
    }
}
