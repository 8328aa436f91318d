package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.result.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The i-th of n parts of a run ({@code -Dopcompare.shard=2/4}). Parts are made of whole planned
 * cases (case × dtype), dealt out in turn: planned case k (from 0) goes to part k mod n + 1. Dealing
 * rather than cutting into blocks spreads the expensive cases (float64, large reductions, which the
 * plan keeps together) over the parts. The plan is deterministic, so every machine of a CI matrix
 * computes the same parts without talking to the others.
 *
 * <p>Only {@link Shard#BY_CASE} exists. A split of one case's inputs into ranges (for exhaustive
 * sweeps) would be another {@code by} with its own syntax ({@code 2/4:range}), parsed here.
 */
public record ShardSpec(int index, int count) {
    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public ShardSpec {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("Invalid shard " + index + "/" + count + "; write i/n with 1 <= i <= n, e.g. 1/4");
        }
    }

    /** Parses {@code i/n}; null or blank means no sharding (null). */
    public static ShardSpec parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid shard '" + text + "'; write i/n with 1 <= i <= n, e.g. 1/4");
        }
        return new ShardSpec(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** This part's cases, in plan order. */
    public List<PlannedCase> select(List<PlannedCase> plan) {
        List<PlannedCase> mine = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            if (k % count == index - 1) {
                mine.add(plan.get(k));
            }
        }
        return mine;
    }

    /** What the results file records, with the whole plan so that merge can check and order the parts. */
    public Shard describe(List<PlannedCase> plan) {
        return new Shard(index, count, Shard.BY_CASE, plan.stream().map(PlannedCase::label).toList());
    }

    public String label() {
        return index + "/" + count;
    }
}
