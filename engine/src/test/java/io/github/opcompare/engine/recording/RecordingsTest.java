package io.github.opcompare.engine.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.npy.NpyWriter;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingsTest {
    private static final List<PlannedCase> PLANNED = Planner.plan(List.of(
            new CaseSpec("seed-sqrt", "sqrt", List.of("float32,float64"), "range(0,100)", 10, 42),
            new CaseSpec("sum", "reduce_sum", List.of("float32"), "uniform(0,1)", 1000, 42)));

    @Test
    void acceptsAFittingFileAndGroupsByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.npy");
        NpyWriter.write(file, ">f4", new int[] {100}, new double[100]);
        Path sum = dir.resolve("s.npy");
        NpyWriter.write(sum, "<f4", new int[0], new double[] {500});
        Map<String, Map<String, Path>> byName = Recordings.validate(List.of(
                new RecordingSpec("np", "seed-sqrt", "float32", file), new RecordingSpec("np", "sum", null, sum)), PLANNED, Set.of());
        assertEquals(Map.of("np", Map.of("seed-sqrt/float32", file, "sum/float32", sum)), byName);
    }

    @Test
    void misfitsAreErrorsNamingTheFile(@TempDir Path dir) throws IOException {
        Path f8 = dir.resolve("f8.npy");
        NpyWriter.write(f8, "<f8", new int[] {100}, new double[100]);
        Path short99 = dir.resolve("short.npy");
        NpyWriter.write(short99, "<f4", new int[] {99}, new double[99]);
        Path square = dir.resolve("square.npy");
        NpyWriter.write(square, "<f4", new int[] {10, 10}, new double[100]);
        assertError(new RecordingSpec("np", "seed-sqrt", "float32", f8), f8 + " holds float64 ('<f8'), but case seed-sqrt/float32 is float32");
        assertError(new RecordingSpec("np", "seed-sqrt", "float32", short99), short99 + " has 99 values, but case seed-sqrt/float32 has 100 outputs");
        assertError(new RecordingSpec("np", "seed-sqrt", "float32", square), square + " has shape [10, 10]");
        assertError(new RecordingSpec("np", "nope", "float32", f8), "valid case ids are: seed-sqrt, sum");
        assertError(new RecordingSpec("np", "seed-sqrt", null, f8), "runs in float32, float64; say which with <dtype>");
        assertError(new RecordingSpec("np", "sum", "float64", f8), "does not run in dtype 'float64'");
        assertError(new RecordingSpec("np", "seed-sqrt", "float32", dir.resolve("missing.npy")), "missing.npy does not exist");
        assertError(new RecordingSpec("numpy", "seed-sqrt", "float64", f8), "is a built-in backend");
    }

    private static void assertError(RecordingSpec spec, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recordings.validate(List.of(spec), PLANNED, Set.of("numpy")));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
