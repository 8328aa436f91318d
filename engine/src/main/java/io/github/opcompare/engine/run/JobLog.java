package io.github.opcompare.engine.run;

/** Where a job says what it is doing: the build's log in the plugin, a list in tests. */
public interface JobLog {
    void info(String line);

    void warn(String line);

    /** A line only for who looks closer (Maven's -X); dropped by default. */
    default void debug(String line) {
    }
}
