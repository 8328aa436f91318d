package io.github.opcompare.engine.check;

import static io.github.opcompare.engine.check.CheckFixtures.accuracy;
import static io.github.opcompare.engine.check.CheckFixtures.exp32;
import static io.github.opcompare.engine.check.CheckFixtures.machine;
import static io.github.opcompare.engine.check.CheckFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.engine.merge.QualifiedBackend;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.Results;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two versions of one library in one run are two backends to the rules: a rule may name one version,
 * or the library's id for every version; the pair's agreement is a limit like any other.
 */
class VersionedBackendRulesTest {
    private static final String OLD = "tensorflow-cpu@1.0.0";
    private static final String NEW = "tensorflow-cpu@1.1.0";

    private final Results twoVersions = new Results(Results.SCHEMA, "test", true, machine("Test CPU"),
            List.of(new BackendInfo(OLD, "tensorflow", "1.0.0", "cpu", 2, null, true, null),
                    new BackendInfo(NEW, "tensorflow", "1.1.0", "cpu", 2, null, true, null)),
            List.of(exp32(List.of(ok(OLD, accuracy(1.0, 0.9, 1L, 0), true), ok(NEW, accuracy(3.0, 0.8, 3L, 0), true)),
                    List.of(new Agreement(OLD, NEW, 0.5, 2L)))));

    private List<String> messages(String backends, LimitSpec limit) {
        RuleSpec rule = new RuleSpec(List.of(), List.of(), List.of(backends), List.of(limit));
        return RuleChecker.check(twoVersions, RuleParser.parse(List.of(rule), twoVersions)).violations().stream()
                .map(Violation::message).toList();
    }

    @Test
    void aRuleNamingOneVersionCoversThatVersionOnly() {
        assertEquals(List.of("case exp/float32 backend tensorflow-cpu@1.1.0: maxUlp is 3.0, but expected maximum is 2"),
                messages(NEW, new LimitSpec("maxUlp", null, "2", null, null)));
        assertEquals(List.of(), messages(OLD, new LimitSpec("maxUlp", null, "2", null, null)));
    }

    @Test
    void aRuleNamingTheLibrarysIdCoversEveryVersion() {
        assertEquals(List.of("case exp/float32 backend tensorflow-cpu@1.0.0: maxUlp is 1.0, but expected maximum is 0.5",
                "case exp/float32 backend tensorflow-cpu@1.1.0: maxUlp is 3.0, but expected maximum is 0.5"),
                messages("tensorflow-cpu", new LimitSpec("maxUlp", null, "0.5", null, null)));
    }

    @Test
    void thePairsAgreementIsALimit() {
        assertEquals(List.of("case exp/float32 backend tensorflow-cpu@1.1.0: agreement with tensorflow-cpu@1.0.0 is 0.5, but expected"
                + " minimum is 0.99"), messages(NEW, new LimitSpec("agreement", "0.99", null, OLD, null)));
    }

    @Test
    void aVersionIsNoMachine() {
        assertEquals(new QualifiedBackend(OLD, null), QualifiedBackend.parse(OLD));
        assertEquals(new QualifiedBackend(OLD, "xeon"), QualifiedBackend.parse(OLD + "@xeon"));
        assertEquals(new QualifiedBackend("nd4j-cpu", "xeon"), QualifiedBackend.parse("nd4j-cpu@xeon"));
        assertEquals("tensorflow-cpu", QualifiedBackend.parse(OLD + "@xeon").catalogId());
        assertNull(QualifiedBackend.parse("numpy@2.4.6").machine());
    }
}
