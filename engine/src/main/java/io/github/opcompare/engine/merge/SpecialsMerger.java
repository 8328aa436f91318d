package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.SpecialValue;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.SpecialsOutcome;
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
 *
 * <p>Each backend's outcome is kept under its qualified id, a failure included. The reference has one
 * outcome for the merged case: failed when it failed on any machine (naming the machines), since the
 * merged rows then lack that machine's judgement of some special input.
 */
final class SpecialsMerger {
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, SpecialsOutcome> backends = new LinkedHashMap<>();
    private final List<String> referenceFailures = new ArrayList<>();
    private boolean outcomesKnown;
    private boolean any;

    private static final class Row {
        final SpecialValue first;
        final Map<String, String> actual = new LinkedHashMap<>();
        final List<String> mismatches = new ArrayList<>();

        Row(SpecialValue first) {
            this.first = first;
        }
    }

    void add(Specials specials, String machine) {
        if (specials == null) {
            return;
        }
        any = true;
        for (SpecialValue s : specials.rows()) {
            Row row = rows.computeIfAbsent(s.inputsText() + "#" + s.output(), k -> new Row(s));
            s.actual().forEach((backend, value) -> row.actual.put(QualifiedBackend.qualify(backend, machine), value));
            s.mismatches().forEach(backend -> row.mismatches.add(QualifiedBackend.qualify(backend, machine)));
        }
        if (specials.reference() != null) {
            outcomesKnown = true;
            if (specials.referenceFailed()) {
                referenceFailures.add("on " + machine + ": " + specials.reference().message());
            }
        }
        if (specials.backends() != null) {
            outcomesKnown = true;
            specials.backends().forEach((backend, outcome) -> backends.put(QualifiedBackend.qualify(backend, machine), outcome));
        }
    }

    /** The merged specials; null when no machine had specials for the case (as for a case without them). */
    Specials build() {
        if (!any) {
            return null;
        }
        List<SpecialValue> merged = rows.values().stream().map(r -> r.first.with(r.actual, r.mismatches)).toList();
        if (!outcomesKnown) {
            // Every machine wrote its file before the outcomes were recorded: the merge knows no more than they did.
            return new Specials(null, null, merged);
        }
        SpecialsOutcome reference = referenceFailures.isEmpty() ? SpecialsOutcome.ok()
                : SpecialsOutcome.failed(String.join("; ", referenceFailures));
        return new Specials(reference, backends, merged);
    }
}
