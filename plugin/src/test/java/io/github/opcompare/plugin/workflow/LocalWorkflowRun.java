package io.github.opcompare.plugin.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the opcompare workflow's jobs here, one after the other, as GitHub would run them for one
 * machine type: the compare job once per shard of its matrix, each in a fresh copy of the project (a
 * fresh checkout), then the merge job in another, the artifacts passing through a local folder. What
 * runs is the workflow's own commands; only the machine's matrix entry and Maven's settings are the
 * caller's.
 */
public final class LocalWorkflowRun {
    private LocalWorkflowRun() {
    }

    /**
     * @param project a folder with the project's pom.xml, as a job would check it out
     * @param machine the matrix entry of the machine type ({@code name}, {@code runner}, {@code backends})
     * @param mvn a bash function named mvn that runs Maven with this build's settings, defined before the jobs run
     * @return the folder of the run: {@code compare-<shard>/}, {@code merge/}, {@code artifacts/<name>/}
     */
    public static Path run(GithubWorkflow workflow, Path project, Map<String, String> machine, String mvn)
            throws IOException, InterruptedException {
        Path work = project.resolve("target/workflow");
        deleteTree(work);
        Path artifacts = Files.createDirectories(work.resolve("artifacts"));
        List<String> shards = workflow.matrixValues("compare", "shard");
        for (String shard : shards) {
            Map<String, String> expressions = new LinkedHashMap<>();
            expressions.put("matrix.shard", shard);
            machine.forEach((k, v) -> expressions.put("matrix.machine." + k, v));
            runJob(workflow, "compare", expressions, checkout(project, work.resolve("compare-" + shard)), artifacts, mvn);
        }
        runJob(workflow, "merge", Map.of(), checkout(project, work.resolve("merge")), artifacts, mvn);
        return work;
    }

    private static void runJob(GithubWorkflow workflow, String job, Map<String, String> expressions, Path dir, Path artifacts, String mvn)
            throws IOException, InterruptedException {
        String script = workflow.script(job, expressions);
        // The mvn function after the script's first line (set -euo pipefail), before any step.
        int firstLine = script.indexOf('\n') + 1;
        String withMaven = script.substring(0, firstLine) + mvn + "\n" + script.substring(firstLine);
        String output = GithubWorkflow.run(withMaven, dir, Map.of("ARTIFACTS", artifacts.toString(),
                "GITHUB_OUTPUT", dir.resolve("github-output.txt").toString()));
        Files.writeString(dir.resolve("job.log"), output);
    }

    private static Path checkout(Path project, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.copy(project.resolve("pom.xml"), dir.resolve("pom.xml"));
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
