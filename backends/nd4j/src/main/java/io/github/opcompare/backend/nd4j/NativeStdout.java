package io.github.opcompare.backend.nd4j;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps libnd4j's own prints off the protocol channel. libnd4j reports op errors with C
 * {@code printf}, straight to file descriptor 1 ("Error at [...reduce_sum.cpp:87]"), where
 * {@code System.setOut} cannot reach. So descriptor 1 is pointed at stderr, and the original stdout
 * lives on under a new descriptor that only Java's {@code System.out} writes to.
 */
final class NativeStdout {
    /** The two libc calls needed; JNA comes with ND4J (through OSHI). */
    interface LibC extends Library {
        int dup(int fd);

        int dup2(int oldFd, int newFd);
    }

    private NativeStdout() {
    }

    /**
     * Moves native stdout to stderr and points {@code System.out} at the original stdout. Where that
     * cannot be done (no libc, no {@code /dev/fd}), says so on stderr and leaves both as they were:
     * the worker still runs, and only a failing native op could then disturb the protocol.
     *
     * <p>Only a pipe or terminal is reopened (the plugin always gives its workers pipes): a regular
     * file reopened gets a second file offset, and a shell's {@code >log 2>&1} would then have
     * stderr overwrite the replies.
     *
     * @return true when native stdout now goes to stderr
     */
    static boolean redirectToStderr() {
        try {
            if (Files.isRegularFile(Path.of("/dev/fd/1"))) {
                System.err.println("opcompare nd4j worker: stdout is a file, native prints stay on it");
                return false;
            }
            LibC libc = Native.loadLibrary("c", LibC.class);
            System.out.flush();
            int protocol = libc.dup(1);
            if (protocol < 0) {
                throw new IOException("dup(1) failed");
            }
            // Opened before descriptor 1 moves, so a failure here leaves everything as it was.
            PrintStream out = new PrintStream(new FileOutputStream("/dev/fd/" + protocol, true), true);
            if (libc.dup2(2, 1) < 0) {
                out.close();
                throw new IOException("dup2(2, 1) failed");
            }
            System.setOut(out);
            return true;
        } catch (Throwable t) {
            System.err.println("opcompare nd4j worker: native prints stay on stdout (" + t + ")");
            return false;
        }
    }
}
