package io.github.opcompare.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The overview as CSV, one row per case and backend (long form: what a spreadsheet's pivot table
 * or pandas wants). Numbers are plain, unformatted and unrounded; an undefined one is an empty field.
 */
final class OverviewCsv {
    private OverviewCsv() {
    }

    /** One row; the order of the fields is the order of the columns. */
    @JsonPropertyOrder({"case", "dtype", "op", "size", "inputs", "backend", "status", "maxUlp", "meanUlp",
        "correctlyRounded", "notCorrectlyRounded", "maxSteps", "undefinedUlp", "reproducible", "timedSize",
        "medianNanos", "overheadNanos", "nanosPerElement", "message"})
    record Row(@JsonProperty("case") String caseId, String dtype, String op, long size, String inputs, String backend, String status,
            Double maxUlp, Double meanUlp, Double correctlyRounded, Long notCorrectlyRounded, Long maxSteps,
            Long undefinedUlp, Boolean reproducible, Long timedSize, Double medianNanos, Double overheadNanos,
            Double nanosPerElement, String message) {
    }

    static String write(Results results) {
        List<Row> rows = new ArrayList<>();
        for (CaseResult c : list(results.cases())) {
            for (BackendResult r : list(c.results())) {
                Accuracy a = r.accuracy();
                SizeTiming t = r.largestTiming();
                rows.add(new Row(c.id(), c.dtype(), c.op(), c.size(), String.join("; ", list(c.inputs())), r.backend(),
                        r.status(), a == null ? null : a.maxUlp(), a == null ? null : a.meanUlp(),
                        a == null ? null : a.correctlyRounded(), a == null ? null : a.notCorrectlyRounded(),
                        a == null ? null : a.maxSteps(), a == null ? null : a.undefinedUlp(),
                        r.reproducibility() == null ? null : r.reproducibility().reproducible(),
                        t == null ? null : t.size(), t == null ? null : t.medianNanos(),
                        r.fit() == null ? null : r.fit().overheadNanos(), r.fit() == null ? null : r.fit().nanosPerElement(),
                        r.message()));
            }
        }
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = mapper.schemaFor(Row.class).withHeader();
        try {
            return mapper.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
