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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Results(
        String schema,
        String opcompareVersion,
        boolean complete,
        Environment environment,
        List<BackendInfo> backends,
        List<CaseResult> cases,
        List<String> missing) {

    public static final String SCHEMA = "opcompare/1";

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
