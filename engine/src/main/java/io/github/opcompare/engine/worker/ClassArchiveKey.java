package io.github.opcompare.engine.worker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Names the class-data archive of one worker by everything that decides whether the JVM can use it:
 * the java executable and its JDK, the JVM options (also those the environment adds), each classpath
 * entry in order with its size and modification time, and the main class. The JVM checks most of
 * this itself and ignores an archive that does not fit (with a warning, after the cost of trying);
 * the key makes a changed worker look for a new archive instead of trying a stale one on every start.
 * The program's own arguments and the rest of the environment are left out: they do not change
 * which classes are loaded from where, and the single-thread twin of a worker, which differs from
 * it only in such variables, shares its archive.
 */
public final class ClassArchiveKey {
    /** The environment variables through which the JVM itself takes options. */
    static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private ClassArchiveKey() {
    }

    /**
     * @param environment what the worker's environment holds (the build's, with the command's own on top)
     * @return 32 hex digits (128 bits of SHA-256 of the description)
     */
    public static String of(JavaCommandLine command, WorkerJdk jdk, Map<String, String> environment) {
        return hash(describe(command, jdk, environment));
    }

    /** The text the key is the hash of, one fact a line. */
    static String describe(JavaCommandLine command, WorkerJdk jdk, Map<String, String> environment) {
        StringBuilder text = new StringBuilder("opcompare class archive 1\n");
        text.append("java=").append(jdk.java()).append('\n');
        text.append("jdk=").append(jdk.identity()).append('\n');
        for (String option : command.options()) {
            text.append("option=").append(option).append('\n');
        }
        for (String variable : OPTION_VARIABLES) {
            String value = environment.get(variable);
            if (value != null) {
                text.append("env ").append(variable).append('=').append(value).append('\n');
            }
        }
        for (String entry : command.classpath()) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            text.append("classpath=").append(path).append(' ').append(WorkerJdk.sizeAndTime(path)).append('\n');
        }
        text.append("main=").append(command.mainClass()).append('\n');
        return text.toString();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
