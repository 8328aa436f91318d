package io.github.opcompare.plugin.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub Actions workflow file, read as GitHub reads it, checked against SchemaStore's schema of
 * workflows, and each of its jobs turned into a bash script that runs here: the job's environment
 * exported, its {@code run:} steps as written, with their {@code ${{ }}} expressions replaced by values
 * the caller gives (an expression nobody gave is an error, so that a changed workflow cannot slip
 * through with an empty value), and the artifact steps played by a local folder. Steps that set up a
 * hosted runner ({@code actions/checkout}, {@code actions/setup-java}) are left out: the machine
 * running the test is already set up.
 */
public final class GithubWorkflow {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final String SCHEMA = "/schemastore/github-workflow.json";
    /** Plays actions/upload-artifact and actions/download-artifact (v4) with the folder $ARTIFACTS. */
    private static final String ARTIFACT_FUNCTIONS = """
            upload_artifact() { # name, common root ("" for one path), paths...
              local dest="$ARTIFACTS/$1" root="$2"; shift 2
              mkdir -p "$dest"
              for p in "$@"; do
                [ -e "$p" ] || { echo "upload-artifact: no file at $p" >&2; return 1; }
                if [ -z "$root" ]; then
                  if [ -d "$p" ]; then cp -r "$p/." "$dest/"; else cp "$p" "$dest/"; fi
                else
                  local rel="${p#"$root"/}"
                  mkdir -p "$dest/$(dirname "$rel")"
                  cp -r "$p" "$dest/$rel"
                fi
              done
            }
            download_artifacts() { # glob pattern of names, folder: each artifact into folder/name
              local found=0
              for a in "$ARTIFACTS"/$1; do
                [ -d "$a" ] || continue
                mkdir -p "$2/$(basename "$a")"
                cp -r "$a/." "$2/$(basename "$a")/"
                found=1
              done
              [ "$found" = 1 ] || { echo "download-artifact: no artifact matches $1" >&2; return 1; }
            }
            """;

    private final Path file;
    private final JsonNode root;

    private GithubWorkflow(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    public static GithubWorkflow read(Path file) throws IOException {
        return new GithubWorkflow(file, YAML.readTree(file.toFile()));
    }

    public JsonNode root() {
        return root;
    }

    /** What SchemaStore's schema of workflows finds wrong with the file; empty when it is valid. */
    public Set<String> schemaErrors() throws IOException {
        try (InputStream in = GithubWorkflow.class.getResourceAsStream(SCHEMA)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            Set<String> errors = new TreeSet<>();
            for (ValidationMessage m : schema.validate(root)) {
                errors.add(m.getMessage());
            }
            return errors;
        }
    }

    public JsonNode job(String id) {
        JsonNode job = root.path("jobs").path(id);
        if (job.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no job '" + id + "'; its jobs: " + names(root.path("jobs")));
        }
        return job;
    }

    /** The values of a matrix key given as a list in the file ({@code shard: [1, 2]}). */
    public List<String> matrixValues(String jobId, String key) {
        JsonNode values = job(jobId).path("strategy").path("matrix").path(key);
        if (!values.isArray()) {
            throw new IllegalArgumentException("Job '" + jobId + "' of " + file + " has no list strategy.matrix." + key);
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return out;
    }

    /**
     * The job as a bash script, run from the folder the job would check out into. Artifacts go to and
     * come from the folder in the variable ARTIFACTS; step outputs to the file in GITHUB_OUTPUT.
     *
     * @param expressions the value of each {@code ${{ }}} expression the job's env, run and with use
     */
    public String script(String jobId, Map<String, String> expressions) {
        JsonNode job = job(jobId);
        StringBuilder s = new StringBuilder("set -euo pipefail\n").append(ARTIFACT_FUNCTIONS);
        exportAll(root.path("env"), expressions, s);
        exportAll(job.path("env"), expressions, s);
        int index = 0;
        for (JsonNode step : job.path("steps")) {
            index++;
            String where = "job '" + jobId + "', step " + index;
            String uses = step.path("uses").asText("");
            if (step.has("run")) {
                s.append("# ").append(where).append(": ").append(step.path("name").asText("")).append('\n');
                // Each step runs in its own shell, as on a runner: its env does not reach the next step.
                s.append("(\n");
                exportAll(step.path("env"), expressions, s);
                s.append(substitute(step.path("run").asText(), expressions, where)).append("\n)\n");
            } else if (uses.startsWith("actions/upload-artifact@")) {
                JsonNode with = step.path("with");
                List<String> paths = lines(substitute(with.path("path").asText(), expressions, where));
                s.append("upload_artifact ").append(quote(substitute(with.path("name").asText("artifact"), expressions, where)))
                        .append(' ').append(quote(paths.size() == 1 ? "" : commonRoot(paths)));
                paths.forEach(p -> s.append(' ').append(quote(p)));
                s.append('\n');
            } else if (uses.startsWith("actions/download-artifact@")) {
                JsonNode with = step.path("with");
                String pattern = with.has("name") ? substitute(with.path("name").asText(), expressions, where)
                        : substitute(with.path("pattern").asText("*"), expressions, where);
                // Unquoted on purpose: the pattern is a glob over the artifacts' names.
                s.append("download_artifacts '").append(pattern.replace("'", "")).append("' ")
                        .append(quote(substitute(with.path("path").asText("."), expressions, where))).append('\n');
            } else if (!uses.startsWith("actions/checkout@") && !uses.startsWith("actions/setup-java@")) {
                throw new IllegalArgumentException("The " + where + " of " + file + " uses " + uses
                        + ", which a local run cannot play; play it in GithubWorkflow or leave it out");
            }
        }
        return s.toString();
    }

    /** Runs a script with bash in a folder; its output, or an exception with the output when it fails. */
    public static String run(String script, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "job-", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        int rc = pb.start().waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new IllegalStateException("The job failed (exit " + rc + ") in " + dir + ":\n" + tail(output) + "\n--- script:\n" + script);
        }
        return output;
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : "..." + output.substring(output.length() - 6000);
    }

    private void exportAll(JsonNode env, Map<String, String> expressions, StringBuilder s) {
        Iterator<Map.Entry<String, JsonNode>> fields = env.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            s.append("export ").append(e.getKey()).append('=')
                    .append(quote(substitute(e.getValue().asText(), expressions, "env " + e.getKey()))).append('\n');
        }
    }

    private String substitute(String text, Map<String, String> expressions, String where) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = expressions.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("The " + where + " of " + file + " uses ${{ " + m.group(1)
                        + " }}, which the local run was given no value for; it knows " + new TreeSet<>(expressions.keySet()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    /** The folders all paths share (GitHub's "least common ancestor" of the paths of an artifact). */
    static String commonRoot(List<String> paths) {
        String[] common = paths.get(0).split("/");
        int n = common.length - 1;
        for (String p : paths) {
            String[] parts = p.split("/");
            int k = 0;
            while (k < n && k < parts.length - 1 && parts[k].equals(common[k])) {
                k++;
            }
            n = k;
        }
        return String.join("/", java.util.Arrays.copyOf(common, n));
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static List<String> names(JsonNode jobs) {
        List<String> out = new ArrayList<>();
        jobs.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Writes the file of a step's outputs and reads it back as key=value lines. */
    public static Map<String, String> outputs(Path githubOutput) {
        try {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (String line : Files.readAllLines(githubOutput)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
