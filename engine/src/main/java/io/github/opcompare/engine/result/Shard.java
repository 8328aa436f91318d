package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Which part of a larger run a results file holds, so that merge can put the parts back together
 * exactly and tell when one is missing.
 *
 * @param index the part, from 1
 * @param count how many parts the run was split into
 * @param by what was split: {@code case} (the planned cases, case × dtype, dealt out in turn). A
 *     split of one case's inputs into ranges would be a second kind, with its own fields
 * @param planned labels ({@code id/dtype}) of every case of the whole run, in plan order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shard(int index, int count, String by, List<String> planned) {
    public static final String BY_CASE = "case";

    /** How users write it: {@code 2/4}. */
    public String label() {
        return index + "/" + count;
    }
}
