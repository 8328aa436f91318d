package io.github.opcompare.plugin;

import io.github.opcompare.engine.io.ParameterPaths;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.recording.InputExport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes every case's inputs as {@code .npy} files and a {@code manifest.json} (see the engine's
 * {@code InputExport}), so outputs can be computed with any Python stack and brought back as
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
        try {
            InputExport.write(planned, dir, getLog()::info);
        } catch (IOException e) {
            throw new MojoExecutionException("opcompare could not write inputs under " + dir + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
        }
        getLog().info("opcompare: inputs of " + planned.size() + " case" + (planned.size() == 1 ? "" : "s") + " in " + dir);
    }
}
