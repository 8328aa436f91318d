package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.io.ResultsJson;
import io.github.opcompare.engine.merge.MergeInput;
import io.github.opcompare.engine.merge.ResultsMerger;
import io.github.opcompare.engine.merge.ShardSpec;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.result.Shard;
import io.github.opcompare.engine.result.SweepPart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep cut into the ranges of 2 and 3 shards, each range swept by real forked workers, written to
 * results.json and read back, then merged: the merged case must equal the unsharded sweep's in every
 * field, to the last bit of every mean (records compare doubles bit for bit). The sweep is the one of
 * {@link ExhaustiveSweepTest}: sqrt over the 2^19 + 1 float32 of [1, 1.0625], in chunks of 150,000
 * (4 chunks, the last short; each judged in blocks of 65,536 in parallel), one worker correctly
 * rounded, one with an error planted at 1.03125.
 */
class ShardedSweepTest {
    private static final int CHUNK = 150_000;

    @TempDir
    static Path dir;
    static List<BackendSession> sessions;

    @BeforeAll
    static void start() {
        sessions = List.of(
                BackendSession.open(new BackendDescriptor("right", "java-math", "cpu", "unused", Map.of()),
                        FaultyRuns.javaMathWorkers(), dir.resolve("logs"), Duration.ofSeconds(60)),
                BackendSession.open(new BackendDescriptor("wrong", "java-math", "cpu", "unused", Map.of("OPCOMPARE_TEST_WRONG_AT", "1.03125")),
                        FaultyRuns.javaMathWorkers(), dir.resolve("logs"), Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stop() {
        sessions.forEach(BackendSession::close);
    }

    private static ExhaustiveSweep.Outcome sweep(long from, long to) throws Exception {
        return new ExhaustiveSweep(FaultyRuns.settings(dir, Duration.ofSeconds(60)), new ReferenceCalculator(), new RunListener() {
        }, System::nanoTime, CHUNK).run(ExhaustiveSweepTest.SQRT, ExhaustiveSweepTest.DOMAIN, sessions, dir.resolve("case-" + from));
    }

    private static CaseResult caseOf(ExhaustiveSweep.Outcome o, long size) {
        var p = ExhaustiveSweepTest.SQRT;
        return new CaseResult(p.id(), p.op().id(), p.dtype().id(), p.inputExpressions(), size, p.seed(), o.results(), o.agreement(),
                null, null, null);
    }

    private static List<BackendInfo> infos() {
        return sessions.stream().map(BackendSession::info).toList();
    }

    /** Each part's results file as the compare goal writes it, read back from disk as merge reads it. */
    private static List<MergeInput> parts(int n) throws Exception {
        List<MergeInput> parts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ShardSpec spec = ShardSpec.parse(i + "/" + n);
            ShardSpec.Range range = spec.range(ExhaustiveSweepTest.COUNT, CHUNK);
            ExhaustiveSweep.Outcome o = new ExhaustiveSweep(FaultyRuns.settings(dir, Duration.ofSeconds(60)), new ReferenceCalculator(),
                    new RunListener() {
                    }, System::nanoTime, CHUNK).run(ExhaustiveSweepTest.SQRT, ExhaustiveSweepTest.DOMAIN, sessions,
                    dir.resolve("part-" + i), range.from(), range.to());
            Shard shard = new Shard(i, n, Shard.BY_CASE_AND_RANGE, List.of(ExhaustiveSweepTest.SQRT.label()), List.of(o.part()));
            Results r = new Results(Results.SCHEMA, "t", true, FaultyRuns.settings(dir, Duration.ofSeconds(60)).environment(), infos(), List.of(caseOf(o, range.size())), List.of(), shard, null);
            Path file = dir.resolve("part-" + n + "-" + i + ".json");
            ResultsJson.write(r, file);
            assertEquals(Set.of(), FaultyRuns.schemaErrors(file));
            parts.add(new MergeInput(file.toString(), null, ResultsJson.read(file)));
        }
        return parts;
    }

    @Test
    void mergedRangesEqualTheWholeSweepInEveryField() throws Exception {
        CaseResult whole = caseOf(sweep(0, ExhaustiveSweepTest.COUNT), ExhaustiveSweepTest.COUNT);
        for (int n : new int[] {2, 3}) {
            List<MergeInput> parts = parts(n);
            // The parts hold different ranges: their own figures differ from the whole's.
            CaseResult firstPart = parts.get(0).results().cases().get(0);
            assertNotEquals(whole.results().get(0).accuracy().histogram(), firstPart.results().get(0).accuracy().histogram());
            List<MergeInput> reversed = new ArrayList<>(parts);
            Collections.reverse(reversed);
            CaseResult merged = ResultsMerger.merge(reversed).results().cases().get(0);
            assertEquals(whole, merged, n + " shards");
        }
        // And what they equal is right: the planted error at 1.03125, the 2^18-th float after 1.
        Accuracy wrong = whole.results().get(1).accuracy();
        assertEquals(1, wrong.notCorrectlyRounded());
        assertEquals(1L << 18, wrong.worst().get(0).index());
        assertEquals(ExhaustiveSweepTest.COUNT, whole.size());
    }

    @Test
    void aMissingRangeIsNamed() throws Exception {
        List<MergeInput> parts = parts(3);
        SweepPart middle = parts.get(1).results().shard().sweeps().get(0);
        // Part 2 of 3 swept chunk 1 of 4 (4/3 = 1.3, 8/3 = 2.7, rounded down): inputs 150000 to 299999.
        assertEquals(150_000, middle.from());
        assertEquals(300_000, middle.to());
        Results two = parts.get(1).results();
        Shard widened = new Shard(2, 3, two.shard().by(), two.shard().planned(), List.of(new SweepPart(middle.label(), 200_000, middle.to(),
                middle.total(), middle.worstKept(), middle.backends(), middle.agreement())));
        MergeInput holed = new MergeInput("holed", null, two.withShard(widened));
        String message = assertThrows(IllegalArgumentException.class,
                () -> ResultsMerger.merge(List.of(parts.get(0), holed, parts.get(2)))).getMessage();
        assertTrue(message.contains("misses inputs 150000 to 199999"), message);
    }
}
