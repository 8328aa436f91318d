package io.github.opcompare.engine.check;

import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a run with a baseline, case by case and backend by backend. Accuracy is deterministic for
 * given inputs, so any metric that got worse is a regression. Speed is noisy, so a timing is a
 * regression only when {@link SpeedChangeTest} says so, and only between runs on the same kind of
 * machine.
 */
public final class BaselineComparer {
    private static final List<Metric> ACCURACY = List.of(Metric.MAX_ULP, Metric.MEAN_ULP, Metric.CORRECTLY_ROUNDED,
            Metric.MAX_STEPS, Metric.SPECIAL_MISMATCHES, Metric.REPRODUCIBLE, Metric.MAX_RELATIVE_ERROR);

    private final SpeedChangeTest speed;
    private final double minEffect;

    /** @param minSpeedChange smallest relative change of a median that counts, 0.10 for 10% */
    public BaselineComparer(double minSpeedChange) {
        this.speed = new SpeedChangeTest(minSpeedChange);
        this.minEffect = minSpeedChange;
    }

    public BaselineComparison compare(Results baseline, Results current) {
        List<Change> changes = new ArrayList<>();
        List<Violation> regressions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean speedCompared = sameMachine(baseline.environment(), current.environment());
        if (!speedCompared) {
            notes.add("speed not compared: the baseline was recorded on " + describe(baseline.environment())
                    + ", this run is on " + describe(current.environment()));
        }
        Map<String, CaseResult> before = new LinkedHashMap<>();
        baseline.cases().forEach(c -> before.put(c.label(), c));
        for (CaseResult now : current.cases()) {
            CaseResult then = before.remove(now.label());
            if (then == null) {
                notes.add("case " + now.label() + " is not in the baseline");
            } else if (!sameInputs(then, now)) {
                notes.add("case " + now.label() + " not compared: its inputs changed since the baseline (record a new one with opcompare:baseline)");
            } else {
                new CaseComparison(now.label(), then, now, changes, regressions, notes, speedCompared).run();
            }
        }
        before.keySet().forEach(l -> notes.add("case " + l + " is in the baseline but was not run"));
        return new BaselineComparison(changes, regressions, notes, speedCompared);
    }

    private final class CaseComparison {
        final String label;
        final CaseResult then;
        final CaseResult now;
        final List<Change> changes;
        final List<Violation> regressions;
        final List<String> notes;
        final boolean compareSpeed;

        CaseComparison(String label, CaseResult then, CaseResult now, List<Change> changes, List<Violation> regressions,
                List<String> notes, boolean compareSpeed) {
            this.label = label;
            this.then = then;
            this.now = now;
            this.changes = changes;
            this.regressions = regressions;
            this.notes = notes;
            this.compareSpeed = compareSpeed;
        }

        void run() {
            Map<String, BackendResult> thenByBackend = new LinkedHashMap<>();
            then.results().forEach(r -> thenByBackend.put(r.backend(), r));
            for (BackendResult r : now.results()) {
                BackendResult old = thenByBackend.get(r.backend());
                if (old == null || !Status.OK.id().equals(old.status())) {
                    continue;
                }
                if (!Status.OK.id().equals(r.status())) {
                    if (Status.FAILED.id().equals(r.status())) {
                        regressions.add(new Violation(label, r.backend(), "status", "failed", "the baseline has ok", "baseline"));
                    } else {
                        notes.add("case " + label + " backend " + r.backend() + " not compared: it is " + r.status() + " in this run");
                    }
                    continue;
                }
                for (Metric metric : ACCURACY) {
                    accuracy(r.backend(), metric, metric.id(), MetricReader.read(metric, null, null, then, old),
                            MetricReader.read(metric, null, null, now, r));
                }
                if (compareSpeed) {
                    speed(r.backend(), old, r);
                }
            }
            for (Agreement a : now.agreement() == null ? List.<Agreement>of() : now.agreement()) {
                accuracy(a.a(), Metric.AGREEMENT, "agreement with " + a.b(), MetricReader.read(Metric.AGREEMENT, a.b(), null, then,
                        backendNamed(a.a())), Measured.of(a.identical()));
            }
        }

