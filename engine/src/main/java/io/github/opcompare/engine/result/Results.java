package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The whole of {@code target/opcompare/results.json}, schema {@value #SCHEMA}. Float values are
 * strings in Java's round-trip form; metrics are numbers, or null where undefined.
 *
 * @param complete false while a run is still writing, or when it was interrupted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Results(
        String schema,
        String opcompareVersion,
        boolean complete,
        Environment environment,
        List<BackendInfo> backends,
        List<CaseResult> cases) {

    public static final String SCHEMA = "opcompare/1";
}
