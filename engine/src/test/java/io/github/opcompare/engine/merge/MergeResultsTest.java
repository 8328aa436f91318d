package io.github.opcompare.engine.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Shard;
import io.github.opcompare.engine.result.SpecialOperand;
import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.SpecialsOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.github.opcompare.engine.io.ResultsJson;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeResultsTest {
    private static final List<String> PLAN = List.of("a/float32", "b/float32", "c/float32");

    private static Environment env(String cpu) {
        return new Environment("Linux", null, "amd64", cpu, 2, null, null, 1L << 30, List.of(), "17", null, null, null, null, null);
    }

    private static CaseResult kase(String id, double jdkUlp, String inputs) {
        Accuracy acc = new Accuracy(jdkUlp, jdkUlp / 2, 1.0, 0, 0L, 0, List.of());
        return new CaseResult(id, "exp", "float32", List.of(inputs), 10, 42,
                List.of(new BackendResult("jdk", "ok", null, acc, null, null, null, null, null, null),
                        new BackendResult("jdk-strict", "ok", null, acc, null, null, null, null, null, null)),
                List.of(new Agreement("jdk", "jdk-strict", 1.0, 0L)), null, null, null);
    }

    private static Results run(Environment env, Shard shard, CaseResult... cases) {
        List<BackendInfo> backends = List.of(new BackendInfo("jdk", "jdk", "17", "cpu", 1, null, true, null),
                new BackendInfo("jdk-strict", "jdk-strict", "17", "cpu", 1, null, true, null));
        return new Results(Results.SCHEMA, "t", true, env, backends, List.of(cases), List.of(), shard, null);
    }

    private static MergeInput shard(int index, int count, CaseResult... cases) {
        return new MergeInput("part" + index, null, run(env("cpu"), new Shard(index, count, "case", PLAN), cases));
    }

    @Test
    void shardsGivenInAnyOrderGoBackIntoPlanOrder() {
        CaseResult a = kase("a", 0.5, "uniform(0,1)");
        CaseResult b = kase("b", 0.6, "uniform(0,1)");
        CaseResult c = kase("c", 0.7, "uniform(0,1)");
        Merged merged = ResultsMerger.merge(List.of(shard(2, 2, b), shard(1, 2, a, c)));
        Results r = merged.results();
        assertEquals(List.of(a, b, c), r.cases());
        assertNull(r.shard());
        assertNull(r.machines());
        assertTrue(r.complete());
        assertEquals(List.of(), merged.notes());
        assertEquals(List.of("jdk", "jdk-strict"), r.backends().stream().map(BackendInfo::id).toList());
    }

    @Test
    void aMissingOrDoubledShardIsAnError() {
        CaseResult a = kase("a", 0.5, "uniform(0,1)");
        assertEquals("Shards 2/3, 3/3 of the run in part1 are missing; merge needs every part",
                assertThrows(IllegalArgumentException.class, () -> ResultsMerger.merge(List.of(shard(1, 3, a)))).getMessage());
        assertEquals("Shard 1/2 is given twice: part1 and part1",
                assertThrows(IllegalArgumentException.class, () -> ResultsMerger.merge(List.of(shard(1, 2, a), shard(1, 2, a)))).getMessage());
        MergeInput otherRun = new MergeInput("other", null, run(env("cpu"), new Shard(2, 2, "case", List.of("x/float32")), a));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultsMerger.merge(List.of(shard(1, 2, a), otherRun)))
                .getMessage().startsWith("other (shard 2/2) is not a part of the same run as part1"));
    }

    @Test
    void shardsFromDifferentCpusMergeWithANote() {
        CaseResult a = kase("a", 0.5, "uniform(0,1)");
        MergeInput two = new MergeInput("part2", null, run(env("other cpu"), new Shard(2, 2, "case", PLAN), kase("b", 1, "uniform(0,1)")));
        Merged merged = ResultsMerger.merge(List.of(shard(1, 2, a), two));
        assertEquals(List.of("shard 2/2 ran on other cpu (2 cores), shard 1/2 on cpu (2 cores): timings of the parts are not comparable"),
                merged.notes());
    }

    @Test
    void machinesSideBySideWithQualifiedBackendsAndTheirOwnEnvironments() {
        Results xeon = run(env("Xeon"), null, kase("a", 0.5, "uniform(0,1)"));
        Results epyc = run(env("EPYC"), null, kase("a", 0.75, "uniform(0,1)"), kase("b", 1, "uniform(0,1)"));
        Results r = ResultsMerger.merge(List.of(new MergeInput("x", "xeon", xeon), new MergeInput("e", "epyc", epyc))).results();
        assertEquals(List.of("xeon", "epyc"), r.machines().stream().map(m -> m.name()).toList());
        assertEquals("EPYC", r.machines().get(1).environment().cpuModel());
        assertEquals(List.of("jdk@epyc", "jdk-strict@epyc"), r.machines().get(1).backends());
        assertEquals(2, r.cases().size());
        CaseResult a = r.cases().get(0);
        assertEquals(List.of("jdk@xeon", "jdk-strict@xeon", "jdk@epyc", "jdk-strict@epyc"), a.results().stream().map(BackendResult::backend).toList());
        assertEquals(new Agreement("jdk@epyc", "jdk-strict@epyc", 1.0, 0L), a.agreement().get(1));

        List<MachineMatrix.Row> rows = MachineMatrix.of(r);
        assertEquals(4, rows.size()); // a and b, each on jdk and jdk-strict
        MachineMatrix.Row jdkA = rows.get(0);
        assertEquals("a/float32", jdkA.caseLabel());
        assertEquals("jdk", jdkA.backend());
        assertEquals(List.of("xeon", "epyc"), List.copyOf(jdkA.cells().keySet()));
        assertEquals(0.75, jdkA.cells().get("epyc").accuracy().maxUlp());
        // Case b ran on epyc only: xeon's cell is empty.
        assertNull(rows.get(2).cells().get("xeon"));
        assertEquals(List.of(), MachineMatrix.of(xeon));

        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultsMerger.merge(List.of(new MergeInput("m", "m", r))))
                .getMessage().startsWith("m is already a merge of machines [xeon, epyc]"));
    }

    @Test
    void theSameCaseOnDifferentInputsCannotBeMerged() {
        Results one = run(env("Xeon"), null, kase("a", 0.5, "uniform(0,1)"));
        Results two = run(env("EPYC"), null, kase("a", 0.5, "uniform(0,2)"));
        String message = assertThrows(IllegalArgumentException.class,
                () -> ResultsMerger.merge(List.of(new MergeInput("1", "one", one), new MergeInput("2", "two", two)))).getMessage();
        assertEquals("Case a/float32 is not the same on machines 'one' (exp over [uniform(0,1)], size 10, seed 42) and 'two'"
                + " (exp over [uniform(0,2)], size 10, seed 42); merge runs of the same configuration only", message);
    }

    @Test
    void twoWholeRunsOfOneMachineNameAreAnError() {
        Results one = run(env("Xeon"), null, kase("a", 0.5, "uniform(0,1)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResultsMerger.merge(List.of(new MergeInput("1", "m", one), new MergeInput("2", "m", one)))).getMessage()
                .startsWith("Machine 'm' has more than one whole run: [1, 2]"));
    }

    @Test
    void unnamedWholeRunsAreNamedAfterTheirFolderAboveTheBuildFolders() {
        assertEquals("linux-xeon", MergeSources.folderName(Path.of("ci/linux-xeon/target/opcompare/results.json")));
        assertEquals("gpu-box", MergeSources.folderName(Path.of("/tmp/gpu-box/results.json")));
    }

    @Test
    void aMisspeltFileIsAConfigurationErrorNamingTheEntry(@org.junit.jupiter.api.io.TempDir Path dir) {
        // It used to surface as an I/O error (NoSuchFileException) from reading the file.
        Path missing = dir.resolve("ci/linux-xeon/results.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MergeSources.read(List.of("xeon=ci/linux-xeon/results.json"), dir));
        assertEquals("Invalid mergeFiles entry '" + missing + "': no such file ('xeon=ci/linux-xeon/results.json' in"
                + " -Dopcompare.mergeFiles, taken from " + dir + "; list results.json files, comma-separated, each path or name=path)",
                e.getMessage());
    }

    /** Case a (sum) with two special vectors; jdk-strict gets [-0, -0] wrong when {@code strictWrong}. */
    private static CaseResult withSpecials(String id, boolean strictWrong) {
        CaseResult c = kase(id, 0.5, "uniform(0,1)");
        List<SpecialValue> specials = List.of(
                new SpecialValue(List.of(SpecialOperand.vector(List.of("-0.0", "-0.0"))), null, "-0.0",
                        java.util.Map.of("jdk", "-0.0", "jdk-strict", strictWrong ? "0.0" : "-0.0"),
                        strictWrong ? List.of("jdk-strict") : List.of()),
                new SpecialValue(List.of(SpecialOperand.vector(List.of("1.0", "NaN"))), null, "NaN",
                        java.util.Map.of("jdk", "NaN", "jdk-strict", "NaN"), List.of()));
        return new CaseResult(c.id(), "reduce_sum", c.dtype(), c.inputs(), c.size(), c.seed(), c.results(), c.agreement(), null, null,
                null, null, new Specials(SpecialsOutcome.ok(),
                        java.util.Map.of("jdk", SpecialsOutcome.ok(), "jdk-strict", SpecialsOutcome.ok()), specials));
    }

    @Test
    void specialsSurviveShardsAndFollowQualifiedBackendsAcrossMachines() throws Exception {
        // Shards: each case comes back untouched, specials included.
        Merged shards = ResultsMerger.merge(List.of(shard(1, 2, withSpecials("a", true)), shard(2, 2, kase("b", 1, "uniform(0,1)"))));
        assertEquals(1L, shards.results().cases().get(0).specialMismatches("jdk-strict"));

        Results xeon = run(env("Xeon"), null, withSpecials("a", false));
        Results epyc = run(env("EPYC"), null, withSpecials("a", true));
        Results r = ResultsMerger.merge(List.of(new MergeInput("x", "xeon", xeon), new MergeInput("e", "epyc", epyc))).results();
        CaseResult a = r.cases().get(0);
        // One row per special vector, every machine's results in it under backend@machine.
        assertEquals(2, a.specials().rows().size());
        SpecialValue zeros = a.specials().rows().get(0);
        assertEquals("[-0.0, -0.0]", zeros.inputsText());
        assertEquals("-0.0", zeros.expected());
        assertEquals("0.0", zeros.actual().get("jdk-strict@epyc"));
        assertEquals("-0.0", zeros.actual().get("jdk-strict@xeon"));
        assertEquals(4, zeros.actual().size());
        assertEquals(List.of("jdk-strict@epyc"), zeros.mismatches());
        assertEquals(1L, a.specialMismatches("jdk-strict@epyc"));
        assertEquals(0L, a.specialMismatches("jdk-strict@xeon"));
        // And the merged file reads back as written.
        Path file = java.nio.file.Files.createTempDirectory("merge").resolve("results.json");
        ResultsJson.write(r, file);
        assertEquals(a.specials(), ResultsJson.read(file).cases().get(0).specials());
    }

    /** Case a (sum) with its special outcomes as given, and [-0, -0] answered by the backends that did not fail. */
    private static CaseResult withOutcomes(SpecialsOutcome reference, SpecialsOutcome strict) {
        CaseResult c = kase("a", 0.5, "uniform(0,1)");
        java.util.Map<String, String> actual = new java.util.LinkedHashMap<>();
        actual.put("jdk", "-0.0");
        if (!strict.isFailed()) {
            actual.put("jdk-strict", "-0.0");
        }
        List<SpecialValue> rows = List.of(new SpecialValue(List.of(SpecialOperand.vector(List.of("-0.0", "-0.0"))), null, "-0.0", actual,
                List.of()));
        return new CaseResult(c.id(), "reduce_sum", c.dtype(), c.inputs(), c.size(), c.seed(), c.results(), c.agreement(), null, null,
                null, null, new Specials(reference, java.util.Map.of("jdk", SpecialsOutcome.ok(), "jdk-strict", strict), rows));
    }

    @Test
    void aFailedSpecialRunStaysFailedUnderItsMachineAndAReferenceFailureOnOneMachineIsKept() throws Exception {
        SpecialsOutcome crashed = SpecialsOutcome.failed("[1.0, NaN]: worker ended unexpectedly (exit code 42)");
        Results xeon = run(env("Xeon"), null, withOutcomes(SpecialsOutcome.ok(), SpecialsOutcome.ok()));
        Results epyc = run(env("EPYC"), null, withOutcomes(SpecialsOutcome.ok(), crashed));
        Specials merged = ResultsMerger.merge(List.of(new MergeInput("x", "xeon", xeon), new MergeInput("e", "epyc", epyc)))
                .results().cases().get(0).specials();
        assertEquals(SpecialsOutcome.ok(), merged.reference());
        assertEquals(java.util.Map.of("jdk@xeon", SpecialsOutcome.ok(), "jdk-strict@xeon", SpecialsOutcome.ok(),
                "jdk@epyc", SpecialsOutcome.ok(), "jdk-strict@epyc", crashed), merged.backends());
        assertEquals(java.util.Set.of("jdk@xeon", "jdk-strict@xeon", "jdk@epyc"), merged.rows().get(0).actual().keySet());

        // The reference failed on one machine only: the merged rows lack that machine's judgement of an input.
        Results undecided = run(env("EPYC"), null, withOutcomes(SpecialsOutcome.failed("[1.0, NaN]: undecided"), SpecialsOutcome.ok()));
        Specials both = ResultsMerger.merge(List.of(new MergeInput("x", "xeon", xeon), new MergeInput("e", "epyc", undecided)))
                .results().cases().get(0).specials();
        assertEquals(SpecialsOutcome.failed("on epyc: [1.0, NaN]: undecided"), both.reference());

        // Shards keep each case, outcomes included, as it was.
        Specials sharded = ResultsMerger.merge(List.of(shard(1, 2, withOutcomes(SpecialsOutcome.ok(), crashed)),
                shard(2, 2, kase("b", 1, "uniform(0,1)")))).results().cases().get(0).specials();
        assertEquals(crashed, sharded.outcome("jdk-strict"));

        // A machine that wrote no specials for the case adds no outcome: its backends are not counted as passing.
        Results none = run(env("EPYC"), null, kase("a", 0.5, "uniform(0,1)"));
        CaseResult noneCase = none.cases().get(0);
        Results noneSum = run(env("EPYC"), null, new CaseResult(noneCase.id(), "reduce_sum", noneCase.dtype(), noneCase.inputs(),
                noneCase.size(), noneCase.seed(), noneCase.results(), noneCase.agreement(), null, null, null));
        Specials partial = ResultsMerger.merge(List.of(new MergeInput("x", "xeon", xeon), new MergeInput("e", "epyc", noneSum)))
                .results().cases().get(0).specials();
        assertNull(partial.outcome("jdk@epyc"));
        assertFalse(partial.answeredBy("jdk@epyc"));
    }

    @Test
    void shardedAndMergedFilesFollowTheSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/io/github/opcompare/engine/results.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Results part = shard(1, 2, kase("a", 0.5, "uniform(0,1)")).results();
        Results merged = ResultsMerger.merge(List.of(new MergeInput("x", "xeon", run(env("Xeon"), null, withSpecials("a", false))),
                new MergeInput("e", "epyc", run(env("EPYC"), null, withOutcomes(SpecialsOutcome.failed("[1.0, NaN]: undecided"),
                        SpecialsOutcome.failed("worker ended unexpectedly (exit code 42)")))))).results();
        ObjectMapper mapper = new ObjectMapper();
        for (Results r : List.of(part, merged)) {
            JsonNode json = mapper.readTree(ResultsJson.toJson(r));
            assertEquals(java.util.Set.of(), schema.validate(json));
        }
        // The schema does check the new fields: a split the merge does not know is refused.
        JsonNode unknownSplit = mapper.readTree(ResultsJson.toJson(part.withShard(new Shard(1, 2, "range", PLAN))));
        assertEquals(1, schema.validate(unknownSplit).size());
    }
}
