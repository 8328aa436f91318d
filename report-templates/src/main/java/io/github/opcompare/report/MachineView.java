package io.github.opcompare.report;

import io.github.opcompare.engine.merge.MachineMatrix;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.result.Grade;
import io.github.opcompare.engine.result.Machine;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.report.CasePage.MachineCell;
import io.github.opcompare.report.CasePage.MachineLine;
import io.github.opcompare.report.OverviewPage.MachineRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A merged results file (many machines in one) as the report shows it: each machine's environment
 * on the environment page, and on each case page the same backend across machines side by side.
 * A file of one machine has no machines, and these views are then empty.
 */
final class MachineView {
    private final Results results;

    MachineView(Results results) {
        this.results = results;
    }

    /** The names of the machines, the columns of every across-machines table. */
    List<String> names() {
        return list(results.machines()).stream().map(Machine::name).toList();
    }

    /** One row per machine for the environment page. */
    List<MachineRow> machines() {
        List<MachineRow> rows = new ArrayList<>();
        for (Machine m : list(results.machines())) {
            Environment e = m.environment();
            if (e == null) {
                rows.add(new MachineRow(m.name(), "", "", "", "", "", "", String.join(", ", list(m.backends()))));
                continue;
            }
            List<String> gpus = new ArrayList<>();
            for (Environment.Gpu g : list(e.gpus())) {
                gpus.add(g.name() + (g.memoryBytes() == null ? "" : " (" + Formats.bytes(g.memoryBytes()) + ")"));
            }
            rows.add(new MachineRow(m.name(), text(e.cpuModel()), e.cores() > 0 ? String.valueOf(e.cores()) : "",
                    e.memoryBytes() > 0 ? Formats.bytes(e.memoryBytes()) : "", gpus.isEmpty() ? "none" : String.join(", ", gpus),
                    text(e.java()) + (e.javaVendor() == null ? "" : " (" + e.javaVendor() + ")"),
                    (text(e.os()) + " " + text(e.osVersion())).trim() + (e.arch() == null ? "" : ", " + e.arch()),
                    String.join(", ", list(m.backends()))));
        }
        return rows;
    }

    /** The case's backends across machines: one line per backend, one cell per machine of {@link #names()}. */
    List<MachineLine> across(CaseResult c) {
        if (list(results.machines()).isEmpty()) {
            return List.of();
        }
        // The matrix of a file holding only this case: a case id may occur twice in a merge, so a label would not do.
        Results one = new Results(results.schema(), results.opcompareVersion(), results.complete(), results.environment(),
                results.backends(), List.of(c), null, null, results.machines());
        List<MachineLine> lines = new ArrayList<>();
        for (MachineMatrix.Row row : MachineMatrix.of(one)) {
            List<MachineCell> cells = new ArrayList<>();
            for (String machine : names()) {
                cells.add(cell(row.cells().get(machine)));
            }
            lines.add(new MachineLine(row.backend(), cells));
        }
        return lines;
    }

    private static MachineCell cell(BackendResult r) {
        if (r == null) {
            return new MachineCell(Grade.NONE, "not run", null, null, null);
        }
        String time = time(r.largestTiming());
        if (!Status.OK.id().equals(r.status())) {
            return new MachineCell(r.grade(), r.status(), null, null, time);
        }
        Accuracy a = r.accuracy();
        if (a == null) {
            return new MachineCell(r.grade(), null, null, null, time);
        }
        return new MachineCell(r.grade(), null, a.ulpErrorDefined() ? Formats.ulp(a.maxUlp()) : "undefined",
                Formats.percent(a.correctlyRounded()), time);
    }

    /** The median at the largest size timed, with the size: machines may have timed different sizes. */
    private static String time(SizeTiming t) {
        return t == null ? null : Formats.duration(t.medianNanos()) + " @ " + Formats.size(t.size());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
