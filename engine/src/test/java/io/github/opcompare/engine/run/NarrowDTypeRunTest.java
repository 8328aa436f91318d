package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.env.EnvironmentProbe;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.worker.JavaMathWorker;
import io.github.opcompare.engine.worker.WorkerCommand;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * float16 and bfloat16 cases through the whole run: 16-bit raw files to and from real forked
 * workers, the reference, the judging, the specials and results.json.
 */
class NarrowDTypeRunTest {
    @TempDir
    static Path dir;
    static Results results;

    @BeforeAll
    static void run() throws Exception {
        List<BackendDescriptor> backends = List.of(
                new BackendDescriptor("right", "java-math", "cpu", "unused", Map.of()),
                // sqrt(2.25) = 1.5 exactly; this worker returns the next float16 up, 1.5 + 2^-10.
                new BackendDescriptor("wrong", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_WRONG_AT", "2.25")));
        var cases = Planner.plan(List.of(
                new CaseSpec(null, "sqrt", List.of("float16"), "exhaustive(1,4)", 10, 1),
                new CaseSpec(null, "add", List.of("bfloat16"), "values(1,3.0e38,-0.0,0.1);values(0.00390625,3.0e38,0,0.2)", 10, 1)));
        RunSettings settings = new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"),
                List.of(), Duration.ofMillis(100), 2, false, Duration.ofSeconds(60), Duration.ofSeconds(60), 3,
                EnvironmentProbe.capture("test", List.of()), "test");
        results = new ComparisonRunner(settings, backend -> WorkerCommand.java(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of("-Xmx64m"),
                Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)),
                JavaMathWorker.class.getName(), backend.environment()), new RunListener() { }).run(cases, backends);
    }

    @Test
    void everyFloat16FromOneToFourIsJudgedAndThePlantedStepIsFound() {
        CaseResult sqrt = results.cases().get(0);
        // Two binades of 2^10 values each (10 fraction bits), plus 4 itself.
        assertEquals(2049, sqrt.size());
        Accuracy right = sqrt.results().get(0).accuracy();
        assertEquals(1.0, right.correctlyRounded());
        assertTrue(right.maxUlp() <= 0.5);
        Accuracy wrong = sqrt.results().get(1).accuracy();
        assertEquals(1, wrong.notCorrectlyRounded());
        assertEquals(1L, wrong.maxSteps());
        // The exact 1.5 is a float16 value; one step above it is 2^-10 away, and ulp(1.5) = 2^-10.
        assertEquals(1.0, wrong.maxUlp());
        assertEquals(List.of("2.25"), wrong.worst().get(0).inputs());
        assertEquals("1.5", wrong.worst().get(0).expected());
        assertEquals("1.501", wrong.worst().get(0).actual()); // 1 + 513/1024 = 1.5009765625, shortest "1.501"
    }

    @Test
    void bfloat16AdditionRoundsOnceToTheNearestBfloat16() {
        CaseResult add = results.cases().get(1);
        assertEquals(1.0, add.results().get(0).accuracy().correctlyRounded());
        Map<Long, String> expected = new java.util.HashMap<>();
        add.values().forEach(row -> expected.put(row.index(), row.expected()));
        // 1 + 2^-8 is a tie between 1 and 1 + 2^-7 (8-bit significand): to the even one, 1.
        assertEquals("1.0", expected.get(0L));
        // 3e38 rounds to 226 * 2^120 (about 3.004e38); the sum 452 * 2^120 passes the largest
        // bfloat16, 255 * 2^120 = 0x1.fep127, by far more than half a step: infinity.
        assertEquals("Infinity", expected.get(1L));
        assertEquals("0.0", expected.get(2L)); // -0 + +0 = +0 in round to nearest
        // bf16(0.1) = 205 * 2^-11, bf16(0.2) = 205 * 2^-10; the sum 615 * 2^-11 = 153.75 * 2^-9
        // rounds to 154 * 2^-9 = 0.30078125, and "0.3" already reads back as that value.
        assertEquals("0.3", expected.get(3L));
        // The special pairs: the worker's double sum rounded once is right for every one of them.
        assertEquals(225, add.specials().rows().size());
        assertTrue(add.specials().rows().stream().noneMatch(s -> s.mismatches().contains("right")));
    }

    @Test
    void resultsJsonFollowsItsSchemaWithTheNewDtypes() throws Exception {
        Path file = dir.resolve("results.json");
        assertTrue(ResultsJson.read(file).complete());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        try (InputStream in = getClass().getResourceAsStream("/io/github/opcompare/engine/results.schema.json")) {
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(json);
            assertTrue(errors.isEmpty(), errors.toString());
        }
        assertEquals("float16", json.at("/cases/0/dtype").asText());
        assertEquals("bfloat16", json.at("/cases/1/dtype").asText());
    }
}
