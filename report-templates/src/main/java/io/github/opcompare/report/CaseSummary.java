package io.github.opcompare.report;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.DeviceComparison;
import io.github.opcompare.engine.result.Grade;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.WorstCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-sentence verdict on a case, and the figures behind the overview's agreement and speed
 * columns: who is furthest from exact and where, who disagrees with whom, who is fastest.
 *
 * @param grade the worst grade of the case's results ({@link CaseResult#grade()})
 * @param sentence the verdict, for people
 * @param minIdentical the lowest share of bit-identical outputs over the pairs of backends; null without pairs
 * @param agreement that share in words, with the pair
 * @param fastest the fastest backend at the largest size all timed backends share, with its time; null untimed
 * @param fastestNanos its median time per call, for sorting
 * @param gpu the CPU-against-GPU comparison in words; null when no library ran on both
 */
record CaseSummary(Grade grade, String sentence, Double minIdentical, String agreement, String fastest, Double fastestNanos,
        String gpu) {

    static CaseSummary of(CaseResult c) {
        List<BackendResult> ok = new ArrayList<>();
        for (BackendResult r : list(c.results())) {
            if (Status.OK.id().equals(r.status()) && r.accuracy() != null) {
                ok.add(r);
            }
        }
        List<String> parts = new ArrayList<>();
        accuracy(c, ok, parts);
        Agreement least = null;
        for (Agreement g : list(c.agreement())) {
            if (least == null || g.identical() < least.identical()) {
                least = g;
            }
        }
        String agreement = null;
        if (least != null) {
            agreement = least.identical() >= 1
                    ? (list(c.agreement()).size() == 1 ? least.a() + " and " + least.b() : "all " + ok.size() + " backends")
                            + " agree bit for bit"
                    : least.a() + " and " + least.b() + " agree on " + Formats.percent(least.identical()) + " of outputs";
            parts.add(agreement);
        }
        String[] speed = speed(c);
        if (speed[0] != null) {
            parts.add(speed[0]);
        }
        String gpu = gpu(c);
        if (gpu != null) {
            parts.add(gpu);
        }
        String sentence = parts.isEmpty() ? "No backend gave a result." : String.join("; ", parts) + ".";
        return new CaseSummary(c.grade(), sentence, least == null ? null : least.identical(), agreement, speed[1],
                speed[2] == null ? null : Double.valueOf(speed[2]), gpu);
    }

    /** The accuracy part of the sentence: all correctly rounded, or the worst backend and how far off it is. */
    private static void accuracy(CaseResult c, List<BackendResult> ok, List<String> parts) {
        if (ok.isEmpty()) {
            return;
        }
        BackendResult worst = null;
        boolean exact = true;
        for (BackendResult r : ok) {
            exact &= r.accuracy().grade() == Grade.EXACT;
            if (worst == null || r.accuracy().maxUlpOrInfinity() > worst.accuracy().maxUlpOrInfinity()) {
                worst = r;
            }
        }
        if (exact) {
            parts.add(ok.size() == 1 ? ok.get(0).backend() + " is correctly rounded everywhere"
                    : "all " + ok.size() + " backends are correctly rounded everywhere");
            return;
        }
        Accuracy a = worst.accuracy();
        if (!a.ulpErrorDefined()) {
            parts.add(worst.backend() + " returns NaN or ∞ where the exact " + c.op() + " is not, or the reverse ("
                    + Formats.count(a.undefinedUlp()) + " output" + (a.undefinedUlp() == 1 ? "" : "s") + ")");
            return;
        }
        String near = near(a);
        parts.add(worst.backend() + "'s " + c.op() + " is off by up to " + Formats.ulp(a.maxUlp())
                + (a.maxUlp() == 1 ? " ulp" : " ulps") + (near == null ? "" : " near " + near));
    }

    /** The first operand of the worst result, short: the place to look. Null for a reduction. */
    private static String near(Accuracy a) {
        List<WorstCase> worst = list(a.worst());
        if (worst.isEmpty() || worst.get(0).inputs() == null || worst.get(0).inputs().isEmpty()) {
            return null;
        }
        String x = worst.get(0).inputs().get(0);
        try {
            double v = Double.parseDouble(x);
            return Double.isFinite(v) && v != 0 ? String.format(Locale.ROOT, "%.3g", v).replaceAll("e([+-])0*(\\d)", "e$1$2").replace("e+", "e") : x;
        } catch (NumberFormatException e) {
            return null; // "1000000 values": a reduction has no place to point at
        }
    }

    /** [sentence part, overview text, median nanos] for the fastest backend, or nulls when nothing was timed. */
    private static String[] speed(CaseResult c) {
        List<BackendResult> timed = new ArrayList<>();
        for (BackendResult r : list(c.results())) {
            if (r.timing() != null && !r.timing().isEmpty()) {
                timed.add(r);
            }
        }
        if (timed.isEmpty()) {
            return new String[3];
        }
        // Compare like with like: the largest size every timed backend reached.
        long size = Long.MAX_VALUE;
        for (BackendResult r : timed) {
            size = Math.min(size, r.largestTiming().size());
        }
        BackendResult fastest = null;
        BackendResult slowest = null;
        double best = Double.POSITIVE_INFINITY;
        double worst = 0;
        for (BackendResult r : timed) {
            SizeTiming t = at(r, size);
            if (t == null) {
                continue;
            }
            if (t.medianNanos() < best) {
                best = t.medianNanos();
                fastest = r;
            }
            if (t.medianNanos() > worst) {
                worst = t.medianNanos();
                slowest = r;
            }
        }
        if (fastest == null) {
            return new String[3];
        }
        String time = Formats.duration(best) + " at " + Formats.count(size);
        String sentence;
        if (slowest == fastest) {
            sentence = fastest.backend() + " takes " + time + " elements";
        } else {
            sentence = fastest.backend() + " is fastest (" + time + " elements, " + ratio(worst / best) + " faster than "
                    + slowest.backend() + ")";
        }
        return new String[] {sentence, fastest.backend() + " · " + Formats.duration(best) + " @ " + Formats.size(size),
            String.valueOf(best)};
    }

    private static String gpu(CaseResult c) {
        List<String> parts = new ArrayList<>();
        for (DeviceComparison d : list(c.devices())) {
            String speed = "";
            List<DeviceComparison.Speedup> s = list(d.speedups());
            if (!s.isEmpty()) {
                DeviceComparison.Speedup last = s.get(s.size() - 1);
                speed = last.speedup() >= 1
                        ? " is " + ratio(last.speedup()) + " faster than " + d.cpu() + " at " + Formats.count(last.size())
                        : " is " + ratio(1 / last.speedup()) + " slower than " + d.cpu() + " at " + Formats.count(last.size());
                speed += " and";
            }
            parts.add(d.gpu() + speed + " gives " + Formats.percent(d.identical()) + " of " + d.cpu() + "'s bits");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    static SizeTiming at(BackendResult r, long size) {
        for (SizeTiming t : list(r.timing())) {
            if (t.size() == size) {
                return t;
            }
        }
        return null;
    }

    static String ratio(double r) {
        return (r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r)) + "×";
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
