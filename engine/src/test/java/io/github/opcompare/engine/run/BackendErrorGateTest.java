package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendErrorGateTest {
    private static final Path RESULTS = Path.of("target/opcompare/results.json");

    private final List<String> warnings = new ArrayList<>();
    private final JobLog log = new JobLog() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
            warnings.add(line);
        }
    };

    private static Results withResults(BackendResult... results) {
        CaseResult c = new CaseResult("exp", "exp", "float32", List.of("uniform(0,1)"), 10, 42, List.of(results), List.of(), null, null, null);
        return new Results(Results.SCHEMA, "test", true, null, List.of(), List.of(c));
    }

    private static final BackendResult CRASHED = BackendResult.notRun("nd4j-cpu", Status.FAILED,
            "worker crashed with signal 11 (SIGSEGV)\n  stderr line");
    private static final BackendResult SKIPPED = BackendResult.notRun("numpy", Status.SKIPPED, "no python3");

    @Test
    void aFailureIsAWarningByDefaultAndTheBuildGoesOn() throws Exception {
        assertEquals(Optional.empty(), BackendErrorGate.apply(withResults(CRASHED, SKIPPED), RESULTS, false, log));
        assertEquals(List.of(
                "opcompare: 1 result failed; details in " + RESULTS + " (-Dopcompare.failOnBackendError=true fails the build):",
                "  exp/float32 on nd4j-cpu: worker crashed with signal 11 (SIGSEGV)"), warnings);
    }

    @Test
    void failOnBackendErrorFailsTheBuildListingEveryFailure() {
        assertEquals(Optional.of("opcompare: 1 result failed (failOnBackendError):\n  exp/float32 on nd4j-cpu: worker crashed"
                + " with signal 11 (SIGSEGV)"), BackendErrorGate.apply(withResults(CRASHED, SKIPPED), RESULTS, true, log));
        assertEquals(List.of(), warnings);
    }

    @Test
    void skippedAndUnsupportedBackendsAreNotFailures() throws Exception {
        assertEquals(Optional.empty(), BackendErrorGate.apply(withResults(SKIPPED,
                BackendResult.notRun("jdk", Status.UNSUPPORTED, "no reduce")), RESULTS, true, log));
        assertEquals(List.of(), warnings);
    }
}
