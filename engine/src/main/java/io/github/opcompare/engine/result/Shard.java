package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Which part of a larger run a results file holds, so that merge can put the parts back together
 * exactly and tell when one is missing.
 *
 * @param index the part, from 1
 * @param count how many parts the run was split into
 * @param by what was split: {@code case} (the planned cases, case × dtype, dealt out in turn), or
 *     {@code case+range} when the plan holds exhaustive sweeps: the other cases dealt out in turn, and
 *     every sweep cut into ranges of its inputs, one per part
 * @param planned labels ({@code id/dtype}) of every case of the whole run, in plan order
 * @param sweeps the ranges of the sweeps this part swept, with what merge needs to join them; null
 *     when the plan holds no sweep
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shard(int index, int count, String by, List<String> planned, List<SweepPart> sweeps) {
    public static final String BY_CASE = "case";
    public static final String BY_CASE_AND_RANGE = "case+range";

    /** A part of a run without sweeps. */
    public Shard(int index, int count, String by, List<String> planned) {
        this(index, count, by, planned, null);
    }

    /** How users write it: {@code 2/4}. */
    public String label() {
        return index + "/" + count;
    }
}
