package io.github.opcompare.engine.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One broken limit, or one regression against the baseline; or a limit that could not be checked
 * because what measures it failed, which is no pass either.
 *
 * @param caseLabel {@code exp/float32}
 * @param subject what was measured: {@code maxUlp}, {@code agreement with jdk}, {@code medianNanos at size 1000}
 * @param actual the measured value as shown ({@code 4880.0}, {@code 82.93%}, {@code undefined (…)}); null
 *     when it could not be measured
 * @param expectation what was expected ({@code expected maximum is 4}, {@code the baseline has 0.5})
 * @param source {@code rule 2} or {@code baseline}
 * @param unchecked why the limit could not be checked ({@code failed (worker crashed …)}); null when it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String caseLabel, String backend, String subject, String actual, String expectation, String source,
        String unchecked) {

    /** A measured value that breaks the limit. */
    public Violation(String caseLabel, String backend, String subject, String actual, String expectation, String source) {
        this(caseLabel, backend, subject, actual, expectation, source, null);
    }

    /** A limit left unchecked because the backend, or the run that measures the metric, failed. */
    public static Violation unchecked(String caseLabel, String backend, String subject, String why, String expectation, String source) {
        return new Violation(caseLabel, backend, subject, null, expectation, source, why);
    }

    /**
     * JaCoCo's form, {@code case exp/float32 backend nd4j-cpu: maxUlp is 4880.0, but expected maximum is 4};
     * unchecked, {@code case exp/float32 backend nd4j-cpu: failed (worker crashed …), so maxUlp cannot be checked}.
     */
    @JsonProperty("message")
    public String message() {
        String head = "case " + caseLabel + " backend " + backend + ": ";
        return unchecked != null ? head + unchecked + ", so " + subject + " cannot be checked"
                : head + subject + " is " + actual + ", but " + expectation;
    }
}
