package io.github.opcompare.worker.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start a backend's worker as the plugin does: a command line and the environment variables
 * it adds. For a Java worker, {@link #java} starts its main class on this test's classpath.
 */
public record WorkerLaunch(List<String> command, Map<String, String> environment) {

    /**
     * A fixed heap, touched up front: the worker's anonymous resident memory then grows only with
     * native memory (and a little JIT code), which the release check measures.
     */
    static final List<String> FIXED_HEAP = List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch");

    public WorkerLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** The main class on this JVM's classpath, in a JVM of the same runtime, with the worker's own JVM options. */
    public static WorkerLaunch java(Class<?> mainClass, List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FIXED_HEAP);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        return new WorkerLaunch(command, Map.of());
    }

    public static WorkerLaunch java(Class<?> mainClass) {
        return java(mainClass, List.of());
    }

    /** Any other worker: a script run by its interpreter, a native program. */
    public static WorkerLaunch command(String... command) {
        return new WorkerLaunch(List.of(command), Map.of());
    }

    public WorkerLaunch withEnvironment(String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return new WorkerLaunch(command, more);
    }
}
