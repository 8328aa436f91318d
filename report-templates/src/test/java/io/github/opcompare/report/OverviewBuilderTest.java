package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Grade;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverviewBuilderTest {

    @Test
    void sameReasonOnManyCasesIsOneNote() {
        BackendResult skipped = BackendResult.notRun("gpu", Status.SKIPPED, "no CUDA device");
        Results results = new Results(Results.SCHEMA, "0", true, null, List.of(), List.of(
                new CaseResult("a", "exp", "float32", List.of(), 1, 0, List.of(skipped), List.of(), null, null, null),
                new CaseResult("b", "log", "float32", List.of(), 1, 0, List.of(skipped), List.of(), null, null, null)));
        OverviewPage page = new OverviewBuilder(results, "results.json").build();
        assertEquals(1, page.notes().size());
        assertEquals(2, page.notes().get(0).cases());
        assertEquals(1, page.cases().get(1).cells().get(0).note());
        assertEquals(Grade.NONE, page.verdict().grade());
    }

    @Test
    void theReferencesFirstPassIsGroupedBySource() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("exp", "Math");
        sources.put("log", "Math");
        sources.put("sin", "StrictMath");
        sources.put("cos", "Math");
        sources.put("tan", "none");
        assertEquals("exp, log, cos: Math; sin: StrictMath; tan: none", OverviewBuilder.firstPass(sources));
        assertNull(OverviewBuilder.firstPass(null));
    }
}
