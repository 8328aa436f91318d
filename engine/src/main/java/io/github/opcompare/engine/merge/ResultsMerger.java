package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges results files: the shards of each machine's run are put back together first, then the
 * machines are merged side by side. With one machine the output is a plain results file, equal to
 * what the unsharded run writes.
 */
public final class ResultsMerger {
    private ResultsMerger() {
    }

    /**
     * @param inputs the files, each with its machine's name; a null name groups the input with the
     *     other unnamed shards (one machine's sharded run), and is an error for a whole run when
     *     there are several machines
     */
    public static Merged merge(List<MergeInput> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Nothing to merge: no results files given");
        }
        Map<String, List<MergeInput>> groups = new LinkedHashMap<>();
        for (MergeInput input : inputs) {
            if (input.results().machines() != null) {
                throw new IllegalArgumentException(input.source() + " is already a merge of machines "
                        + input.results().machines().stream().map(m -> m.name()).toList() + "; merge the original results files instead");
            }
            String key = input.machine() != null ? input.machine() : input.results().shard() != null ? "" : null;
            if (key == null) {
                throw new IllegalArgumentException(input.source() + " has no machine name; name it (name=path)");
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(input);
        }
        List<String> notes = new ArrayList<>();
        Map<String, Results> machines = new LinkedHashMap<>();
        for (Map.Entry<String, List<MergeInput>> group : groups.entrySet()) {
            machines.put(group.getKey(), machineRun(group.getKey(), group.getValue(), notes));
        }
        if (machines.size() == 1) {
            return new Merged(machines.values().iterator().next(), notes);
        }
        if (machines.containsKey("")) {
            throw new IllegalArgumentException("Shards without a machine name cannot be merged with other machines' results;"
                    + " name each machine's files (name=path, the same name for the shards of one machine)");
        }
        return new Merged(MachineMerger.merge(machines), notes);
    }

    private static Results machineRun(String machine, List<MergeInput> files, List<String> notes) {
        boolean anyShard = files.stream().anyMatch(f -> f.results().shard() != null);
        if (anyShard) {
            Merged combined = ShardCombiner.combine(files);
            notes.addAll(combined.notes());
            return combined.results();
        }
        if (files.size() > 1) {
            throw new IllegalArgumentException("Machine '" + machine + "' has more than one whole run: "
                    + files.stream().map(MergeInput::source).toList() + "; give each machine its own name");
        }
        return files.get(0).results();
    }
}
