package io.github.opcompare.engine.worker;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Java worker's command taken apart again: the java executable, the JVM's options, the classpath
 * and the main class, as {@link WorkerCommand#java} put them together. Anything else (a Python
 * worker, a jar started with {@code -jar}) is not one.
 *
 * @param executable the java executable as given
 * @param arguments what follows the main class: the program's own arguments
 */
public record JavaCommandLine(String executable, List<String> options, List<String> classpath, String mainClass, List<String> arguments) {

    /** The command as a Java worker's parts; empty when it is not a java executable started with a classpath and a main class. */
    public static Optional<JavaCommandLine> of(WorkerCommand command) {
        List<String> words = command.command();
        if (words.isEmpty() || !isJavaExecutable(words.get(0))) {
            return Optional.empty();
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-jar") || word.startsWith("--module") || word.equals("-m")) {
                return Optional.empty();
            }
            if (word.equals("-cp") || word.equals("-classpath") || word.equals("--class-path")) {
                if (i + 2 >= words.size()) {
                    return Optional.empty();
                }
                List<String> classpath = List.of(words.get(i + 1).split(Pattern.quote(File.pathSeparator)));
                return Optional.of(new JavaCommandLine(words.get(0), List.copyOf(words.subList(1, i)), classpath, words.get(i + 2),
                        List.copyOf(words.subList(i + 3, words.size()))));
            }
        }
        return Optional.empty();
    }

    /** The same command with {@code extra} options first, so that the worker's own options still win where they say otherwise. */
    public List<String> withOptionsFirst(List<String> extra) {
        List<String> words = new ArrayList<>();
        words.add(executable);
        words.addAll(extra);
        words.addAll(options);
        words.add("-cp");
        words.add(String.join(File.pathSeparator, classpath));
        words.add(mainClass);
        words.addAll(arguments);
        return List.copyOf(words);
    }

    private static boolean isJavaExecutable(String path) {
        String name = new File(path).getName();
        return name.equals("java") || name.equals("java.exe");
    }
}
