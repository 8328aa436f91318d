package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.domain.ExhaustiveDomain;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.UlpBin;
import io.github.opcompare.engine.result.WorstCase;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chunked sweep through real forked workers, over every float32 in [1, 1.0625] (2^19 + 1 values)
 * in chunks of 100000 (six chunks, the last one short): sqrt, correctly rounded by one worker and
 * with one planted error (one step up at 1.03125) by the other.
 */
class ExhaustiveSweepTest {
    static final ExhaustiveDomain DOMAIN = (ExhaustiveDomain) DomainParser.parse("exhaustive(1,1.0625)");
    static final PlannedCase SQRT = new PlannedCase("sqrt-sweep", Op.SQRT, DType.FLOAT32, List.of(DOMAIN), 1, 0);
    static final long COUNT = (1L << 19) + 1;

    @TempDir
    static Path dir;
    static List<BackendSession> sessions;
    static final List<Long> progress = new ArrayList<>();

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

    private static ExhaustiveSweep.Outcome sweep(int chunk) throws Exception {
        RunSettings settings = FaultyRuns.settings(dir, Duration.ofSeconds(60));
        RunListener listener = new RunListener() {
            @Override
            public void progress(PlannedCase planned, long done, long total, Duration elapsed) {
                progress.add(done);
            }
        };
        return new ExhaustiveSweep(settings, new ReferenceCalculator(), listener, System::nanoTime, chunk)
                .run(SQRT, DOMAIN, sessions, dir.resolve("case-" + chunk));
    }

    @Test
    void findsThePlantedErrorAtItsInputAndNothingElse() throws Exception {
        progress.clear();
        ExhaustiveSweep.Outcome outcome = sweep(100_000);
        assertEquals(COUNT, DOMAIN.count(DType.FLOAT32));

        Accuracy right = outcome.results().get(0).accuracy();
        assertEquals(0, right.notCorrectlyRounded());
        assertEquals(1.0, right.correctlyRounded());
        assertEquals(0L, right.maxSteps());
        assertTrue(right.maxUlp() <= 0.5);
        assertEquals(COUNT, right.histogram().stream().mapToLong(UlpBin::count).sum());

        Accuracy wrong = outcome.results().get(1).accuracy();
        assertEquals(1, wrong.notCorrectlyRounded());
        assertEquals(1L, wrong.maxSteps());
        WorstCase worst = wrong.worst().get(0);
        // 1.03125 = 1 + 2^-5: its mantissa field is 2^18, so it is the 2^18-th float after 1.
        assertEquals(1L << 18, worst.index());
        assertEquals(List.of("1.03125"), worst.inputs());
        // sqrt(33/32) = 1.01550480057949504505748544603...; its nearest float is 1.0155048 (0.31 ulp away,
        // by exact comparison in mpmath at 200 bits), and the planted error is the next float up.
        assertEquals("1.0155048", worst.expected());
        assertEquals("1.015505", worst.actual());
        assertEquals(1L, worst.steps());

        Agreement agreement = outcome.agreement().get(0);
        assertEquals((double) (COUNT - 1) / COUNT, agreement.identical());
        assertEquals(1L, agreement.maxSteps());
        // Six chunks; progress at each tenth the sweep crosses, the last at the end.
        assertEquals(COUNT, progress.get(progress.size() - 1));
        for (BackendResult r : outcome.results()) {
            assertEquals(List.of(ExhaustiveSweep.NOT_TIMED), r.timingNotes());
        }
    }

    @Test
    void chunkBoundariesChangeNothing() throws Exception {
        Accuracy inSix = sweep(100_000).results().get(1).accuracy();
        Accuracy inOne = sweep(1 << 20).results().get(1).accuracy();
        assertEquals(inOne.maxUlp(), inSix.maxUlp());
        assertEquals(inOne.notCorrectlyRounded(), inSix.notCorrectlyRounded());
        assertEquals(inOne.histogram(), inSix.histogram());
        assertEquals(inOne.binades().size(), inSix.binades().size());
        for (int b = 0; b < inOne.binades().size(); b++) {
            assertEquals(inOne.binades().get(b).count(), inSix.binades().get(b).count());
            assertEquals(inOne.binades().get(b).maxUlp(), inSix.binades().get(b).maxUlp());
        }
        assertEquals(inOne.worst(), inSix.worst());
        // Sums in another order: equal to rounding.
        assertEquals(inOne.meanUlp(), inSix.meanUlp(), 1e-12 * inOne.meanUlp());
    }

    @Test
    void aBackendThatDiesMidwayEndsAloneAndTheOthersSweepOn() throws Exception {
        // The workers compute the next chunk while the engine judges this one: a worker that exits
        // on the chunk holding 1.04 (the fourth of six) must end as failed, naming that chunk, and
        // the healthy backend must still judge every input.
        BackendSession dying = BackendSession.open(new BackendDescriptor("dying", "java-math", "cpu", "unused",
                        Map.of("OPCOMPARE_TEST_FAULT", "exit", "OPCOMPARE_TEST_FAULT_ON", "from:1.04")),
                FaultyRuns.javaMathWorkers(), dir.resolve("logs"), Duration.ofSeconds(60));
        BackendSession healthy = BackendSession.open(new BackendDescriptor("healthy", "java-math", "cpu", "unused", Map.of()),
                FaultyRuns.javaMathWorkers(), dir.resolve("logs"), Duration.ofSeconds(60));
        try {
            ExhaustiveSweep.Outcome outcome = new ExhaustiveSweep(FaultyRuns.settings(dir, Duration.ofSeconds(60)),
                    new ReferenceCalculator(), new RunListener() { }, System::nanoTime, 100_000)
                    .run(SQRT, DOMAIN, List.of(dying, healthy), dir.resolve("case-dying"));
            BackendResult died = outcome.results().get(0);
            assertEquals("failed", died.status());
            // 1.04 is float number 335,545 after 1 (0.04 · 2^23, rounded up): the chunk from 300,000.
            float chunkStart = Math.nextUp(1.0f);
            for (int i = 1; i < 300_000; i++) {
                chunkStart = Math.nextUp(chunkStart);
            }
            assertTrue(died.message().contains("in the chunk of 100000 inputs from " + DType.FLOAT32.format(chunkStart)), died.message());
            Accuracy ok = outcome.results().get(1).accuracy();
            assertEquals(COUNT, ok.histogram().stream().mapToLong(UlpBin::count).sum());
            assertEquals(0, ok.notCorrectlyRounded());
        } finally {
            dying.close();
            healthy.close();
        }
    }
}
