package io.github.opcompare.engine.check;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Outliers;
import io.github.opcompare.engine.result.Reproducibility;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import java.util.List;

/** Small results built by hand for the check tests. */
final class CheckFixtures {
    private CheckFixtures() {
    }

    static Environment machine(String cpu) {
        return new Environment("Linux", "6.1", "amd64", cpu, 4, null, null, 1L << 33, List.of(), "17", null, null, null, null, null);
    }

    static Accuracy accuracy(Double maxUlp, double correctlyRounded, Long maxSteps, long undefined) {
        return new Accuracy(maxUlp, maxUlp == null ? null : maxUlp / 4, correctlyRounded, 0, maxSteps, undefined, List.of());
    }

    static BackendResult ok(String backend, Accuracy accuracy, boolean reproducible, SizeTiming... timing) {
        return new BackendResult(backend, "ok", null, accuracy, new Reproducibility(3, reproducible, reproducible ? 1 : 2, 0, 0, null),
                100L, timing.length == 0 ? null : List.of(timing), null, null, null);
    }

    static SizeTiming timing(long size, double... samples) {
        double[] sorted = samples.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new SizeTiming(size, median, median, sorted[0], median, median, samples.length, 1, new Outliers(0, 0, 0, 0), 0, 0, null, null,
                java.util.Arrays.stream(samples).boxed().toList());
    }

    static CaseResult exp32(List<BackendResult> results, List<Agreement> agreement) {
        return new CaseResult("exp", "exp", "float32", List.of("binades(1e-6,80)"), 1000, 42, results, agreement, null, null, null);
    }

    static CaseResult caseOf(String id, String op, String dtype, List<BackendResult> results) {
        return new CaseResult(id, op, dtype, List.of("uniform(0,1)"), 1000, 42, results, List.of(), null, null, null);
    }

    static Results results(Environment env, CaseResult... cases) {
        List<BackendInfo> backends = List.of(
                new BackendInfo("nd4j-cpu", "nd4j", "1", "cpu", 2, null, true, null),
                new BackendInfo("tensorflow-cpu", "tensorflow", "1", "cpu", 2, null, true, null));
        return new Results(Results.SCHEMA, "test", true, env, backends, List.of(cases));
    }

    static Results results(CaseResult... cases) {
        return results(machine("Test CPU"), cases);
    }
}
