package io.github.opcompare.engine.worker;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Class-data sharing for the Java workers: a JVM starts faster from an archive of the classes its
 * program loaded last time (the JDK's AppCDS, dynamic archives since JDK 13): to its first answer 0.3
 * instead of 0.7 CPU-seconds for the jdk worker, 1.4 instead of 1.9 for TensorFlow's (benchmarks/README.md). The
 * first start of a worker writes its archive when the worker exits; every later start with the same
 * key ({@link ClassArchiveKey}) maps it.
 *
 * <p>Only where it works, and never where it could hurt: a Java worker on a JDK of at least 13 whose
 * classpath holds only jar files (the JVM archives no classes from folders, and a folder's time does
 * not change when a class file in it does, so the key could not tell a changed one), and only while
 * the cache folder can be written. Anything else starts the worker unchanged. The JVM checks an
 * archive itself (its JDK, classpath, sizes and times) and runs without it when it does not fit: a
 * stale or damaged archive costs speed, never a result. Its warnings go to stderr, the worker's log,
 * because stdout is the worker's protocol channel.
 */
public final class WorkerClassArchive {
    /**
     * The JVM's log: nothing on stdout, warnings and errors on stderr. Unified logging writes its
     * warnings to stdout by default, and a line there (a mismatched archive) would break the protocol.
     */
    static final List<String> LOG_TO_STDERR = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

    /**
     * A temporary file older than this was left by a build that was killed while its workers wrote
     * their archives (a worker writes its archive in seconds); it is deleted when the folder is next used.
     */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    /**
     * An archive unused this long is deleted when the folder is next used, so that the folder does not
     * grow by 8 to 23 MB (the example's workers) with every library upgrade for good. A start marks its
     * archive used (its modification time; the JVM checks the times of the jars recorded in it, not its
     * own). A project built at least monthly keeps its archives; losing one costs one writing run.
     */
    static final Duration UNUSED_AFTER = Duration.ofDays(30);

    private static final WorkerClassArchive NONE = new WorkerClassArchive(null, Map.of(), s -> {
    });

    private final Path folder;
    private final Map<String, String> environment;
    private final Consumer<String> debug;
    private volatile boolean swept;
    /** The archives a worker of this run is writing: one writer per key is enough (see {@link #launch}). */
    private final Set<Path> beingWritten = ConcurrentHashMap.newKeySet();

    private WorkerClassArchive(Path folder, Map<String, String> environment, Consumer<String> debug) {
        this.folder = folder;
        this.environment = environment;
        this.debug = debug;
    }

    /** No archives: every worker starts as it is. */
    public static WorkerClassArchive none() {
        return NONE;
    }

    /**
     * Archives kept in {@code folder} (created when first needed); null for none.
     *
     * @param debug where to say why a worker gets no archive (a line for the build's debug log)
     */
    public static WorkerClassArchive in(Path folder, Consumer<String> debug) {
        return folder == null ? NONE : new WorkerClassArchive(folder.toAbsolutePath().normalize(), System.getenv(), debug);
    }

    /** As {@link #in}, with the build's environment given, for tests. */
    static WorkerClassArchive in(Path folder, Map<String, String> environment, Consumer<String> debug) {
        return new WorkerClassArchive(folder.toAbsolutePath().normalize(), Map.copyOf(environment), debug);
    }

    /** How to start a worker, and the archive it writes when it exits, if any. */
    public record Launch(WorkerCommand command, Optional<ClassArchiveDump> dump) {
        static Launch unchanged(WorkerCommand command) {
            return new Launch(command, Optional.empty());
        }
    }

    /** The command that starts {@code command}'s worker with its archive, or writes one; unchanged where none can be. */
    public Launch launch(WorkerCommand command) {
        if (folder == null) {
            return Launch.unchanged(command);
        }
        if (folder.toString().contains(File.pathSeparator)) {
            // The JVM reads "a:b" in SharedArchiveFile as two archives, a base and a top one.
            debug.accept("opcompare: no class archives: the folder's path " + folder + " holds " + File.pathSeparator);
            return Launch.unchanged(command);
        }
        JavaCommandLine parts = JavaCommandLine.of(command).orElse(null);
        if (parts == null) {
            return Launch.unchanged(command); // a Python worker, or a Java one started otherwise
        }
        String why = unsuitable(parts);
        WorkerJdk jdk = why == null ? WorkerJdk.of(parts.executable()) : null;
        if (why == null && !jdk.canArchiveAtExit()) {
            why = "its JDK (" + jdk.java() + ") is " + (jdk.featureVersion().isPresent() ? "Java " + jdk.featureVersion().getAsInt()
                    + ", archives need 13 or later" : "of an unknown version");
        }
        if (why != null) {
            debug.accept("opcompare: no class archive for " + parts.mainClass() + ": " + why);
            return Launch.unchanged(command);
        }
        Map<String, String> workerEnvironment = new HashMap<>(environment);
        workerEnvironment.putAll(command.environment());
        String name = simpleName(parts.mainClass()) + "-" + ClassArchiveKey.of(parts, jdk, workerEnvironment);
        Path archive = folder.resolve(name + ".jsa");
        if (Files.isRegularFile(archive)) {
            markUsed(archive);
            return new Launch(with(parts, command, "-XX:SharedArchiveFile=" + archive), Optional.empty());
        }
        if (!beingWritten.add(archive)) {
            // A twin (the single-thread worker, jdk-strict beside jdk) has the same key: a second writer
            // would spend the same seconds at exit for the same file. It starts as it is this time.
            debug.accept("opcompare: no class archive for " + parts.mainClass() + " yet: another worker of this run writes it");
            return Launch.unchanged(command);
        }
        Path temporary;
        try {
            Files.createDirectories(folder);
            sweepAbandoned();
            // Each worker writes a file of its own: two workers of one key (a twin, a restart, another build) never share one.
            temporary = Files.createTempFile(folder, name + ".", ".tmp");
        } catch (IOException | RuntimeException e) {
            debug.accept("opcompare: no class archive for " + parts.mainClass() + ": cannot write in " + folder + " (" + e + ")");
            beingWritten.remove(archive);
            return Launch.unchanged(command);
        }
        // Once its writer has ended, however, a restarted worker may write it (again, if the first failed).
        ClassArchiveDump dump = new ClassArchiveDump(temporary, archive, debug, () -> beingWritten.remove(archive));
        return new Launch(with(parts, command, "-XX:ArchiveClassesAtExit=" + temporary), Optional.of(dump));
    }

    /** Null when every classpath entry is a jar file that is there, else why not. */
    private static String unsuitable(JavaCommandLine parts) {
        for (String entry : parts.classpath()) {
            Path path = Path.of(entry);
            if (!Files.isRegularFile(path)) {
                return "its classpath holds " + entry + ", which is " + (Files.isDirectory(path) ? "a folder" : "not there")
                        + " (archives hold classes from jar files only)";
            }
        }
        return null;
    }

    private static WorkerCommand with(JavaCommandLine parts, WorkerCommand command, String archiveOption) {
        List<String> extra = new ArrayList<>(LOG_TO_STDERR);
        extra.add(archiveOption);
        return new WorkerCommand(parts.withOptionsFirst(extra), command.environment());
    }

    private void markUsed(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // A folder that can only be read: the archive is used all the same, and kept until it can be written.
        }
    }

    /**
     * Deletes, once per run, what killed builds left and archives unused for {@link #UNUSED_AFTER}. A
     * worker that maps an archive deleted meanwhile keeps its mapping (the file goes once the last user
     * closes it).
     */
    private void sweepAbandoned() {
        if (swept) {
            return;
        }
        swept = true;
        Instant now = Instant.now();
        deleteOlder("*.tmp", FileTime.from(now.minus(ABANDONED_AFTER)));
        deleteOlder("*.jsa", FileTime.from(now.minus(UNUSED_AFTER)));
    }

    private void deleteOlder(String pattern, FileTime before) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, pattern)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            debug.accept("opcompare: cannot clean " + folder + ": " + e);
        }
    }

    private static String simpleName(String mainClass) {
        String simple = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        return simple.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
