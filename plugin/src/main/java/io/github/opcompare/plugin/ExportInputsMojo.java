package io.github.opcompare.plugin;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.engine.io.ParameterPaths;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.engine.io.AtomicFiles;
import io.github.opcompare.engine.npy.NpyWriter;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.recording.Recordings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes every case's inputs as {@code .npy} files ({@code <case>-<dtype>-in<k>.npy}, k from 0) and a
 * {@code manifest.json}, so outputs can be computed with any Python stack and brought back as
 * {@code <recordings>}. The inputs are exactly those {@code compare} generates (same seed, same
 * domains).
 */
@Mojo(name = "export-inputs", threadSafe = true, requiresProject = true)
public class ExportInputsMojo extends AbstractMojo {

    /** The cases, as configured for {@code compare}; when none are configured, the default suite's. */
    @Parameter
    private List<Case> cases;

    /** Where the inputs go. */
    @Parameter(property = "opcompare.inputsDirectory", defaultValue = "${project.build.directory}/opcompare/inputs")
    private File inputsDirectory;

    /** Where relative {@code file(...)} domains are read from. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<PlannedCase> planned;
        try {
            ParameterPaths.outputFolder("inputsDirectory", inputsDirectory.toPath());
            planned = Planner.plan(Case.toSpecs(cases), basedir.toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
        }
        Path dir = inputsDirectory.toPath();
        List<Map<String, Object>> entries = new ArrayList<>();
        try {
            for (PlannedCase p : planned) {
                if (p.sweep().isPresent()) {
                    getLog().info("opcompare: " + p.label() + " not exported: its inputs are every value of '"
                            + p.inputExpressions().get(0) + "', generated chunk by chunk, not a file");
                    continue;
                }
                List<Values> inputs = InputPlan.generate(p.domains(), p.dtype(), p.size(), p.seed());
                // .npy has no bfloat16: its values go out as float32, which holds each of them exactly.
                String descr = switch (p.dtype()) {
                    case FLOAT16 -> "<f2";
                    case BFLOAT16, FLOAT32 -> "<f4";
                    case FLOAT64 -> "<f8";
                };
                List<String> files = new ArrayList<>();
                for (int k = 0; k < inputs.size(); k++) {
                    String name = p.id() + "-" + p.dtype().id() + "-in" + k + ".npy";
                    Values v = inputs.get(k);
                    NpyWriter.write(dir.resolve(name), descr, new int[] {v.length()}, v.array());
                    files.add(name);
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("case", p.id());
                entry.put("dtype", p.dtype().id());
                entry.put("op", p.op().id());
                entry.put("inputs", p.inputExpressions());
                entry.put("length", inputs.get(0).length());
                entry.put("outputLength", Recordings.outputLength(p));
                entry.put("files", files);
                if (p.dtype() == io.github.opcompare.worker.dtype.DType.BFLOAT16) {
                    entry.put("storedAs", "float32");
                }
                entries.add(entry);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schema", "opcompare-inputs/1");
            manifest.put("cases", entries);
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest);
            AtomicFiles.writeString(dir.resolve("manifest.json"), json + "\n");
        } catch (IOException e) {
            throw new MojoExecutionException("opcompare could not write inputs under " + dir + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
        }
        getLog().info("opcompare: inputs of " + planned.size() + " case" + (planned.size() == 1 ? "" : "s") + " in " + dir);
    }
}
