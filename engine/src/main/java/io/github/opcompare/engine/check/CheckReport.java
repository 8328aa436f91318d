package io.github.opcompare.engine.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * What the check goal found, written to {@code target/opcompare/check.json} for the report and for
 * scripts: every violated rule, the comparison with the baseline (when there is one), and notes.
 *
 * @param results the results file that was checked
 * @param baseline the baseline file compared with; null when none
 * @param violations broken rules, then regressions against the baseline
 * @param baselineComparison null when there was no baseline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckReport(
        String schema,
        String results,
        String baseline,
        boolean passed,
        List<Violation> violations,
        List<String> notes,
        BaselineComparison baselineComparison) {

    public static final String SCHEMA = "opcompare-check/1";

    /** Puts the rules' outcome and the baseline comparison (may be null) together. */
    public static CheckReport of(String results, String baseline, RuleChecker.RuleOutcome rules, BaselineComparison comparison) {
        List<Violation> violations = new ArrayList<>(rules.violations());
        List<String> notes = new ArrayList<>(rules.notes());
        if (comparison != null) {
            violations.addAll(comparison.regressions());
            notes.addAll(comparison.notes());
        }
        return new CheckReport(SCHEMA, results, baseline, violations.isEmpty(), violations, notes, comparison);
    }
}
