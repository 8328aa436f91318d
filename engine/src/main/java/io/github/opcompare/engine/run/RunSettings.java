package io.github.opcompare.engine.run;

import io.github.opcompare.engine.result.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a comparison run behaves.
 *
 * @param resultsFile where results.json is written (incrementally, atomically)
 * @param workDir scratch folder for the memory-mapped input and output files; emptied afterwards
 * @param logDir where each worker's stderr goes
 * @param sizes the sizes each case is timed at (elements per operand); empty: no timing
 * @param timeBudget wall time the timing of one case may take, over all its backends and sizes
 * @param repeats how many times each case runs on each backend to check that the results are reproducible
 * @param compareThreads whether backends that use several threads are also timed (and run) with one
 * @param caseTimeout how long one request may take on one backend before its worker is ended
 * @param startTimeout how long a worker may take to start and answer hello
 * @param environment the machine, as results.json records it; null where the runner is given it
 *     separately ({@link ComparisonRunner#environmentFrom}, which the compare goal uses to capture it
 *     while the workers start)
 * @param jitWarmup how long each backend's worker calls the op of its first timed case before that
 *     case's timing starts, once per worker: JIT compilers (TensorFlow Java's glue takes seconds)
 *     need longer than one case's budget allows; zero for none
 * @param referenceCache folder where exact references are kept between runs, keyed by what decides
 *     them; null for none (exhaustive sweeps and special values are never cached)
 */
public record RunSettings(
        Path resultsFile,
        Path workDir,
        Path logDir,
        List<Integer> sizes,
        Duration timeBudget,
        int repeats,
        boolean compareThreads,
        Duration caseTimeout,
        Duration startTimeout,
        int worstCount,
        Environment environment,
        String opcompareVersion,
        Duration jitWarmup,
        Path referenceCache) {

    /** The default sizes: 10^3, 10^5 and 10^6 elements (the full sweep, 10^2 to 10^7, on request). */
    public static final List<Integer> DEFAULT_SIZES = List.of(1_000, 100_000, 1_000_000);
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(1);
    public static final int DEFAULT_REPEATS = 3;
    public static final Duration DEFAULT_JIT_WARMUP = Duration.ofSeconds(1);

    /**
     * Settings a run can keep: the goals check what users write first ({@code config.CompareOptions}),
     * with messages for them; this is the last line, for any other caller, so that a negative
     * timeout never reaches a worker as "no answer within -1 s".
     */
    public RunSettings {
        require("caseTimeout", caseTimeout, true);
        require("startTimeout", startTimeout, true);
        require("timeBudget", timeBudget, false);
        require("jitWarmup", jitWarmup, false);
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats is " + repeats + ", but a case runs at least once (repeats >= 1)");
        }
        if (worstCount < 0) {
            throw new IllegalArgumentException("worstCount is " + worstCount + ", but it cannot be negative");
        }
        sizes = List.copyOf(sizes);
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException("sizes " + sizes + " hold " + size + ", but a size is at least 1 element");
            }
        }
    }

    private static void require(String name, Duration value, boolean positive) {
        if (value == null || value.isNegative() || (positive && value.isZero())) {
            throw new IllegalArgumentException(name + " is " + value + ", but it must be " + (positive ? "positive" : "0 or more"));
        }
    }

    /** Settings without a reference cache. */
    public RunSettings(Path resultsFile, Path workDir, Path logDir, List<Integer> sizes, Duration timeBudget, int repeats,
            boolean compareThreads, Duration caseTimeout, Duration startTimeout, int worstCount, Environment environment,
            String opcompareVersion, Duration jitWarmup) {
        this(resultsFile, workDir, logDir, sizes, timeBudget, repeats, compareThreads, caseTimeout, startTimeout, worstCount,
                environment, opcompareVersion, jitWarmup, null);
    }

    /** The same settings with references cached in {@code dir} (null: none). */
    public RunSettings withReferenceCache(Path dir) {
        return new RunSettings(resultsFile, workDir, logDir, sizes, timeBudget, repeats, compareThreads, caseTimeout,
                startTimeout, worstCount, environment, opcompareVersion, jitWarmup, dir);
    }

    /** Settings without a JIT warm-up, for runs whose timings need no steady state (tests). */
    public RunSettings(Path resultsFile, Path workDir, Path logDir, List<Integer> sizes, Duration timeBudget, int repeats,
            boolean compareThreads, Duration caseTimeout, Duration startTimeout, int worstCount, Environment environment,
            String opcompareVersion) {
        this(resultsFile, workDir, logDir, sizes, timeBudget, repeats, compareThreads, caseTimeout, startTimeout, worstCount,
                environment, opcompareVersion, Duration.ZERO);
    }
}
