package io.github.opcompare.engine.run;

import io.github.opcompare.engine.result.Environment;
import io.github.opcompare.engine.worker.TimingSpec;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a comparison run behaves.
 *
 * @param resultsFile where results.json is written (incrementally, atomically)
 * @param workDir scratch folder for the memory-mapped input and output files; emptied afterwards
 * @param logDir where each worker's stderr goes
 * @param caseTimeout how long one case may take on one backend before its worker is ended
 * @param startTimeout how long a worker may take to start and answer hello
 */
public record RunSettings(
        Path resultsFile,
        Path workDir,
        Path logDir,
        TimingSpec timing,
        Duration caseTimeout,
        Duration startTimeout,
        int worstCount,
        Environment environment,
        String opcompareVersion) {
}
