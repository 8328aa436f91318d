package io.github.opcompare.engine.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The CPU time a worker process has used, as {@link Quiescence} reads it: on Linux to the nanosecond,
 * from the scheduler's run time of each of its threads ({@code /proc/<pid>/task/<tid>/schedstat}),
 * elsewhere from the process's total, which the kernel keeps in 10 ms ticks. The finer counter lets
 * the wait for idle workers watch a window of milliseconds instead of three ticks (30 ms, paid before
 * every timing of a multi-threaded backend).
 */
abstract class ProcessCpu implements LongSupplier {
    /** Whether the counter resolves a millisecond (else: the kernel's 10 ms ticks). */
    abstract boolean fine();

    static ProcessCpu of(ProcessHandle process) {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        ThreadRunTimes threads = new ThreadRunTimes(tasks);
        if (threads.readable()) {
            return threads;
        }
        return new Total(process);
    }

    /** The process's total CPU time in ticks; 0 once it has ended or where the system does not say. */
    private static final class Total extends ProcessCpu {
        private final ProcessHandle process;

        Total(ProcessHandle process) {
            this.process = process;
        }

        @Override
        boolean fine() {
            return false;
        }

        @Override
        public long getAsLong() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    /**
     * The run time the process's live threads have added since the first reading. Summed thread by
     * thread from differences, so that a thread that ends (and leaves the list with its run time)
     * does not make the total go down: it was not running anymore, which is all a wait for idleness
     * needs to know; a thread started since counts all its run time.
     */
    static final class ThreadRunTimes extends ProcessCpu {
        private final Path tasks;
        private Map<String, Long> last;
        private long total;

        ThreadRunTimes(Path tasks) {
            this.tasks = tasks;
        }

        boolean readable() {
            return read() != null;
        }

        @Override
        boolean fine() {
            return true;
        }

        @Override
        public long getAsLong() {
            Map<String, Long> now = read();
            if (now == null) {
                return total; // the process has ended: it uses no more
            }
            if (last != null) {
                for (Map.Entry<String, Long> e : now.entrySet()) {
                    total += Math.max(0, e.getValue() - last.getOrDefault(e.getKey(), 0L));
                }
            }
            last = now;
            return total;
        }

        /** Each live thread's run time in ns (the first field of its schedstat), or null when unreadable. */
        private Map<String, Long> read() {
            Map<String, Long> times = new HashMap<>();
            try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
                for (Path thread : threads) {
                    String line;
                    try {
                        line = Files.readString(thread.resolve("schedstat"));
                    } catch (IOException e) {
                        continue; // ended between the listing and the read
                    }
                    int end = line.indexOf(' ');
                    times.put(thread.getFileName().toString(), Long.parseLong(end < 0 ? line.strip() : line.substring(0, end)));
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            return times.isEmpty() ? null : times;
        }
    }
}
