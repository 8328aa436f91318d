package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.BinadeError;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.DeviceComparison;
import io.github.opcompare.engine.result.Status;
import io.github.opcompare.engine.result.SweepPart;
import io.github.opcompare.engine.result.UlpBin;
import io.github.opcompare.engine.result.WorstCase;
import io.github.opcompare.engine.result.DeviceComparisons;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Joins the ranges of one exhaustive sweep, swept by the parts of a sharded run, into the result the
 * unsharded sweep writes. Counts add up, maxima take the largest, the worst lists are cut again from
 * their union (each part's list holds every input of its range that can be among the worst of all),
 * and means and shares are computed from the parts' exact sums and counts ({@link SweepPart}), in the
 * same arithmetic as the sweep itself, so that they come out equal to the last bit.
 */
final class SweepCombiner {
    /** Ordered as the sweep's worst list: undefined errors first, then the largest error, then the earliest input. */
    private static final Comparator<WorstCase> WORST_FIRST = Comparator
            .comparingDouble((WorstCase w) -> w.ulp() == null ? Double.POSITIVE_INFINITY : w.ulp()).reversed()
            .thenComparingLong(WorstCase::index);

    private SweepCombiner() {
    }

    /** One part's share of the sweep: its case result and what it swept. */
    record Piece(String source, CaseResult result, SweepPart part) {
    }

    /**
     * @param pieces the parts that hold the sweep, in shard order
     * @param backends the merged run's backends, for the CPU-against-GPU comparisons
     */
    static CaseResult combine(String label, List<Piece> pieces, List<BackendInfo> backends) {
        List<Piece> ordered = new ArrayList<>(pieces);
        ordered.sort(Comparator.comparingLong(p -> p.part().from()));
        checkTiling(label, ordered);
        CaseResult first = ordered.get(0).result();
        List<BackendResult> results = new ArrayList<>();
        for (BackendResult template : first.results()) {
            results.add(backend(template.backend(), ordered));
        }
        List<Agreement> agreement = agreement(ordered, results);
        List<DeviceComparison> devices = DeviceComparisons.of(backends, results, agreement);
        return new CaseResult(first.id(), first.op(), first.dtype(), first.inputs(), ordered.get(0).part().total(), first.seed(),
                results, agreement, null, null, devices.isEmpty() ? null : devices);
    }

    /** The parts' ranges must cover the sweep once, end to end: otherwise some inputs were swept twice or never. */
    private static void checkTiling(String label, List<Piece> ordered) {
        long total = ordered.get(0).part().total();
        long next = 0;
        for (Piece p : ordered) {
            SweepPart s = p.part();
            if (s.total() != total) {
                throw new IllegalArgumentException("The sweep " + label + " has " + total + " inputs in one part and " + s.total()
                        + " in " + p.source() + ": the parts are not of one run");
            }
            if (s.from() != next) {
                throw new IllegalArgumentException("The sweep " + label + (s.from() > next
                        ? " misses inputs " + next + " to " + (s.from() - 1) + ": no part swept them"
                        : " has inputs " + s.from() + " to " + (next - 1) + " in two parts (one is " + p.source() + ")")
                        + "; merge the parts of one sharded run");
            }
            next = s.to();
        }
        if (next != total) {
            throw new IllegalArgumentException("The sweep " + label + " misses inputs " + next + " to " + (total - 1)
                    + ": no part swept them; merge every part of the run");
        }
    }

    /** One backend over the whole sweep: failed if it failed on any part (on the first, as the unsharded sweep stops there). */
    private static BackendResult backend(String id, List<Piece> ordered) {
        List<BackendResult> parts = new ArrayList<>();
        for (Piece p : ordered) {
            BackendResult r = p.result().results().stream().filter(b -> b.backend().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(p.source() + " has no result of backend " + id + " for the sweep "
                            + p.result().label() + "; the parts were run on different backends"));
            if (!Status.OK.id().equals(r.status()) || r.accuracy() == null) {
                return r;
            }
            parts.add(r);
        }
        List<Accuracy> accuracies = parts.stream().map(BackendResult::accuracy).toList();
        List<SweepPart.BackendSums> sums = new ArrayList<>();
        for (Piece p : ordered) {
            sums.add(p.part().backends().stream().filter(b -> b.backend().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(p.source() + " has no sums of backend " + id + " for the sweep "
                            + p.result().label())));
        }
        BackendResult template = parts.get(0);
        return new BackendResult(id, template.status(), template.message(), accuracy(accuracies, sums, ordered.get(0).part().worstKept()),
                template.reproducibility(), template.firstCallNanos(), template.timing(), template.fit(), template.threads(),
                template.timingNotes());
    }

    private static Accuracy accuracy(List<Accuracy> parts, List<SweepPart.BackendSums> sums, int worstKept) {
        long notCorrectlyRounded = 0;
        long undefined = 0;
        long count = 0;
        double maxUlp = 0;
        long maxSteps = 0;
        BigDecimal sum = BigDecimal.ZERO;
        List<WorstCase> worst = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Accuracy a = parts.get(k);
            notCorrectlyRounded += a.notCorrectlyRounded();
            undefined += a.undefinedUlp();
            count += a.undefinedUlp() + a.histogram().stream().mapToLong(UlpBin::count).sum();
            if (a.maxUlp() != null) {
                maxUlp = Math.max(maxUlp, a.maxUlp());
            }
            if (a.maxSteps() != null) {
                maxSteps = Math.max(maxSteps, a.maxSteps());
            }
            sum = sum.add(new BigDecimal(sums.get(k).sumUlp()));
            worst.addAll(a.worst());
        }
        long defined = count - undefined;
        worst.sort(WORST_FIRST);
        boolean anyUndefined = undefined > 0;
        return new Accuracy(
                anyUndefined ? null : maxUlp,
                defined == 0 ? null : sum.doubleValue() / defined,
                count == 0 ? 1.0 : (double) (count - notCorrectlyRounded) / count,
                notCorrectlyRounded,
                anyUndefined ? null : maxSteps,
                undefined,
                List.copyOf(worst.subList(0, Math.min(worstKept, worst.size()))),
                histogram(parts),
                binades(parts, sums));
    }

    /** Bins are fixed, so the k-th bin of every part is the same bin; the list ends at the highest that holds a result. */
    private static List<UlpBin> histogram(List<Accuracy> parts) {
        List<UlpBin> bins = new ArrayList<>();
        for (Accuracy a : parts) {
            for (int b = 0; b < a.histogram().size(); b++) {
                UlpBin bin = a.histogram().get(b);
                if (b < bins.size()) {
                    bins.set(b, new UlpBin(bin.lo(), bin.hi(), bins.get(b).count() + bin.count()));
                } else {
                    bins.add(bin);
                }
            }
        }
        return bins;
    }

    private static List<BinadeError> binades(List<Accuracy> parts, List<SweepPart.BackendSums> sums) {
        // Smallest exponent first, the inputs in no binade (a null exponent) last, as the sweep lists them.
        Map<Integer, BinadeError> merged = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<Integer, BigDecimal> exact = new HashMap<>();
        for (int k = 0; k < parts.size(); k++) {
            Map<Integer, String> partSums = new HashMap<>();
            sums.get(k).binades().forEach(s -> partSums.put(s.exponent(), s.sumUlp()));
            for (BinadeError e : parts.get(k).binades()) {
                String s = partSums.get(e.exponent());
                if (s == null) {
                    throw new IllegalArgumentException("A part of a sweep has no exact sum for binade " + e.exponent());
                }
                exact.merge(e.exponent(), new BigDecimal(s), BigDecimal::add);
                merged.merge(e.exponent(), e, (x, y) -> new BinadeError(x.exponent(), x.count() + y.count(),
                        x.maxUlp() == null ? y.maxUlp() : y.maxUlp() == null ? x.maxUlp() : Double.valueOf(Math.max(x.maxUlp(), y.maxUlp())),
                        null, x.undefined() + y.undefined()));
            }
        }
        List<BinadeError> out = new ArrayList<>();
        for (BinadeError e : merged.values()) {
            long defined = e.count() - e.undefined();
            out.add(new BinadeError(e.exponent(), e.count(), defined == 0 ? null : e.maxUlp(),
                    defined == 0 ? null : exact.get(e.exponent()).doubleValue() / defined, e.undefined()));
        }
        return out;
    }

    /** The pairs whose backends swept every part, in the order of the first part's list. */
    private static List<Agreement> agreement(List<Piece> ordered, List<BackendResult> results) {
        Map<String, Boolean> ok = new LinkedHashMap<>();
        results.forEach(r -> ok.put(r.backend(), Status.OK.id().equals(r.status())));
        List<Agreement> out = new ArrayList<>();
        for (SweepPart.PairCounts pair : ordered.get(0).part().agreement()) {
            if (!ok.getOrDefault(pair.a(), false) || !ok.getOrDefault(pair.b(), false)) {
                continue;
            }
            long count = 0;
            long identical = 0;
            long maxSteps = 0;
            boolean undefined = false;
            for (Piece p : ordered) {
                SweepPart.PairCounts c = p.part().agreement().stream()
                        .filter(q -> q.a().equals(pair.a()) && q.b().equals(pair.b())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(p.source() + " has no agreement of " + pair.a() + " and " + pair.b()));
                Agreement a = p.result().agreement().stream()
                        .filter(q -> Objects.equals(q.a(), pair.a()) && Objects.equals(q.b(), pair.b())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(p.source() + " has no agreement of " + pair.a() + " and " + pair.b()));
                count += c.count();
                identical += c.identical();
                if (a.maxSteps() == null) {
                    undefined = true;
                } else {
                    maxSteps = Math.max(maxSteps, a.maxSteps());
                }
            }
            out.add(new Agreement(pair.a(), pair.b(), count == 0 ? 1.0 : (double) identical / count, undefined ? null : maxSteps));
        }
        return out;
    }
}
