package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.io.ParameterPaths;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.result.Results;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the files to merge as configured: {@code path} or {@code name=path}, comma-separated. A
 * whole run given without a name is named after the folder it lies in, skipping the build's own
 * folders ({@code linux-xeon/target/opcompare/results.json} is {@code linux-xeon}): the folder a
 * CI job downloads a matrix entry's artifact into usually says which machine it was. Unnamed shards
 * are taken to be one machine's run.
 */
public final class MergeSources {
    private static final Set<String> BUILD_FOLDERS = Set.of("opcompare", "target");

    private MergeSources() {
    }

    public static List<MergeInput> read(List<String> entries, Path basedir) throws IOException {
        List<MergeInput> inputs = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (entry == null) {
                continue; // an empty <file/>, e.g. a property left unset
            }
            for (String item : entry.split(",")) {
                if (!item.isBlank()) {
                    inputs.add(readOne(item.trim(), basedir));
                }
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("No results files to merge; list them with -Dopcompare.mergeFiles=a/results.json,b/results.json"
                    + " (or name=path to name each machine)");
        }
        return inputs;
    }

    private static MergeInput readOne(String item, Path basedir) throws IOException {
        int eq = item.indexOf('=');
        String name = eq > 0 ? item.substring(0, eq).trim() : null;
        if (name != null && (name.isEmpty() || name.indexOf(QualifiedBackend.SEPARATOR) >= 0 || QualifiedBackend.startsWithDigit(name))) {
            throw new IllegalArgumentException("Invalid machine name '" + name + "' in '" + item + "'; a name cannot be empty, contain '"
                    + QualifiedBackend.SEPARATOR + "' or begin with a digit (after '@' that marks a library version)");
        }
        Path file = basedir.resolve(eq > 0 ? item.substring(eq + 1).trim() : item).normalize();
        // A misspelt path is the user's mistake, told as such, not an error reading a file.
        ParameterPaths.existingFile("mergeFiles entry", file, "'" + item + "' in -Dopcompare.mergeFiles, taken from " + basedir
                + "; list results.json files, comma-separated, each path or name=path");
        Results results = ResultsJson.read(file);
        if (name == null && results.shard() == null) {
            name = folderName(file);
            if (QualifiedBackend.startsWithDigit(name)) {
                name = "machine-" + name; // after '@', a leading digit would read as a library version
            }
        }
        return new MergeInput(file.toString(), name, results);
    }

    static String folderName(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && dir.getFileName() != null && BUILD_FOLDERS.contains(dir.getFileName().toString())) {
            dir = dir.getParent();
        }
        return dir == null || dir.getFileName() == null ? file.toString() : dir.getFileName().toString();
    }
}
