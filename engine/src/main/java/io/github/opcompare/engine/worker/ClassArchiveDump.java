package io.github.opcompare.engine.worker;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The archive a worker writes when it exits ({@code -XX:ArchiveClassesAtExit}), into a file of its
 * own beside the archive's place. Only a worker that exited normally leaves a whole archive; it is
 * then moved into place in one step, so that another worker never maps half a file. Whatever else
 * happens (the worker crashed or was killed while writing, another build put the same archive in
 * place first, the move failed) the file is deleted: no outcome leaves it behind.
 */
public final class ClassArchiveDump {
    /**
     * How long a worker that writes its archive gets to exit before it is ended. Writing one took
     * 0.8 s (TensorFlow) to 2 s (ND4J) on a quiet 2-core machine, up to 3 s with all workers exiting at
     * once; 30 s leaves ten times that for a slow or loaded machine, and is waited only by a worker
     * that hangs: one that writes its archive and exits returns as soon as it is done.
     */
    public static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private final Path temporary;
    private final Path archive;
    private final Consumer<String> debug;
    private final Runnable ended;
    private final AtomicBoolean finished = new AtomicBoolean();

    ClassArchiveDump(Path temporary, Path archive, Consumer<String> debug) {
        this(temporary, archive, debug, () -> { });
    }

    /** @param ended called once the outcome is settled, whatever it is */
    ClassArchiveDump(Path temporary, Path archive, Consumer<String> debug, Runnable ended) {
        this.temporary = temporary;
        this.archive = archive;
        this.debug = debug;
        this.ended = ended;
    }

    /** The file the worker writes. */
    public Path temporary() {
        return temporary;
    }

    /** Where the archive goes once it is whole. */
    public Path archive() {
        return archive;
    }

    /**
     * The worker has ended with {@code exitCode}: 0 puts its archive in place, anything else deletes
     * it (a JVM that exits with another code may still have written one, but an exit through a failure
     * is no run whose classes are worth keeping). Only the first call does anything.
     */
    public void finish(int exitCode) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            settle(exitCode);
        } finally {
            ended.run();
        }
    }

    private void settle(int exitCode) {
        if (exitCode != 0) {
            debug.accept("opcompare: class archive not kept, the worker exited with code " + exitCode);
            delete();
            return;
        }
        try {
            if (Files.exists(archive)) {
                // Another worker of the same key (a twin, another build) was first; both archives are the same.
                delete();
                return;
            }
            if (!Files.isRegularFile(temporary) || Files.size(temporary) == 0) {
                debug.accept("opcompare: the worker wrote no class archive (see its log): " + temporary);
                delete();
                return;
            }
            Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE);
            debug.accept("opcompare: class archive written: " + archive);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            delete();
        } catch (IOException | RuntimeException e) {
            debug.accept("opcompare: class archive not kept: " + e);
            delete();
        }
    }

    /** The worker was ended while it may have been writing: what it wrote is deleted. Only the first call does anything. */
    public void abandon() {
        if (finished.compareAndSet(false, true)) {
            delete();
            ended.run();
        }
    }

    private void delete() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException | RuntimeException e) {
            debug.accept("opcompare: cannot delete " + temporary + ": " + e);
        }
    }
}
