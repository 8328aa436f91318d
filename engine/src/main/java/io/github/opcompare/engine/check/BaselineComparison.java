package io.github.opcompare.engine.check;

import java.util.List;

/**
 * This run against a baseline.
 *
 * @param changes accuracy metrics that changed (either way) and every speed comparison made, so a
 *     report can show the change beside each value
 * @param regressions the changes that fail the build, as messages
 * @param notes what was not compared and why (inputs changed, a case new or gone, another machine)
 * @param speedCompared false when the baseline was recorded on another machine: speed is then not compared
 */
public record BaselineComparison(List<Change> changes, List<Violation> regressions, List<String> notes, boolean speedCompared) {

    /** The changes of one case and backend, for a report that shows them beside its values. */
    public List<Change> changesOf(String caseLabel, String backend) {
        return changes.stream().filter(c -> c.caseLabel().equals(caseLabel) && c.backend().equals(backend)).toList();
    }
}
