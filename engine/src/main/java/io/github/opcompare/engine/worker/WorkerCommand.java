package io.github.opcompare.engine.worker;

import java.util.List;
import java.util.Map;

/** How to start one worker process: its command line and the environment variables it adds. */
public record WorkerCommand(List<String> command, Map<String, String> environment) {

    /** A Java worker: this JVM's java executable, the given options, classpath and main class. */
    public static WorkerCommand java(String javaExecutable, List<String> jvmArgs, List<String> classpath,
            String mainClass, Map<String, String> environment) {
        List<String> command = new java.util.ArrayList<>();
        command.add(javaExecutable);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(mainClass);
        return new WorkerCommand(List.copyOf(command), Map.copyOf(environment));
    }

    /** The {@code java} of the JVM this runs in: workers run on the same Java as the build. */
    public static String javaOfThisJvm() {
        String exe = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "java.exe" : "java";
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", exe).toString();
    }
}
