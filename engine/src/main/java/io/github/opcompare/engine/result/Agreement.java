package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How closely two backends agree on one case, independently of the exact result.
 *
 * @param identical fraction of outputs that are bit-identical (NaN counts as identical to NaN)
 * @param maxSteps largest number of representable values between the two backends' outputs;
 *     null when one is NaN where the other is not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agreement(
        String a,
        String b,
        double identical,
        Long maxSteps) {

    /** How closely the two agree (see {@link Grade#of(Agreement)}). */
    public Grade grade() {
        return Grade.of(this);
    }
}
