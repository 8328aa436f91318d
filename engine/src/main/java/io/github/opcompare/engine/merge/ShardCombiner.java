package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Shard;
import io.github.opcompare.engine.result.SweepPart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Puts the shards of one run back together, exactly as the unsharded run would have written it:
 * every case in plan order, each dealt case's results untouched. Every case's inputs come from its
 * own seed and every metric from that case alone, so nothing needs recomputing. An exhaustive sweep
 * cut into ranges is joined by {@link SweepCombiner}.
 */
final class ShardCombiner {
    private ShardCombiner() {
    }

    static Merged combine(List<MergeInput> parts) {
        MergeInput first = parts.get(0);
        Shard reference = shardOf(first);
        Map<Integer, MergeInput> byIndex = new TreeMap<>();
        for (MergeInput part : parts) {
            Shard shard = shardOf(part);
            if (shard.count() != reference.count() || !Objects.equals(shard.by(), reference.by())
                    || !shard.planned().equals(reference.planned())) {
                throw new IllegalArgumentException(part.source() + " (shard " + shard.label() + ") is not a part of the same run as "
                        + first.source() + " (shard " + reference.label() + "): the shard count or the planned cases differ");
            }
            MergeInput twin = byIndex.put(shard.index(), part);
            if (twin != null) {
                throw new IllegalArgumentException("Shard " + shard.label() + " is given twice: " + twin.source() + " and " + part.source());
            }
        }
        List<String> absent = new ArrayList<>();
        for (int i = 1; i <= reference.count(); i++) {
            if (!byIndex.containsKey(i)) {
                absent.add(i + "/" + reference.count());
            }
        }
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException("Shard" + (absent.size() > 1 ? "s " : " ") + String.join(", ", absent)
                    + " of the run in " + first.source() + " " + (absent.size() > 1 ? "are" : "is") + " missing; merge needs every part");
        }
        List<String> notes = new ArrayList<>();
        Map<String, CaseResult> cases = new LinkedHashMap<>();
        Map<String, List<SweepCombiner.Piece>> sweeps = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean complete = true;
        Map<String, BackendInfo> backends = new LinkedHashMap<>();
        Environment environment = byIndex.get(1).results().environment();
        for (MergeInput part : byIndex.values()) {
            Results r = part.results();
            complete &= r.complete();
            missing.addAll(r.missingOrEmpty());
            Map<String, SweepPart> swept = new HashMap<>();
            if (shardOf(part).sweeps() != null) {
                shardOf(part).sweeps().forEach(s -> swept.put(s.label(), s));
            }
            for (CaseResult c : r.cases()) {
                if (swept.containsKey(c.label())) {
                    sweeps.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(new SweepCombiner.Piece(part.source(), c, swept.get(c.label())));
                } else if (cases.put(c.label(), c) != null) {
                    throw new IllegalArgumentException("The case " + c.label() + " is in two shards (the second is " + part.source()
                            + "); merge the parts of one sharded run");
                }
            }
            for (BackendInfo b : r.backends()) {
                // A backend that started on any shard is one the run had: keep its description.
                backends.merge(b.id(), b, (kept, other) -> !kept.available() && other.available() ? other : kept);
            }
            if (!sameMachine(environment, r.environment())) {
                notes.add("shard " + shardOf(part).label() + " ran on " + describe(r.environment()) + ", shard 1/"
                        + reference.count() + " on " + describe(environment) + ": timings of the parts are not comparable");
            }
        }
        List<BackendInfo> runBackends = List.copyOf(backends.values());
        // A sweep that a part did not finish stays missing, as in the interrupted part.
        sweeps.forEach((label, pieces) -> {
            if (!missing.contains(label)) {
                cases.put(label, SweepCombiner.combine(label, pieces, runBackends));
            }
        });
        List<CaseResult> ordered = new ArrayList<>();
        for (String label : reference.planned()) {
            CaseResult c = cases.remove(label);
            if (c != null) {
                ordered.add(c);
            }
        }
        if (!cases.isEmpty()) {
            throw new IllegalArgumentException("The shards hold cases their plan does not list: " + String.join(", ", cases.keySet()));
        }
        List<String> missingInOrder = reference.planned().stream().filter(missing::contains).toList();
        Results one = byIndex.get(1).results();
        return new Merged(new Results(one.schema(), one.opcompareVersion(), complete, environment,
                List.copyOf(backends.values()), ordered, missingInOrder), notes);
    }

    private static Shard shardOf(MergeInput input) {
        Shard shard = input.results().shard();
        if (shard == null) {
            throw new IllegalArgumentException(input.source() + " is a whole run, not a shard; it cannot be combined with shards of a run");
        }
        return shard;
    }

    private static boolean sameMachine(Environment a, Environment b) {
        return a == null || b == null || (Objects.equals(a.cpuModel(), b.cpuModel()) && a.cores() == b.cores());
    }

    static String describe(Environment e) {
        return e == null ? "an unknown machine" : (e.cpuModel() == null ? "?" : e.cpuModel()) + " (" + e.cores() + " cores)";
    }
}
