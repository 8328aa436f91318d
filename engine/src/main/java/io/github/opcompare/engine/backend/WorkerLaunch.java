package io.github.opcompare.engine.backend;

import java.util.List;

/**
 * How the plugin starts a backend's worker, from its descriptor.
 *
 * @param kind {@code java} (a main class on the worker's own classpath) or {@code python} (a script
 *     inside the worker jar, run by a Python that can import the library)
 * @param mainClass the worker's main class ({@code java} only)
 * @param script the script's path inside the worker jar ({@code python} only)
 * @param jvmArgs extra JVM options ({@code java} only)
 * @param platformArtifacts {@code groupId:artifactId} of artifacts published once per platform: the
 *     plugin adds each with this machine's classifier, at the version the worker's graph resolved
 * @param classifierSuffix appended to the platform classifier for this backend's natives
 *     ({@code -gpu} makes {@code linux-x86_64-gpu}); empty for none
 * @param multiThreaded the library spreads one op over several threads where the machine has several
 *     cores (TensorFlow's and ND4J's pools): its single-thread worker is started together with its
 *     main worker instead of after the main worker has said how many threads it uses
 */
public record WorkerLaunch(String kind, String mainClass, String script, List<String> jvmArgs,
        List<String> platformArtifacts, String classifierSuffix, boolean multiThreaded) {
    public static final String JAVA = "java";
    public static final String PYTHON = "python";

    public WorkerLaunch {
        jvmArgs = List.copyOf(jvmArgs);
        platformArtifacts = List.copyOf(platformArtifacts);
        classifierSuffix = classifierSuffix == null ? "" : classifierSuffix;
    }

    /** A launch whose library is not declared multi-threaded. */
    public WorkerLaunch(String kind, String mainClass, String script, List<String> jvmArgs, List<String> platformArtifacts,
            String classifierSuffix) {
        this(kind, mainClass, script, jvmArgs, platformArtifacts, classifierSuffix, false);
    }

    /** A Java worker with no natives and no options: what tests and recorded backends need. */
    public static WorkerLaunch java(String mainClass) {
        return new WorkerLaunch(JAVA, mainClass, null, List.of(), List.of(), "");
    }

    public boolean python() {
        return PYTHON.equals(kind);
    }
}
