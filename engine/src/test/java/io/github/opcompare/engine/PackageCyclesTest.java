package io.github.opcompare.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.worker.WorkerProcess;
import io.github.opcompare.worker.WorkerServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No two packages of the engine and the worker API depend on each other, directly or round a longer
 * loop: packages in a cycle can only be understood, tested and moved together. The graph is the
 * compiled classes' as jdeps reads it, so it sees what imports miss (same-package names, fully
 * qualified names in code).
 */
class PackageCyclesTest {
    /** A line of {@code jdeps -verbose:package}: {@code   from.package   -> to.package   archive}. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @Test
    void noPackageCycles() throws Exception {
        Map<String, Set<String>> graph = packageGraph(classes(WorkerProcess.class), classes(WorkerServer.class));
        assertTrue(graph.containsKey("io.github.opcompare.engine.run"), "jdeps saw the engine: " + graph.keySet());
        assertEquals(Optional.empty(), cycle(graph));
    }

    /** Where a class was loaded from: the module's target/classes in a build, or its jar. */
    private static String classes(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Which opcompare package depends on which, across the given class folders or jars. */
    private static Map<String, Set<String>> packageGraph(String... locations) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps: run on a JDK"));
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-e", "io\\.github\\.opcompare\\..*"));
        args.addAll(List.of(locations));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, status, "jdeps " + args + " failed: " + err + out);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return graph;
    }

    /** One cycle, written {@code a -> b -> a}, or empty when the graph has none. */
    static Optional<String> cycle(Map<String, Set<String>> graph) {
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            Optional<String> found = cycleFrom(start, graph, new ArrayDeque<>(), done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Depth first; {@code path} holds the packages on the way here, {@code done} those with no cycle beyond. */
    private static Optional<String> cycleFrom(String node, Map<String, Set<String>> graph, Deque<String> path, Set<String> done) {
        if (path.contains(node)) {
            List<String> loop = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(loop.subList(loop.indexOf(node), loop.size()));
            cycle.add(node);
            return Optional.of(String.join(" -> ", cycle));
        }
        if (done.contains(node)) {
            return Optional.empty();
        }
        path.addLast(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            Optional<String> found = cycleFrom(next, graph, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.removeLast();
        done.add(node);
        return Optional.empty();
    }

    /** The check itself, on a graph with a known loop and one without. */
    @Test
    void findsALoopOfAnyLength() {
        assertEquals(Optional.of("a -> b -> c -> a"),
                cycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")))));
        assertEquals(Optional.empty(), cycle(Map.of("a", Set.of("b", "c"), "b", Set.of("c"), "c", Set.of())));
    }
}
