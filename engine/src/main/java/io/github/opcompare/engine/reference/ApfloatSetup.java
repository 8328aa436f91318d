package io.github.opcompare.engine.reference;

import org.apfloat.ApfloatContext;

/**
 * Apfloat settings for running inside a build tool; every class that uses apfloat calls
 * {@link #ensure()} before its first apfloat number.
 */
final class ApfloatSetup {
    static {
        // Apfloat's exit hook deletes disk storage we never use (our numbers stay in memory).
        // Inside Maven it would run after the plugin's class realm is closed and fail to load its
        // own classes, printing a stack trace at the end of every build.
        ApfloatContext.getGlobalContext().setCleanupAtExit(false);
    }

    private ApfloatSetup() {
    }

    /** Runs the settings above once, on first call. */
    static void ensure() {
        // Class initialisation does the work.
    }
}
