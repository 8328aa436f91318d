package io.github.opcompare.engine.backend;

import java.util.List;

/** The Pythons of this machine as a Python backend sees them: which NumPy each can import. */
public interface NumpyInterpreters {
    /**
     * The version of the library {@code python} imports ({@code 1.24.2}).
     *
     * @throws IllegalArgumentException naming the interpreter and why, when it cannot run or import it
     */
    String versionOf(String python);

    /** The interpreters to look through for a version asked for by number, best first. */
    List<String> candidates();

    /** For runs without a Python backend to name: every question is an error. */
    static NumpyInterpreters none() {
        return new NumpyInterpreters() {
            @Override
            public String versionOf(String python) {
                throw new IllegalArgumentException("no Python can be asked here for its NumPy (" + python + ")");
            }

            @Override
            public List<String> candidates() {
                return List.of();
            }
        };
    }
}
