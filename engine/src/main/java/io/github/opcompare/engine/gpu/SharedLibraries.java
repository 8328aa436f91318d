package io.github.opcompare.engine.gpu;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the dynamic loader would find a shared library by its soname ({@code libcudart.so.12}), the
 * way a {@code dlopen("libcudart.so.12")} in TensorFlow or JavaCPP looks: {@code LD_LIBRARY_PATH}, the
 * {@code ldconfig} cache, the default directories. Also where a library lies outside that search
 * (a CUDA toolkit under {@code /usr/local/cuda-12.4} that nobody added to the path), so that a
 * message can say which directory to add rather than only "missing".
 */
final class SharedLibraries {
    private static final Pattern LDCONFIG_LINE = Pattern.compile("^\\s*(\\S+)\\s+\\(([^)]*)\\)\\s+=>\\s+(\\S.*)$");
    private static final List<String> LDCONFIG = List.of("/sbin/ldconfig", "/usr/sbin/ldconfig");
    /** The loader's default directories on x86_64 Linux (Debian's multiarch ones are also in its cache). */
    static final List<Path> DEFAULT_DIRS = List.of(Path.of("/lib64"), Path.of("/usr/lib64"), Path.of("/lib"),
            Path.of("/usr/lib"), Path.of("/lib/x86_64-linux-gnu"), Path.of("/usr/lib/x86_64-linux-gnu"));

    private final Map<String, Path> ldCache;
    private final List<Path> loaderDirs;
    private final List<Path> otherDirs;

    /**
     * @param ldCache soname to file, from {@code ldconfig -p}
     * @param loaderDirs directories the loader searches ({@code LD_LIBRARY_PATH} first, then the defaults)
     * @param otherDirs directories CUDA is often installed in, which the loader does not search by itself
     */
    SharedLibraries(Map<String, Path> ldCache, List<Path> loaderDirs, List<Path> otherDirs) {
        this.ldCache = Map.copyOf(ldCache);
        this.loaderDirs = List.copyOf(loaderDirs);
        this.otherDirs = List.copyOf(otherDirs);
    }

    /** This machine's: runs {@code ldconfig -p} once (a few milliseconds). */
    static SharedLibraries system(CommandRunner runner, Map<String, String> environment) {
        List<Path> loader = new ArrayList<>(pathList(environment.get("LD_LIBRARY_PATH")));
        loader.addAll(DEFAULT_DIRS);
        Set<Path> other = new LinkedHashSet<>();
        for (String variable : List.of("CUDA_HOME", "CUDA_PATH", "CUDNN_HOME")) {
            String home = environment.get(variable);
            if (home != null && !home.isBlank()) {
                other.add(Path.of(home.strip(), "lib64"));
                other.add(Path.of(home.strip(), "lib"));
            }
        }
        other.add(Path.of("/usr/local/cuda/lib64"));
        other.addAll(versionedCudaDirs(Path.of("/usr/local")));
        return new SharedLibraries(ldconfigCache(runner), loader, new ArrayList<>(other));
    }

    /**
     * Where the loader finds {@code soname}, looking also in {@code extraDirs} (directories a library
     * searches on its own, such as the RUNPATH it was linked with).
     */
    Optional<Path> loadable(String soname, List<Path> extraDirs) {
        for (Path dir : loaderDirs) {
            if (Files.exists(dir.resolve(soname))) {
                return Optional.of(dir.resolve(soname));
            }
        }
        Path cached = ldCache.get(soname);
        if (cached != null) {
            return Optional.of(cached);
        }
        for (Path dir : extraDirs) {
            if (Files.exists(dir.resolve(soname))) {
                return Optional.of(dir.resolve(soname));
            }
        }
        return Optional.empty();
    }

    /** A copy of {@code soname} that the loader would not find, in a directory CUDA is often installed in. */
    Optional<Path> outsideSearch(String soname) {
        for (Path dir : otherDirs) {
            if (Files.exists(dir.resolve(soname))) {
                return Optional.of(dir.resolve(soname));
            }
        }
        return Optional.empty();
    }

    /** The directories searched, for messages. */
    String searched(List<Path> extraDirs) {
        List<String> parts = new ArrayList<>();
        loaderDirs.forEach(d -> parts.add(d.toString()));
        parts.add("the ldconfig cache");
        extraDirs.forEach(d -> parts.add(d.toString()));
        return String.join(", ", parts);
    }

    static List<Path> pathList(String value) {
        List<Path> dirs = new ArrayList<>();
        if (value != null) {
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry.strip()));
                }
            }
        }
        return dirs;
    }

    /** {@code ldconfig -p}'s 64-bit entries by soname; empty where ldconfig cannot be run. */
    static Map<String, Path> ldconfigCache(CommandRunner runner) {
        for (String ldconfig : LDCONFIG) {
            if (!Files.isExecutable(Path.of(ldconfig))) {
                continue;
            }
            try {
                CommandRunner.Result result = runner.run(List.of(ldconfig, "-p"), Duration.ofSeconds(10));
                if (!result.timedOut() && result.exitCode() == 0) {
                    return parseLdconfig(result.output());
                }
            } catch (IOException e) {
                // try the next location; without a cache the directories are still searched
            }
        }
        return Map.of();
    }

    /**
     * Lines such as {@code \tlibcudart.so.12 (libc6,x86-64) => /usr/local/cuda/lib64/libcudart.so.12}.
     * Only x86-64 entries count: a 32-bit copy is no use to a 64-bit JVM.
     */
    static Map<String, Path> parseLdconfig(String output) {
        Map<String, Path> cache = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            Matcher m = LDCONFIG_LINE.matcher(line);
            if (m.matches() && m.group(2).contains("x86-64")) {
                cache.putIfAbsent(m.group(1), Path.of(m.group(3).strip()));
            }
        }
        return cache;
    }

    /** {@code /usr/local/cuda-12.4/lib64} and its siblings, newest version first. */
    private static List<Path> versionedCudaDirs(Path parent) {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "cuda-*")) {
            entries.forEach(e -> dirs.add(e.resolve("lib64")));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        dirs.sort(Comparator.comparing(Path::toString).reversed());
        return dirs;
    }
}
