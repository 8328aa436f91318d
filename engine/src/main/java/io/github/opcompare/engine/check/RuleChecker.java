package io.github.opcompare.engine.check;

import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies rules to results. Only results with status ok are judged: a failed result is the
 * business of failOnBackendError, and a skipped or unsupported one has nothing to judge.
 */
public final class RuleChecker {
    private RuleChecker() {
    }

    /** Violations in case order, then backend, then rule; notes for limits that could not be judged. */
    public static RuleOutcome check(Results results, List<Rule> rules) {
        List<Violation> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int[] matched = new int[rules.size()];
        if (!results.complete()) {
            notes.add("the results are partial: " + results.missingOrEmpty().size() + " planned case"
                    + (results.missingOrEmpty().size() == 1 ? " has" : "s have") + " no results " + results.missingOrEmpty());
        }
        for (CaseResult c : results.cases()) {
            String label = c.id() + "/" + c.dtype();
            for (BackendResult r : c.results()) {
                if (!Status.OK.id().equals(r.status())) {
                    continue;
                }
                for (int i = 0; i < rules.size(); i++) {
                    Rule rule = rules.get(i);
                    if (!rule.covers(c, r)) {
                        continue;
                    }
                    matched[i]++;
                    for (Limit limit : rule.limits()) {
                        Measured m = MetricReader.read(limit.metric(), limit.with(), limit.size(), c, r);
                        Violation v = judge(label, r.backend(), rule, limit, m);
                        if (v != null) {
                            violations.add(v);
                        } else if (m.value() == null && !m.undefined()) {
                            notes.add("case " + label + " backend " + r.backend() + ": " + limit.subject()
                                    + " not checked (rule " + rule.number() + "): " + m.why());
                        }
                    }
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            if (matched[i] == 0) {
                notes.add("rule " + rules.get(i).number() + " matched no result with status ok");
            }
        }
        return new RuleOutcome(violations, notes);
    }

    private static Violation judge(String label, String backend, Rule rule, Limit limit, Measured m) {
        String source = "rule " + rule.number();
        if (m.value() == null) {
            // Undefined (a NaN where a number belongs) is worse than any number: it breaks a maximum.
            if (m.undefined() && limit.maximum() != null) {
                return new Violation(label, backend, limit.subject(), m.why(), "expected maximum is " + limit.maximum().text(), source);
            }
            return null;
        }
        double value = m.value();
        if (limit.maximum() != null && value > limit.maximum().value()) {
            return new Violation(label, backend, limit.subject(), limit.metric().format(value, limit.maximum().percent()),
                    "expected maximum is " + limit.maximum().text(), source);
        }
        if (limit.minimum() != null && value < limit.minimum().value()) {
            return new Violation(label, backend, limit.subject(), limit.metric().format(value, limit.minimum().percent()),
                    "expected minimum is " + limit.minimum().text(), source);
        }
        return null;
    }

    /** What the rules found. */
    public record RuleOutcome(List<Violation> violations, List<String> notes) {
    }
}
