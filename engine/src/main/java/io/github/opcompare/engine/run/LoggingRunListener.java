package io.github.opcompare.engine.run;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.CaseResult;
import java.time.Duration;

/** A run's progress as lines in a {@link JobLog}: each backend ready, each case done, sweeps and warnings. */
final class LoggingRunListener implements RunListener {
    private final JobLog log;
    private boolean referenceCached;

    LoggingRunListener(JobLog log) {
        this.log = log;
    }

    @Override
    public void backendStarted(BackendInfo backend) {
        if (backend.available()) {
            log.info("opcompare: " + backend.id() + " ready (" + backend.library() + " " + backend.version() + ")");
        }
    }

    /** The case's line as soon as its accuracy is known: it shows nothing of the timing that follows. */
    @Override
    public void caseJudged(int index, int total, PlannedCase planned, CaseResult result, Duration elapsed) {
        log.info(ConsoleFormat.progressLine(index, total, result, elapsed, referenceCached));
        referenceCached = false;
    }

    @Override
    public void referenceCached(PlannedCase planned) {
        referenceCached = true;
    }

    @Override
    public void progress(PlannedCase planned, long done, long total, Duration elapsed) {
        log.info(ConsoleFormat.sweepProgressLine(planned, done, total, elapsed));
    }

    @Override
    public void warning(String message) {
        log.warn("opcompare: " + message);
    }
}
