package io.github.opcompare.engine.config;

import io.github.opcompare.engine.io.ParameterPaths;
import io.github.opcompare.engine.merge.ShardSpec;
import io.github.opcompare.engine.timing.TimingOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The compare goal's parameters besides the cases, backends and recordings (which the planner, the
 * backend catalog and the recordings check), read and checked together before anything runs.
 *
 * @param sizes sizes each case is timed at; empty: no timing
 * @param timeBudget wall time the timing of one case may take; zero: no timing
 * @param jitWarmup how long each worker calls its first timed op before timing; zero: none
 * @param repeats how many times each case runs on each backend, at least 1
 * @param compareThreads whether multi-threaded backends also run with one thread
 * @param caseTimeout how long one request may take on one backend, at least {@link #MIN_CASE_TIMEOUT}
 * @param outputDirectory where results, logs and scratch files go
 * @param referenceCache folder of cached references; null for none
 * @param failOnBackendError whether a failed result fails the build
 * @param tfDeterministicOps TF_DETERMINISTIC_OPS for TensorFlow; null leaves it unset
 * @param shard the part of the plan to run; null for all of it
 * @param python the Python for the numpy backend; null to find one
 * @param classArchiveCache folder of the Java workers' class-data archives; null for none
 */
public record CompareOptions(
        List<Integer> sizes,
        Duration timeBudget,
        Duration jitWarmup,
        int repeats,
        boolean compareThreads,
        Duration caseTimeout,
        Path outputDirectory,
        Path referenceCache,
        boolean failOnBackendError,
        Boolean tfDeterministicOps,
        ShardSpec shard,
        String python,
        Path classArchiveCache) {

    /**
     * A request covers a worker's whole computation of a case (every repeat, the timing at every
     * size); under a second, every result would fail for want of time, not because of the backend.
     */
    public static final Duration MIN_CASE_TIMEOUT = Duration.ofSeconds(1);

    /** A worker JVM with a large native library takes seconds to answer hello, whatever the case timeout. */
    private static final Duration MIN_START_TIMEOUT = Duration.ofMinutes(2);

    /** How long a worker may take to start and answer hello: the case timeout, and never under two minutes. */
    public Duration startTimeout() {
        return caseTimeout.compareTo(MIN_START_TIMEOUT) > 0 ? caseTimeout : MIN_START_TIMEOUT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The parameters as written; {@link #build} checks all of them and names every mistake. Those not
     * set have the compare goal's defaults.
     */
    public static final class Builder {
        private Path baseDir = Path.of("");
        private String sizes = TimingOptions.DEFAULT_SIZE_LIST;
        private String timeBudget = "600ms";
        private String jitWarmup = "1s";
        private String repeats = "3";
        private String compareThreads = "true";
        private String caseTimeout = "600";
        private Path outputDirectory = Path.of("target", "opcompare");
        private String referenceCache = "target/opcompare-cache";
        private String failOnBackendError = "false";
        private String tfDeterministicOps;
        private String shard;
        private String python;
        private String classArchiveCache = ParameterPaths.NONE;

        private Builder() {
        }

        /** The project's folder, which relative paths are taken from. */
        public Builder baseDir(Path value) {
            baseDir = value;
            return this;
        }

        public Builder sizes(String value) {
            sizes = value;
            return this;
        }

        public Builder timeBudget(String value) {
            timeBudget = value;
            return this;
        }

        public Builder jitWarmup(String value) {
            jitWarmup = value;
            return this;
        }

        public Builder repeats(String value) {
            repeats = value;
            return this;
        }

        public Builder compareThreads(String value) {
            compareThreads = value;
            return this;
        }

        public Builder caseTimeout(String value) {
            caseTimeout = value;
            return this;
        }

        public Builder outputDirectory(Path value) {
            outputDirectory = value;
            return this;
        }

        public Builder referenceCache(String value) {
            referenceCache = value;
            return this;
        }

        public Builder failOnBackendError(String value) {
            failOnBackendError = value;
            return this;
        }

        public Builder tfDeterministicOps(String value) {
            tfDeterministicOps = value;
            return this;
        }

        public Builder shard(String value) {
            shard = value;
            return this;
        }

        public Builder python(String value) {
            python = value;
            return this;
        }

        /** The folder of the Java workers' class-data archives, or {@code none} (the default here; the compare goal has its own). */
        public Builder classArchiveCache(String value) {
            classArchiveCache = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming each invalid parameter, its value and the valid choices
         */
        public CompareOptions build() {
            ParameterErrors errors = new ParameterErrors();
            List<Integer> sizeList = errors.take(() -> TimingOptions.sizes(sizes));
            Duration budget = errors.take(() -> ParameterValues.duration("timeBudget", timeBudget, Duration.ZERO,
                    "4s, 1.5s, 500ms or 1m", "the wall time the timing of one case may take; 0 for no timing"));
            Duration warmup = errors.take(() -> ParameterValues.duration("jitWarmup", jitWarmup, Duration.ZERO,
                    "2s, 500ms or 0", "how long each worker runs its first op before timing; 0 for none"));
            Integer repeatCount = errors.take(() -> ParameterValues.wholeNumber("repeats", repeats, 1,
                    "how many times each case runs on each backend; 1 runs it once"));
            Boolean threads = errors.take(() -> ParameterValues.flag("compareThreads", compareThreads));
            Duration timeout = errors.take(() -> ParameterValues.duration("caseTimeout", caseTimeout, MIN_CASE_TIMEOUT,
                    "600 (seconds), 90s or 10m", "how long one case may take on one backend before its worker is ended"));
            Path output = errors.take(() -> ParameterPaths.outputFolder("outputDirectory", baseDir.resolve(outputDirectory)));
            Path cache = errors.take(() -> ParameterPaths.folderOrNone("referenceCache", referenceCache, baseDir));
            Boolean failOnError = errors.take(() -> ParameterValues.flag("failOnBackendError", failOnBackendError));
            Boolean deterministic = errors.take(() -> ParameterValues.optionalFlag("tfDeterministicOps", tfDeterministicOps));
            ShardSpec part = errors.take(() -> ShardSpec.parse(shard));
            String interpreter = errors.take(() -> checkedPython(python));
            Path classArchives = errors.take(() -> ParameterPaths.folderOrNone("classArchiveCache", classArchiveCache, baseDir));
            errors.throwIfAny();
            return new CompareOptions(sizeList, budget, warmup, repeatCount, threads, timeout, output, cache, failOnError,
                    deterministic, part, interpreter, classArchives);
        }

        /**
         * A Python given as a path must be a program there; a bare name ({@code python3.12}) is looked
         * up on the PATH when the numpy worker starts, and whether it can import NumPy is found out then
         * (the numpy backend is skipped with the reason).
         */
        private static String checkedPython(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String p = text.strip();
            if (p.contains(File.separator)) {
                Path file = Path.of(p);
                if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                    throw new IllegalArgumentException("Invalid python '" + text + "': " + (Files.exists(file) ? "not an executable file"
                            : "no such file") + "; name a Python 3 that has NumPy (a path, or a command on the PATH such as python3),"
                            + " or leave it unset to find one");
                }
            }
            return p;
        }
    }
}
