package io.github.opcompare.engine.check;

import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies rules to results. A result with status ok is judged limit by limit. A failed one breaks
 * every limit of every rule that covers it: the gate guards that backend, and a backend that crashed
 * has shown none of what the limits ask (failOnBackendError, the compare goal's switch, does not change
 * that). A skipped or unsupported result has nothing to judge: the backend cannot run here, or the
 * library lacks the op, which the rule's author can see and exclude.
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
            String label = c.label();
            for (BackendResult r : c.results()) {
                boolean failed = Status.FAILED.id().equals(r.status());
                if (!failed && !Status.OK.id().equals(r.status())) {
                    continue;
                }
                for (int i = 0; i < rules.size(); i++) {
                    Rule rule = rules.get(i);
                    if (!rule.covers(c, r)) {
                        continue;
                    }
                    matched[i]++;
                    for (Limit limit : rule.limits()) {
                        Measured m = failed ? Measured.unknown("failed (" + firstLine(r.message()) + ")")
                                : MetricReader.read(limit.metric(), limit.with(), limit.size(), c, r);
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
                notes.add("rule " + rules.get(i).number() + " matched no result with status ok or failed");
            }
        }
        return new RuleOutcome(violations, notes);
    }

    private static Violation judge(String label, String backend, Rule rule, Limit limit, Measured m) {
        String source = "rule " + rule.number();
        if (m.unknown()) {
            return Violation.unchecked(label, backend, limit.subject(), m.why(), expectation(limit), source);
        }
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

    /** What the limit asks, for the JSON of a limit that could not be checked. */
    private static String expectation(Limit limit) {
        List<String> parts = new ArrayList<>();
        if (limit.minimum() != null) {
            parts.add("expected minimum is " + limit.minimum().text());
        }
        if (limit.maximum() != null) {
            parts.add("expected maximum is " + limit.maximum().text());
        }
        return String.join(" and ", parts);
    }

    /** The failure's first line: the rest is stack frames or the worker's stderr, which results.json keeps. */
    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse("no message");
    }

    /** What the rules found. */
    public record RuleOutcome(List<Violation> violations, List<String> notes) {
    }
}
