package io.github.opcompare.plugin;

import io.github.opcompare.engine.config.ParameterValues;
import org.apache.maven.plugin.MojoFailureException;

/** The goals' {@code skip} parameter (opcompare.skip), read before anything else: a goal that is skipped checks nothing more. */
final class Skip {
    private Skip() {
    }

    static boolean requested(String skip) throws MojoFailureException {
        try {
            return ParameterValues.flag("skip", skip);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("opcompare configuration error: " + e.getMessage(), e);
        }
    }
}