        private BackendResult backendNamed(String id) {
            return BackendResult.notRun(id, Status.OK, null);
        }

        private void accuracy(String backend, Metric metric, String subject, Measured old, Measured cur) {
            if (old.value() == null && !old.undefined()) {
                return; // not measured in the baseline: nothing to compare with
            }
            if (cur.unknown()) {
                // Measured in the baseline, and now what measures it failed: no proof it did not get worse.
                regressions.add(Violation.unchecked(label, backend, subject, cur.why(), "the baseline has " + show(metric, old), "baseline"));
                return;
            }
            Verdict verdict;
            if (cur.value() == null && !cur.undefined()) {
                return;
            } else if (old.undefined() || cur.undefined()) {
                verdict = old.undefined() == cur.undefined() ? Verdict.UNCHANGED : cur.undefined() ? Verdict.WORSE : Verdict.BETTER;
            } else if (metric.worse(cur.value(), old.value())) {
                verdict = Verdict.WORSE;
            } else if (metric.worse(old.value(), cur.value())) {
                verdict = Verdict.BETTER;
            } else {
                verdict = Verdict.UNCHANGED;
            }
            if (verdict == Verdict.UNCHANGED) {
                return;
            }
            changes.add(new Change(label, backend, subject, null, old.value(), cur.value(), relative(old.value(), cur.value()), null, verdict));
            if (verdict == Verdict.WORSE) {
                regressions.add(new Violation(label, backend, subject, show(metric, cur), "the baseline has " + show(metric, old), "baseline"));
            }
        }

        private void speed(String backend, BackendResult old, BackendResult cur) {
            if (old.timing() == null || cur.timing() == null) {
                return;
            }
            for (SizeTiming t : cur.timing()) {
                SizeTiming b = old.timing().stream().filter(x -> x.size() == t.size()).findFirst().orElse(null);
                if (b == null) {
                    continue;
                }
                SpeedChangeTest.Outcome outcome = speed.test(b.sampleNanos(), b.medianNanos(), t.sampleNanos(), t.medianNanos());
                if (outcome == null) {
                    notes.add("case " + label + " backend " + backend + ": speed at size " + t.size() + " not compared: fewer than "
                            + SpeedChangeTest.MIN_SAMPLES + " samples on a side");
                    continue;
                }
                changes.add(new Change(label, backend, Metric.MEDIAN_NANOS.id(), t.size(), b.medianNanos(), t.medianNanos(),
                        outcome.relativeChange(), outcome.pValue(), outcome.verdict()));
                if (outcome.verdict() == Verdict.WORSE) {
                    regressions.add(new Violation(label, backend, "medianNanos at size " + t.size(), Double.toString(t.medianNanos()),
                            "the baseline has " + b.medianNanos() + " (" + String.format(Locale.ROOT, "%.1f%% slower, Mann-Whitney p = %.2g",
                                    outcome.relativeChange() * 100, outcome.pValue())
                                    + "; more than " + Percent.format(minEffect) + " slower with p < " + SpeedChangeTest.ALPHA + " fails)",
                            "baseline"));
                }
            }
        }
    }

    private static String show(Metric metric, Measured m) {
        return m.value() == null ? m.why() : metric.format(m.value(), false);
    }

    private static Double relative(Double old, Double cur) {
        return old == null || cur == null || old == 0 ? null : cur / old - 1;
    }

    private static boolean sameInputs(CaseResult a, CaseResult b) {
        return Objects.equals(a.op(), b.op()) && Objects.equals(a.inputs(), b.inputs()) && a.size() == b.size() && a.seed() == b.seed();
    }

    private static boolean sameMachine(Environment a, Environment b) {
        return a != null && b != null && Objects.equals(a.cpuModel(), b.cpuModel()) && a.cores() == b.cores()
                && Objects.equals(a.arch(), b.arch());
    }

    private static String describe(Environment e) {
        return e == null ? "an unknown machine" : (e.cpuModel() == null ? "an unknown CPU" : e.cpuModel()) + " with " + e.cores() + " cores";
    }
}
