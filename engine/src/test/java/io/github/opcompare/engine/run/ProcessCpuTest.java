package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {
    @TempDir
    Path tasks;

    /** Writes a thread's schedstat as the kernel does: run time (ns), wait time (ns), timeslices. */
    private void thread(String tid, long runNanos) throws IOException {
        Files.createDirectories(tasks.resolve(tid));
        Files.writeString(tasks.resolve(tid).resolve("schedstat"), runNanos + " 12345 67\n");
    }

    @Test
    void sumsWhatLiveThreadsAddAndNeverGoesDownWhenOneEnds() throws IOException {
        thread("100", 5_000_000);
        thread("101", 7_000_000);
        ProcessCpu.ThreadRunTimes cpu = new ProcessCpu.ThreadRunTimes(tasks);
        assertTrue(cpu.readable());
        assertEquals(0, cpu.getAsLong()); // the first reading is where counting starts
        thread("100", 6_500_000); // +1.5 ms
        thread("102", 300_000); // a new thread: all of its 0.3 ms
        assertEquals(1_800_000, cpu.getAsLong());
        // Thread 101 ends (its folder goes, with its 7 ms): the total stays; 102 adds 0.2 ms.
        Files.delete(tasks.resolve("101").resolve("schedstat"));
        Files.delete(tasks.resolve("101"));
        thread("102", 500_000);
        assertEquals(2_000_000, cpu.getAsLong());
    }

    @Test
    void anEndedProcessUsesNoMore() throws IOException {
        thread("100", 1_000_000);
        ProcessCpu.ThreadRunTimes cpu = new ProcessCpu.ThreadRunTimes(tasks);
        cpu.getAsLong();
        thread("100", 4_000_000);
        assertEquals(3_000_000, cpu.getAsLong());
        Files.delete(tasks.resolve("100").resolve("schedstat"));
        Files.delete(tasks.resolve("100"));
        Files.delete(tasks);
        assertEquals(3_000_000, cpu.getAsLong());
    }

    @Test
    void noSuchFolderIsNotReadable() {
        assertFalse(new ProcessCpu.ThreadRunTimes(tasks.resolve("missing")).readable());
    }

    /**
     * A real process on Linux: a shell loop that spins is seen using CPU time (at least a tenth of
     * the half second watched, even on a crowded machine), one that sleeps hardly any.
     */
    @Test
    void seesARealProcessSpinAndAnotherSleep() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessCpu spinning = ProcessCpu.of(spinner.toHandle());
            ProcessCpu sleeping = ProcessCpu.of(sleeper.toHandle());
            assertTrue(spinning.fine() && sleeping.fine());
            spinning.getAsLong();
            sleeping.getAsLong();
            Thread.sleep(500);
            assertTrue(spinning.getAsLong() > 50_000_000L, "the spinning shell's CPU time grows");
            assertTrue(sleeping.getAsLong() < 5_000_000L, "the sleeping one's hardly");
        } finally {
            spinner.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
