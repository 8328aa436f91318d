package io.github.opcompare.report;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.Outliers;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.WorstCase;
import java.util.List;

/** A small run written by hand: three backends, one unavailable, three cases. */
final class Fixtures {
    static final String HOSTILE_ID = "<script>alert(1)</script>";

    private Fixtures() {
    }

    static Results results() {
        Environment env = new Environment("Linux", "6.8.0", "amd64", "AMD EPYC 7B13 \"Milan\"", 16, 3500.0, "performance",
                64L * 1024 * 1024 * 1024, List.of(new Environment.Gpu("NVIDIA H100 80GB HBM3", "550.54.15", "9.0", 85_520_809_984L)),
                "17.0.15", "Eclipse Adoptium", "-Xmx2g", "3.9.9", "build-01", "2025-01-15T10:00:00Z");
        List<BackendInfo> backends = List.of(
                new BackendInfo("jdk", "JDK StrictMath", "17.0.15", "cpu", 1, "OpenJDK 64-Bit Server VM 17.0.15", true, null),
                new BackendInfo("tf-cpu", "TensorFlow Java", "1.1.0", "cpu", 16, "OpenJDK 64-Bit Server VM 17.0.15", true, null),
                new BackendInfo("nd4j-gpu", "ND4J", "1.0.0-M2.1", "cuda:0", null, null, false, "no CUDA device"));

        // sqrt(1) = 0.99999994 from TensorFlow: 1 step below the correctly rounded 1.0.
        WorstCase sqrtOne = new WorstCase(0, List.of("1.0"), "1.0", "1", "0.99999994", 0.5, 1L);
        CaseResult sqrt = new CaseResult("sqrt-f32", "sqrt", "float32", List.of("uniform(0, 1e6)"), 1_048_576, 42,
                List.of(
                        ok("jdk", new Accuracy(0.5, 0.25, 1.0, 0, 0L, 0, List.of()),
                                timing(1_048_576, 1_500_000, 30, 1)),
                        ok("tf-cpu", new Accuracy(1.5, 0.3, 0.987654, 12_945, 2L, 0, List.of(sqrtOne)),
                                timing(1_048_576, 12_345, 30, 8)),
                        BackendResult.notRun("nd4j-gpu", Status.SKIPPED, "backend not available: no CUDA device")),
                List.of(new Agreement("jdk", "tf-cpu", 0.987654, 1L)), null, null, null);
        CaseResult hostile = new CaseResult(HOSTILE_ID, "exp", "float64", List.of("binades(-10, 10)"), 1000, 7,
                List.of(
                        ok("jdk", new Accuracy(0.5, 0.25, 1.0, 0, 0L, 0, List.of()),
                                timing(1000, 850, 30, 100)),
                        ok("tf-cpu", new Accuracy(12.0, 2.0, 0.5, 500, 24L, 0, List.of()),
                                timing(1000, 950, 30, 100)),
                        BackendResult.notRun("nd4j-gpu", Status.UNSUPPORTED, "float64 exp: \"not on GPU\" <sic>")),
                List.of(new Agreement("jdk", "tf-cpu", 0.5, 24L)), null, null, null);
        CaseResult failed = new CaseResult("log-f32", "log", "float32", List.of("uniform(0, 1)"), 4096, 7,
                List.of(
                        BackendResult.notRun("jdk", Status.FAILED, "worker exited with code 134"),
                        ok("tf-cpu", new Accuracy(null, 0.3, 0.9, 400, null, 3, List.of()),
                                timing(4096, 2_500_000_000.0, 10, 1))),
                List.of(), null, null, null);
        return new Results(Results.SCHEMA, "0.1.0-SNAPSHOT", true, env, backends, List.of(sqrt, hostile, failed));
    }

    static BackendResult ok(String backend, Accuracy accuracy, SizeTiming timing) {
        return new BackendResult(backend, "ok", null, accuracy, null, null, List.of(timing), null, null, null);
    }

    /** A timing whose samples all equal the median. */
    static SizeTiming timing(long size, double medianNanos, int samples, long callsPerSample) {
        double seconds = medianNanos * 1e-9;
        return new SizeTiming(size, medianNanos, medianNanos, medianNanos, medianNanos, medianNanos, samples, callsPerSample,
                new Outliers(0, 0, 0, 0), size / seconds, 8 * size / seconds, null, null, null);
    }
}
