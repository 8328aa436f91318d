package io.github.opcompare.engine.io;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks the paths the goals read and write before anything runs: a file that must be there, a
 * folder where a file goes, a file where a folder goes. Each mistake is an
 * {@link IllegalArgumentException} naming the parameter, the path and what it must be.
 */
public final class ParameterPaths {
    /** What a folder parameter that may be switched off takes to switch it off (as {@code referenceCache}). */
    public static final String NONE = "none";

    private ParameterPaths() {
    }

    /**
     * A file the goal reads, which must be there.
     *
     * @param hint how to get one, for the message ({@code "run the compare goal first"})
     */
    public static Path existingFile(String name, Path file, String hint) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("Invalid " + name + " '" + file + "': it is a folder; name a file (" + hint + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Invalid " + name + " '" + file + "': no such file (" + hint + ")");
        }
        return file;
    }

    /** A file the goal reads when it is there; a folder in its place is a mistake, not an absent file. */
    public static Path optionalFile(String name, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("Invalid " + name + " '" + file + "': it is a folder; name a file");
        }
        return file;
    }

    /** A file the goal writes: neither a folder nor below a file. */
    public static Path outputFile(String name, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("Invalid " + name + " '" + file + "': it is a folder; name the file to write");
        }
        underAFolder(name, file.toAbsolutePath().getParent(), file, "the file to write");
        return file;
    }

    /** A folder the goal writes into, created when missing: neither a file nor below one. */
    public static Path outputFolder(String name, Path folder) {
        underAFolder(name, folder.toAbsolutePath(), folder, "a folder (it is created when missing)");
        return folder;
    }

    /**
     * A folder, relative paths taken from {@code baseDir}, or {@code none} (any letter case) for
     * none: null. Blank means none as well, for callers outside Maven (Maven passes an empty
     * element as unset, so in a POM only {@code none} switches it off).
     */
    public static Path folderOrNone(String name, String text, Path baseDir) {
        if (text == null || text.isBlank() || text.strip().toLowerCase(Locale.ROOT).equals(NONE)) {
            return null;
        }
        Path folder;
        try {
            folder = baseDir.resolve(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "': not a path (" + e.getReason()
                    + "); name a folder, or " + NONE);
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Invalid " + name + " '" + text + "': " + folder + " is a file; name a folder, or "
                    + NONE);
        }
        underAFolder(name, folder.toAbsolutePath(), Path.of(text.strip()), "a folder, or " + NONE);
        return folder;
    }

    /** The nearest part of {@code path} that exists must be a folder, or nothing can be created there. */
    private static void underAFolder(String name, Path path, Path asWritten, String expected) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException("Invalid " + name + " '" + asWritten + "': " + p + " is a file, not a folder;"
                            + " name " + expected);
                }
                return;
            }
        }
    }
}
