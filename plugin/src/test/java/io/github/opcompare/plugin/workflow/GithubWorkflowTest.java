package io.github.opcompare.plugin.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workflow (example/.github/workflows/opcompare.yml) against SchemaStore's schema of
 * GitHub workflows, a copy kept under src/test/resources/schemastore, and its machine list run here.
 * Its compare and merge jobs run for real in the workflow-shards integration test.
 */
class GithubWorkflowTest {
    static final Path WORKFLOW = Path.of("../example/.github/workflows/opcompare.yml");

    @TempDir
    Path dir;

    @Test
    void theExampleWorkflowIsAValidGithubWorkflow() throws Exception {
        assertEquals(Set.of(), GithubWorkflow.read(WORKFLOW).schemaErrors());
    }

    @Test
    void theSchemaCatchesWhatGithubWouldRefuse() throws Exception {
        // A misspelt key and a job without runs-on: GitHub refuses both, so must the check.
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, """
                on: push
                jobs:
                  compare:
                    runs_on: ubuntu-24.04
                    steps:
                      - run: mvn -B opcompare:compare
                """);
        assertFalse(GithubWorkflow.read(bad).schemaErrors().isEmpty());
    }

    @Test
    void everyShardOfTheMatrixIsOneOfShardsParts() throws Exception {
        GithubWorkflow workflow = GithubWorkflow.read(WORKFLOW);
        int shards = Integer.parseInt(workflow.root().path("env").path("SHARDS").asText());
        assertEquals(IntStream.rangeClosed(1, shards).mapToObj(Integer::toString).toList(), workflow.matrixValues("compare", "shard"));
    }

    @Test
    void theMachineListHasAGpuMachineWhenARunnerIsNamed() throws Exception {
        JsonNode cpuOnly = machines("");
        assertEquals(1, cpuOnly.size());
        assertEquals("ubuntu-24.04", cpuOnly.get(0).path("runner").asText());
        assertFalse(cpuOnly.get(0).path("backends").asText().contains("gpu"));

        JsonNode withGpu = machines("gpu-t4-4-core");
        assertEquals(2, withGpu.size());
        assertEquals(cpuOnly.get(0), withGpu.get(0));
        assertEquals("gpu-t4-4-core", withGpu.get(1).path("runner").asText());
        assertTrue(List.of(withGpu.get(1).path("backends").asText().split(",")).containsAll(List.of("tensorflow-gpu", "nd4j-gpu")));
        // Machine names become parts of artifact names and of backend ids (backend@machine).
        assertTrue(withGpu.get(1).path("name").asText().matches("[a-z0-9-]+"));
    }

    @Test
    void anExpressionTheLocalRunDoesNotKnowIsNamed() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GithubWorkflow.read(WORKFLOW).script("compare", Map.of("matrix.shard", "1")));
        assertTrue(e.getMessage().contains("${{ matrix.machine.backends }}"), e.getMessage());
    }

    @Test
    void aFailingCommandFailsItsJob() throws Exception {
        // As on a runner (bash -e): the failing line ends the step, and the job with it.
        Path workflow = dir.resolve("failing.yml");
        Files.writeString(workflow, """
                on: push
                jobs:
                  compare:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: |
                          false
                          touch reached
                """);
        String script = GithubWorkflow.read(workflow).script("compare", Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GithubWorkflow.run(script, dir, Map.of()));
        assertTrue(e.getMessage().startsWith("The job failed (exit 1)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("reached")));
    }

    @Test
    void anArtifactOfSeveralPathsKeepsThemUnderTheirCommonFolder() {
        assertEquals("target", GithubWorkflow.commonRoot(List.of("target/site/opcompare", "target/opcompare/results.json")));
        assertEquals("", GithubWorkflow.commonRoot(List.of("a/x", "b/y")));
    }

    private JsonNode machines(String gpuRunner) throws Exception {
        Path output = dir.resolve("output-" + gpuRunner.length());
        Files.writeString(output, "");
        String script = GithubWorkflow.read(WORKFLOW).script("machines", Map.of("vars.OPCOMPARE_GPU_RUNNER", gpuRunner));
        GithubWorkflow.run(script, dir, Map.of("GITHUB_OUTPUT", output.toString(), "ARTIFACTS", dir.toString()));
        return new ObjectMapper().readTree(GithubWorkflow.outputs(output).get("list"));
    }
}
