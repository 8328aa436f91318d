package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.SpecialValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case's special inputs across machines: a row per special input (and output), holding every
 * machine's results under qualified backend ids ({@code jdk@xeon}), so that the case page and the
 * specialMismatches rule see each machine's backends as they see any other. The prescribed result
 * comes from the exact reference and is the same on every machine; a row only one machine ran (a newer
 * opcompare with more special inputs) simply has that machine's results alone.
 */
final class SpecialsMerger {
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private static final class Row {
        final SpecialValue first;
        final Map<String, String> actual = new LinkedHashMap<>();
        final List<String> mismatches = new ArrayList<>();

        Row(SpecialValue first) {
            this.first = first;
        }
    }

    void add(List<SpecialValue> specials, String machine) {
        if (specials == null) {
            return;
        }
        for (SpecialValue s : specials) {
            Row row = rows.computeIfAbsent(s.inputsText() + "#" + s.output(), k -> new Row(s));
            s.actual().forEach((backend, value) -> row.actual.put(QualifiedBackend.qualify(backend, machine), value));
            s.mismatches().forEach(backend -> row.mismatches.add(QualifiedBackend.qualify(backend, machine)));
        }
    }

    /** The merged rows; null when no machine had specials for the case (as for a case without them). */
    List<SpecialValue> build() {
        if (rows.isEmpty()) {
            return null;
        }
        return rows.values().stream().map(r -> r.first.with(r.actual, r.mismatches)).toList();
    }
}
