package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case's backends run one after the other and are judged side by side: each result must still be
 * its own backend's, in the backends' order. Four java-math workers (Math.sqrt, correctly rounded)
 * take the square roots of five perfect squares, whose roots 1, 1.5, 2, 2.5 and 3 are exact
 * doubles; two of them return one step too large at an input of their own, and one backend is not
 * there at all.
 */
class BackendsJudgedSideBySideTest {
    @TempDir
    static Path dir;
    static CaseResult sqrt;

    @BeforeAll
    static void run() throws Exception {
        List<BackendDescriptor> backends = List.of(
                new BackendDescriptor("right", "java-math", "cpu", "unused", Map.of()),
                new BackendDescriptor("wrong-at-2.25", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_WRONG_AT", "2.25")),
                new BackendDescriptor("refused", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_REFUSE", "not here")),
                new BackendDescriptor("wrong-at-6.25", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_WRONG_AT", "6.25")));
        var cases = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float64"), "values(1,2.25,4,6.25,9)", 5, 1)));
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(), Duration.ZERO, 2, false, Duration.ofSeconds(60), Duration.ofSeconds(60), 3,
                EnvironmentProbe.capture("test", List.of()), "test");
        sqrt = new ComparisonRunner(settings, FaultyRuns.javaMathWorkers(), new RunListener() {
        }).run(cases, backends).cases().get(0);
    }

    @Test
    void eachBackendGetsItsOwnJudgementInTheBackendsOrder() {
        assertEquals(List.of("right", "wrong-at-2.25", "refused", "wrong-at-6.25"),
                sqrt.results().stream().map(BackendResult::backend).toList());
        assertEquals(0, sqrt.results().get(0).accuracy().notCorrectlyRounded());
        assertEquals("skipped", sqrt.results().get(2).status());
        assertPlantedStep(sqrt.results().get(1).accuracy(), "2.25");
        assertPlantedStep(sqrt.results().get(3).accuracy(), "6.25");
    }

    @Test
    void theAgreementPairsFollowTheBackendsOrder() {
        // Three backends gave results: three pairs, each differing where one of the two is wrong.
        assertEquals(List.of("right/wrong-at-2.25", "right/wrong-at-6.25", "wrong-at-2.25/wrong-at-6.25"),
                sqrt.agreement().stream().map(a -> a.a() + "/" + a.b()).toList());
        assertEquals(List.of(0.8, 0.8, 0.6), sqrt.agreement().stream().map(Agreement::identical).toList());
    }

    private static void assertPlantedStep(Accuracy accuracy, String input) {
        assertEquals(1, accuracy.notCorrectlyRounded());
        assertEquals(1L, accuracy.maxSteps());
        assertEquals(List.of(input), accuracy.worst().get(0).inputs());
    }
}
