package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The whole of {@code target/opcompare/results.json}, schema {@value #SCHEMA}. Float values are
 * strings in Java's round-trip form; metrics are numbers, or null where undefined.
 *
 * @param complete false while a run is still writing, or when it was interrupted
 * @param missing labels ({@code id/dtype}) of the planned cases that have no results yet; empty
 *     or absent when complete
 * @param shard which part of a sharded run this file holds; null for a whole run
 * @param machines the machines of a merged file, each with its own environment; null for one machine
 *     ({@code environment} is then the first machine's)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Results(
        String schema,
        String opcompareVersion,
        boolean complete,
        Environment environment,
        List<BackendInfo> backends,
        List<CaseResult> cases,
        List<String> missing,
        Shard shard,
        List<Machine> machines) {

    public static final String SCHEMA = "opcompare/1";

    /** Results of one machine's whole run. */
    public Results(String schema, String opcompareVersion, boolean complete, Environment environment,
            List<BackendInfo> backends, List<CaseResult> cases, List<String> missing) {
        this(schema, opcompareVersion, complete, environment, backends, cases, missing, null, null);
    }

    /** The same results, marked as one part of a sharded run. */
    public Results withShard(Shard part) {
        return new Results(schema, opcompareVersion, complete, environment, backends, cases, missing, part, machines);
    }

    /** Results without a list of missing cases (a complete run, or one written before it existed). */
    public Results(String schema, String opcompareVersion, boolean complete, Environment environment,
            List<BackendInfo> backends, List<CaseResult> cases) {
        this(schema, opcompareVersion, complete, environment, backends, cases, null);
    }

    /** The missing case labels, never null. */
    public List<String> missingOrEmpty() {
        return missing == null ? List.of() : missing;
    }
}
