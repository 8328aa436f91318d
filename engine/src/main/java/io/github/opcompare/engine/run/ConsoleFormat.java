package io.github.opcompare.engine.run;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Reproducibility;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The console side of a run, Maven style: one concise progress line per case, and a summary table
 * (case × backend: max ulp error, share correctly rounded, reproducibility, speed) at the end.
 */
public final class ConsoleFormat {
    private ConsoleFormat() {
    }

    /** {@code [3/14] exp/float32 (20000 values): tensorflow-cpu 1.21 ulp, nd4j-cpu 0.50 ulp (1.9 s)} */
    public static String progressLine(int index, int total, CaseResult result, Duration elapsed) {
        return progressLine(index, total, result, elapsed, false);
    }

    /** The progress line, ending {@code (0.4 s, reference cached)} when the reference was read from the cache. */
    public static String progressLine(int index, int total, CaseResult result, Duration elapsed, boolean referenceCached) {
        String width = String.valueOf(total).length() + "";
        String per = result.results().stream()
                .map(r -> r.backend() + " " + shortOutcome(r))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "[%" + width + "d/%d] %s (%d value%s): %s (%.1f s%s)", index, total,
                result.label(), result.size(), result.size() == 1 ? "" : "s", per,
                elapsed.toMillis() / 1000.0, referenceCached ? ", reference cached" : "");
    }

    /** {@code exp/float32 exhaustive: 30% (1288490189 of 4294967296 inputs, 12.3 M/s), 104.7 s} */
    public static String sweepProgressLine(PlannedCase planned, long done, long total, Duration elapsed) {
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        return String.format(Locale.ROOT, "      %s %s: %d%% (%d of %d inputs, %.1f M/s), %.1f s", planned.label(),
                planned.inputExpressions().get(0), done * 100 / total, done, total, done / seconds / 1e6, seconds);
    }

    private static String shortOutcome(BackendResult r) {
        if (!Status.OK.id().equals(r.status())) {
            return r.status();
        }
        return maxUlp(r.accuracy()) + " ulp";
    }

    /** The summary table, one line per case and backend, ready to log line by line. */
    public static List<String> summaryTable(Results results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"case", "backend", "max ulp", "correctly rounded", "reproducible", "median time (size)",
            "95% CI", "per element"});
        for (CaseResult c : results.cases()) {
            for (BackendResult r : c.results()) {
                String label = c.label();
                if (!Status.OK.id().equals(r.status())) {
                    rows.add(new String[] {label, r.backend(), r.status(), "", "", "", "", ""});
                    continue;
                }
                Accuracy a = r.accuracy();
                SizeTiming largest = r.largestTiming();
                rows.add(new String[] {label, r.backend(), maxUlp(a),
                        a == null ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * a.correctlyRounded()),
                        reproducible(r.reproducibility()),
                        largest == null ? "" : duration(largest.medianNanos()) + " (" + largest.size() + ")",
                        largest == null ? "" : relativeInterval(largest),
                        r.fit() == null ? "" : duration(r.fit().nanosPerElement())});
            }
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // Text columns left-aligned, numbers right-aligned.
                String cell = i < 2 ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
                line.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            lines.add(line.toString().stripTrailing());
            if (r == 0) {
                lines.add("-".repeat(line.toString().stripTrailing().length()));
            }
        }
        return lines;
    }

    /**
     * The 95% interval of the median as ± its half-width relative to the median: how far the figure
     * beside it can be trusted, the measure the early stop of sampling aims at (±1%).
     */
    static String relativeInterval(SizeTiming t) {
        if (!(t.medianNanos() > 0)) {
            return "";
        }
        double half = (t.ciHighNanos() - t.ciLowNanos()) / 2 / t.medianNanos();
        return String.format(Locale.ROOT, half < 0.1 ? "±%.1f%%" : "±%.0f%%", 100 * half);
    }

    private static String reproducible(Reproducibility r) {
        if (r == null) {
            return "";
        }
        return r.reproducible() ? "yes" : r.distinctResults() + " results";
    }

    private static String maxUlp(Accuracy a) {
        if (a == null) {
            return "";
        }
        if (!a.ulpErrorDefined()) {
            return "NaN mismatch";
        }
        return String.format(Locale.ROOT, a.maxUlp() < 1000 ? "%.2f" : "%.3g", a.maxUlp());
    }

    /**
     * One line per failed case × backend ({@code "mul/float32 on nd4j-cpu: worker crashed with signal 11 (SIGSEGV) ..."}),
     * with the first line of its message; empty when nothing failed.
     */
    public static List<String> failureLines(Results results) {
        List<String> lines = new ArrayList<>();
        for (CaseResult c : results.cases()) {
            for (var r : c.results()) {
                if (Status.FAILED.id().equals(r.status())) {
                    String message = r.message() == null ? "no message" : r.message().lines().findFirst().orElse("");
                    lines.add(c.label() + " on " + r.backend() + ": " + message);
                }
            }
        }
        return lines;
    }

    /** Nanoseconds in the unit that keeps three significant digits readable: 0.42 ns, 850 ns, 55.2 µs, 3.10 ms. */
    public static String duration(double nanos) {
        if (nanos < 10) {
            return String.format(Locale.ROOT, "%.2f ns", nanos);
        }
        if (nanos < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
