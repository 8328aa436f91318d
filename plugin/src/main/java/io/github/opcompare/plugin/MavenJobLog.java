package io.github.opcompare.plugin;

import io.github.opcompare.engine.run.JobLog;
import org.apache.maven.plugin.logging.Log;

/** A job's lines in the build's log. */
final class MavenJobLog implements JobLog {
    private final Log log;

    MavenJobLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void debug(String line) {
        log.debug(line);
    }
}
