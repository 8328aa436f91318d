package io.github.opcompare.plugin;

import io.github.opcompare.engine.io.ParameterPaths;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.merge.MergeInput;
import io.github.opcompare.engine.merge.MergeSources;
import io.github.opcompare.engine.merge.Merged;
import io.github.opcompare.engine.merge.ResultsMerger;
import io.github.opcompare.engine.result.Results;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges results.json files into one: the shards of a run ({@code -Dopcompare.shard=i/n}) back into
 * the whole run, and the runs of several machines (a CI matrix) side by side, each keeping its
 * environment. The report and check goals then read the merged file.
 */
@Mojo(name = "merge", requiresProject = false, threadSafe = true)
public class MergeMojo extends AbstractMojo {

    /**
     * The files to merge, comma-separated, each {@code path} or {@code name=path} (the machine's name;
     * default the folder the file lies in). Shards of one machine share a name, or have none.
     */
    @Parameter(property = "opcompare.mergeFiles", required = true)
    private List<String> mergeFiles;

    /** Where the merged results go; by default where the report reads. */
    @Parameter(property = "opcompare.mergeOutput", defaultValue = "${project.build.directory}/opcompare/results.json")
    private File mergeOutput;

    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<MergeInput> inputs;
        Merged merged;
        try {
            ParameterPaths.outputFile("mergeOutput", mergeOutput.toPath());
            inputs = MergeSources.read(mergeFiles, basedir.toPath());
            merged = ResultsMerger.merge(inputs);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare merge: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("opcompare merge: " + e.getMessage(), e);
        }
        try {
            ResultsJson.write(merged.results(), mergeOutput.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("opcompare could not write " + mergeOutput + ": " + e.getMessage(), e);
        }
        merged.notes().forEach(n -> getLog().warn("opcompare: " + n));
        Results r = merged.results();
        String machines = r.machines() == null ? "one machine" : r.machines().size() + " machines "
                + r.machines().stream().map(m -> m.name()).toList();
        getLog().info("opcompare: merged " + inputs.size() + " file" + (inputs.size() == 1 ? "" : "s") + " (" + machines + ", "
                + r.cases().size() + " case" + (r.cases().size() == 1 ? "" : "s") + ") into " + mergeOutput);
    }
}
