package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two versions of one library in one run read as an upgrade: the overview names the cases whose bits
 * changed and by how much; each case page has the pair's line. Another library beside them is no pair.
 */
class VersionReportTest {
    private static final String OLD = "tensorflow-cpu@1.0.0";
    private static final String NEW = "tensorflow-cpu@1.1.0";

    @TempDir
    Path dir;

    private static Results twoVersions() {
        List<BackendInfo> backends = List.of(
                new BackendInfo(OLD, "tensorflow", "1.0.0 (TensorFlow 2.16.2)", "cpu", 2, null, true, null),
                new BackendInfo(NEW, "tensorflow", "1.1.0 (TensorFlow 2.18.0)", "cpu", 2, null, true, null),
                new BackendInfo("nd4j-cpu", "nd4j", "1.0.0-M2 (OpenBLAS 0.3.19)", "cpu", 2, null, true, null)
                        .withVersionOrigin("project", "1.0.0-M2", List.of("com.example:app:jar:1.0", "org.nd4j:nd4j-native:jar:1.0.0-M2")));
        // exp moved: 25% of outputs differ, by at most 2 steps, max ulp 1.0 -> 1.5. sqrt kept its bits.
        CaseResult exp = new CaseResult("exp", "exp", "float32", List.of("uniform(-10,10)"), 1000, 42,
                List.of(Fixtures.ok(OLD, new Accuracy(1.0, 0.3, 0.9, 100, 1L, 0, List.of()), Fixtures.timing(1000, 900, 30, 10)),
                        Fixtures.ok(NEW, new Accuracy(1.5, 0.3, 0.8, 200, 2L, 0, List.of()), Fixtures.timing(1000, 900, 30, 10)),
                        Fixtures.ok("nd4j-cpu", new Accuracy(0.5, 0.2, 1.0, 0, 0L, 0, List.of()), Fixtures.timing(1000, 900, 30, 10))),
                List.of(new Agreement(OLD, NEW, 0.75, 2L), new Agreement(OLD, "nd4j-cpu", 0.5, 1L), new Agreement(NEW, "nd4j-cpu", 0.4, 2L)),
                null, null, null);
        CaseResult sqrt = new CaseResult("sqrt", "sqrt", "float32", List.of("range(0,100)"), 100, 42,
                List.of(Fixtures.ok(OLD, new Accuracy(0.5, 0.2, 1.0, 0, 0L, 0, List.of()), Fixtures.timing(100, 900, 30, 10)),
                        Fixtures.ok(NEW, new Accuracy(0.5, 0.2, 1.0, 0, 0L, 0, List.of()), Fixtures.timing(100, 900, 30, 10))),
                List.of(new Agreement(OLD, NEW, 1.0, 0L)), null, null, null);
        return new Results(Results.SCHEMA, "test", true, Fixtures.results().environment(), backends, List.of(exp, sqrt));
    }

    @Test
    void theOverviewNamesTheCasesWhoseBitsChanged() throws Exception {
        List<VersionView.Pair> pairs = VersionView.of(twoVersions(), c -> "cases/" + c.id() + ".html");
        assertEquals(1, pairs.size(), "nd4j-cpu is another library, not a version of tensorflow-cpu");
        VersionView.Pair pair = pairs.get(0);
        assertEquals(OLD, pair.older());
        assertEquals(NEW, pair.newer());
        assertEquals("1 of 2 cases changed: exp/float32", pair.headline());
        VersionView.Line exp = pair.cases().get(0);
        assertTrue(exp.changed());
        assertEquals("25.00% of outputs changed, by up to 2 steps; max ulp 1.00 → 1.50", exp.change());
        assertEquals("same bits", pair.cases().get(1).change());

        new ReportRenderer().render(twoVersions(), null, dir);
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("id=\"versions\""), "a section Between versions");
        assertTrue(index.contains("1 of 2 cases changed: exp/float32"), index);
        String expPage = Files.readString(dir.resolve("cases/exp-float32.html"));
        assertTrue(expPage.contains("25.00% of outputs changed, by up to 2 steps"), expPage);
        // The environment page says where each version came from, and the project's dependency path.
        String environment = Files.readString(dir.resolve("environment.html"));
        assertTrue(environment.contains("com.example:app:jar:1.0 → org.nd4j:nd4j-native:jar:1.0.0-M2"), environment);
    }
}
