package io.github.opcompare.report;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.Timing;
import io.github.opcompare.engine.result.WorstCase;
import java.util.List;

/** A small run written by hand: three backends, one unavailable, three cases. */
final class Fixtures {
    static final String HOSTILE_ID = "<script>alert(1)</script>";

    private Fixtures() {
    }

    static Results results() {
        Environment env = new Environment("Linux", "6.8.0", "amd64", "AMD EPYC 7B13 \"Milan\"", 16,
                64L * 1024 * 1024 * 1024, "17.0.15", "Eclipse Adoptium", "3.9.9", "build-01",
                "2025-01-15T10:00:00Z");
        List<BackendInfo> backends = List.of(
                new BackendInfo("jdk", "JDK StrictMath", "17.0.15", "cpu", true, null),
                new BackendInfo("tf-cpu", "TensorFlow Java", "1.1.0", "cpu", true, null),
                new BackendInfo("nd4j-gpu", "ND4J", "1.0.0-M2.1", "cuda:0", false, "no CUDA device"));

        // sqrt(1) = 0.99999994 from TensorFlow: 1 step below the correctly rounded 1.0.
        WorstCase sqrtOne = new WorstCase(0, List.of("1.0"), "1.0", "1", "0.99999994", 0.5, 1L);
        CaseResult sqrt = new CaseResult("sqrt-f32", "sqrt", "float32", List.of("uniform(0, 1e6)"), 1_048_576, 42,
                List.of(
                        new BackendResult("jdk", "ok", null,
                                new Accuracy(0.5, 0.25, 1.0, 0, 0L, 0, List.of()),
                                new Timing(1_048_576, 1_500_000, 30, 1)),
                        new BackendResult("tf-cpu", "ok", null,
                                new Accuracy(1.5, 0.3, 0.987654, 12_945, 2L, 0, List.of(sqrtOne)),
                                new Timing(1_048_576, 12_345, 30, 8)),
                        BackendResult.notRun("nd4j-gpu", Status.SKIPPED, "backend not available: no CUDA device")),
                List.of(new Agreement("jdk", "tf-cpu", 0.987654, 1L)));
        CaseResult hostile = new CaseResult(HOSTILE_ID, "exp", "float64", List.of("binades(-10, 10)"), 1000, 7,
                List.of(
                        new BackendResult("jdk", "ok", null,
                                new Accuracy(0.5, 0.25, 1.0, 0, 0L, 0, List.of()),
                                new Timing(1000, 850, 30, 100)),
                        new BackendResult("tf-cpu", "ok", null,
                                new Accuracy(12.0, 2.0, 0.5, 500, 24L, 0, List.of()),
                                new Timing(1000, 950, 30, 100)),
                        BackendResult.notRun("nd4j-gpu", Status.UNSUPPORTED, "float64 exp: \"not on GPU\" <sic>")),
                List.of(new Agreement("jdk", "tf-cpu", 0.5, 24L)));
        CaseResult failed = new CaseResult("log-f32", "log", "float32", List.of("uniform(0, 1)"), 4096, 7,
                List.of(
                        BackendResult.notRun("jdk", Status.FAILED, "worker exited with code 134"),
                        new BackendResult("tf-cpu", "ok", null,
                                new Accuracy(null, 0.3, 0.9, 400, null, 3, List.of()),
                                new Timing(4096, 2_500_000_000.0, 10, 1))),
                List.of());
        return new Results(Results.SCHEMA, "0.1.0-SNAPSHOT", true, env, backends, List.of(sqrt, hostile, failed));
    }
}
