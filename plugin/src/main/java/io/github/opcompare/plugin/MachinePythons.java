package io.github.opcompare.plugin;

import io.github.opcompare.engine.backend.NumpyInterpreters;
import java.util.List;

/** This machine's Pythons, asked which NumPy each imports (each asked at most once a build). */
final class MachinePythons implements NumpyInterpreters {
    private final java.util.Map<String, String> asked = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String versionOf(String python) {
        return asked.computeIfAbsent(python, PythonFinder::numpyVersion);
    }

    @Override
    public List<String> candidates() {
        return PythonFinder.candidates();
    }
}
