package io.github.opcompare.worker.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What Linux's /proc says about another process. */
final class ProcessStatus {
    private ProcessStatus() {
    }

    static boolean procAvailable() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /**
     * Anonymous resident memory in KiB ({@code RssAnon}): the native and Java heaps, without the
     * mapped input and output files (file-backed, {@code RssFile}), which grow with the request, not
     * with a leak.
     */
    static long residentAnonymousKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("RssAnon:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no RssAnon in /proc/" + pid + "/status (Linux 4.5 or later has it)");
    }

    /** Running, and not merely a zombie waiting for a parent to reap it (an orphan's new parent may never). */
    static boolean running(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The state follows the command name in parentheses, which may itself hold spaces or ')'.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }
}
