package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.result.Shard;
import io.github.opcompare.engine.result.SweepPart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The i-th of n parts of a run ({@code -Dopcompare.shard=2/4}). Planned cases (case × dtype) are
 * dealt out in turn: planned case k (from 0) goes to part k mod n + 1. Dealing rather than cutting
 * into blocks spreads the expensive cases (float64, large reductions, which the plan keeps together)
 * over the parts. An exhaustive sweep (2^32 float32 inputs) is more work than all other cases
 * together, so it is not dealt but cut: every part sweeps one of n contiguous ranges of its inputs,
 * made of whole chunks (the sweep's unit of work), the first {@code chunks·(i-1)/n} to {@code
 * chunks·i/n} rounded down. The plan is deterministic, so every machine of a CI matrix computes the
 * same parts without talking to the others.
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

    /** A range of a sweep's inputs, counted from its first value: {@code from} to {@code to}, the latter excluded. */
    public record Range(long from, long to) {
        public long size() {
            return to - from;
        }
    }

    /**
     * This part's cases, in plan order: its share of the dealt cases, and every sweep of which its
     * range is not empty.
     *
     * @param chunk inputs per chunk of a sweep
     */
    public List<PlannedCase> select(List<PlannedCase> plan, int chunk) {
        List<PlannedCase> mine = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            PlannedCase c = plan.get(k);
            boolean take = c.sweep().isPresent()
                    ? range(c.sweep().get().count(c.dtype()), chunk).size() > 0
                    : k % count == index - 1;
            if (take) {
                mine.add(c);
            }
        }
        return mine;
    }

    /**
     * This part's range of a sweep of {@code total} inputs: whole chunks, so that every chunk is judged
     * as the unsharded sweep judges it. Empty when the sweep has fewer chunks than there are parts.
     */
    public Range range(long total, int chunk) {
        long chunks = (total + chunk - 1) / chunk;
        long first = chunks * (index - 1) / count;
        long end = chunks * index / count;
        return new Range(Math.min(total, first * chunk), Math.min(total, end * chunk));
    }

    /**
     * Why this part has nothing to do, in words for the console; null when it has something. A CI
     * matrix with more parts than the plan has work for is a mistake worth telling, not an error:
     * the empty part still writes its results file, so that merge finds every part.
     */
    public String nothingToDo(List<PlannedCase> plan, int chunk) {
        if (!select(plan, chunk).isEmpty()) {
            return null;
        }
        long dealt = plan.stream().filter(c -> c.sweep().isEmpty()).count();
        long sweeps = plan.size() - dealt;
        return "shard " + label() + " has nothing to run: the plan has " + dealt + " case" + (dealt == 1 ? "" : "s")
                + " to deal out" + (sweeps == 0 ? " and no exhaustive sweep"
                        : " and " + sweeps + " exhaustive sweep" + (sweeps == 1 ? "" : "s") + " of too few chunks ("
                                + chunk + " inputs each) for " + count + " parts")
                + "; use fewer shards (this part's results file is empty, and merge accepts it)";
    }

    /** What the results file records, with the whole plan so that merge can check and order the parts. */
    public Shard describe(List<PlannedCase> plan) {
        return describe(plan, List.of());
    }

    /** The same, with what this part swept of the plan's sweeps (see {@link SweepPart}). */
    public Shard describe(List<PlannedCase> plan, List<SweepPart> swept) {
        boolean sweeps = plan.stream().anyMatch(c -> c.sweep().isPresent());
        return new Shard(index, count, sweeps ? Shard.BY_CASE_AND_RANGE : Shard.BY_CASE, plan.stream().map(PlannedCase::label).toList(),
                sweeps ? List.copyOf(swept) : null);
    }

    public String label() {
        return index + "/" + count;
    }
}
