package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.engine.reference.cache.ReferenceCache;
import io.github.opcompare.engine.reference.cache.ReferenceKey;
import io.github.opcompare.worker.data.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedReferenceTest {
    @TempDir
    Path dir;

    private final AtomicInteger computations = new AtomicInteger();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> cached = new ArrayList<>();
    private final ReferenceCalculator calculator = new ReferenceCalculator();
    private final RunListener listener = new RunListener() {
        @Override
        public void referenceCached(PlannedCase planned) {
            cached.add(planned.label());
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    };

    private final PlannedCase planned = Planner.plan(List.of(new CaseSpec(null, "sqrt", List.of("float32"), "range(0,100)", 100, 1))).get(0);
    private final List<Values> inputs = InputPlan.generate(planned.domains(), planned.dtype(), planned.size(), planned.seed());

    private CachedReference reference(Path cacheDir) {
        return new CachedReference(cacheDir == null ? null : new ReferenceCache(cacheDir), "test", (op, dtype, in) -> {
            computations.incrementAndGet();
            return calculator.compute(op, dtype, in);
        }, listener);
    }

    @Test
    void theSecondLookupReadsWhatTheFirstComputed() {
        ExactResults first = reference(dir).get(planned, inputs);
        ExactResults second = reference(dir).get(planned, inputs);
        assertEquals(1, computations.get());
        assertEquals(List.of("sqrt/float32"), cached);
        assertTrue(warnings.isEmpty(), warnings.toString());
        // sqrt(4) = 2 and sqrt(2) rounds to the float32 1.4142135 (0x3fb504f3).
        assertEquals(2.0, second.rounded(4));
        assertEquals(0x3fb504f3, Float.floatToRawIntBits((float) second.rounded(2)));
        for (int i = 0; i < 100; i++) {
            assertEquals(Double.doubleToRawLongBits(first.exactHi(i)), Double.doubleToRawLongBits(second.exactHi(i)));
            assertEquals(Double.doubleToRawLongBits(first.exactLo(i)), Double.doubleToRawLongBits(second.exactLo(i)));
        }
    }

    @Test
    void aCorruptFileIsComputedAgainAndReplaced() throws Exception {
        reference(dir).get(planned, inputs);
        Path file = new ReferenceCache(dir).file(ReferenceKey.of("test", planned, inputs));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        ExactResults again = reference(dir).get(planned, inputs);
        assertEquals(2, computations.get());
        assertEquals(2.0, again.rounded(4));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("sqrt/float32: the cached reference"), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("computing it again"), warnings.get(0));
        assertEquals(bytes.length, Files.size(file), "the file was not rewritten whole");

        reference(dir).get(planned, inputs);
        assertEquals(2, computations.get());
        assertEquals(List.of("sqrt/float32"), cached);
    }

    @Test
    void aCacheThatCannotBeWrittenCostsAWarningNotTheRun() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "in the way");
        ExactResults exact = reference(notADir).get(planned, inputs);
        assertEquals(2.0, exact.rounded(4));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("could not be cached"), warnings.get(0));
    }

    @Test
    void withoutACacheEveryLookupComputes() {
        reference(null).get(planned, inputs);
        reference(null).get(planned, inputs);
        assertEquals(2, computations.get());
        assertTrue(cached.isEmpty());
    }
}
