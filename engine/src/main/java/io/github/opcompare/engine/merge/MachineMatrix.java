package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Machine;
import io.github.opcompare.engine.result.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same case and backend across machines, side by side: what a report shows for a merged file.
 * One row per case × backend (the unqualified id), one cell per machine, in the machines' order;
 * a machine that did not run that backend on that case has no cell (null).
 */
public final class MachineMatrix {
    private MachineMatrix() {
    }

    /**
     * @param cells the machine's result for this case and backend, by machine name, in the order of
     *     {@code Results.machines()}; the value is null where that machine has none
     */
    public record Row(String caseLabel, String op, String dtype, String backend, Map<String, BackendResult> cells) {
    }

    /** The rows of a merged file; empty for a file of one machine. */
    public static List<Row> of(Results results) {
        if (results.machines() == null) {
            return List.of();
        }
        List<String> machineNames = results.machines().stream().map(Machine::name).toList();
        List<Row> rows = new ArrayList<>();
        for (CaseResult c : results.cases()) {
            Map<String, Map<String, BackendResult>> byBackend = new LinkedHashMap<>();
            for (BackendResult r : c.results()) {
                QualifiedBackend q = QualifiedBackend.parse(r.backend());
                Map<String, BackendResult> cells = byBackend.computeIfAbsent(q.backend(), k -> emptyCells(machineNames));
                cells.put(q.machine(), r);
            }
            byBackend.forEach((backend, cells) -> rows.add(new Row(c.label(), c.op(), c.dtype(), backend, cells)));
        }
        return rows;
    }

    private static Map<String, BackendResult> emptyCells(List<String> machines) {
        Map<String, BackendResult> cells = new LinkedHashMap<>();
        machines.forEach(m -> cells.put(m, null));
        return cells;
    }
}
