package io.github.opcompare.engine.check;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One broken limit, or one regression against the baseline.
 *
 * @param caseLabel {@code exp/float32}
 * @param subject what was measured: {@code maxUlp}, {@code agreement with jdk}, {@code medianNanos at size 1000}
 * @param actual the measured value as shown ({@code 4880.0}, {@code 82.93%}, {@code undefined (…)})
 * @param expectation what was expected ({@code expected maximum is 4}, {@code the baseline has 0.5})
 * @param source {@code rule 2} or {@code baseline}
 */
public record Violation(String caseLabel, String backend, String subject, String actual, String expectation, String source) {

    /** JaCoCo's form: {@code case exp/float32 backend nd4j-cpu: maxUlp is 4880.0, but expected maximum is 4}. */
    @JsonProperty("message")
    public String message() {
        return "case " + caseLabel + " backend " + backend + ": " + subject + " is " + actual + ", but " + expectation;
    }
}
