package io.github.opcompare.engine.check;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One metric of one case and backend against the baseline: what a report shows beside the value.
 *
 * @param subject {@code maxUlp}, {@code agreement with jdk}, {@code medianNanos} (then {@code size} is set)
 * @param size the timing's size for speed, else null
 * @param baseline the baseline's value; null where undefined there
 * @param current this run's value; null where undefined now
 * @param relativeChange current / baseline − 1 where both are numbers and the baseline is not 0, else null
 * @param pValue the Mann-Whitney U test's two-sided p-value, for speed only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(String caseLabel, String backend, String subject, Long size, Double baseline, Double current,
        Double relativeChange, Double pValue, Verdict verdict) {
}
