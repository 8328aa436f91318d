package io.github.opcompare.worker.functions;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.BackendConformance;
import io.github.opcompare.worker.conformance.WorkerLaunch;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conformance kit against project functions, in this JVM and in a forked {@link ProjectFunctionWorker}
 * started as the engine starts it: with its configuration file as the one argument.
 */
class ProjectFunctionConformanceTest extends BackendConformance {
    private static final Map<Op, String> FUNCTIONS = new LinkedHashMap<>();

    static {
        for (Op op : List.of(Op.ADD, Op.MAXIMUM, Op.ATAN2, Op.POW, Op.MOD, Op.EXP, Op.NEG)) {
            FUNCTIONS.put(op, ConformanceFunctions.class.getName() + "#" + op.id());
        }
        FUNCTIONS.put(Op.REDUCE_SUM, ConformanceFunctions.class.getName() + "#reduceSum");
    }

    private static Map<Op, MethodReference> references() {
        Map<Op, MethodReference> references = new LinkedHashMap<>();
        FUNCTIONS.forEach((op, method) -> references.put(op, MethodReference.parse(method)));
        return references;
    }

    @Override
    protected OpExecutor executor() {
        return new ProjectFunctionExecutor("conformance", references(), getClass().getClassLoader());
    }

    @Override
    protected WorkerLaunch launch() {
        Map<String, String> byId = new LinkedHashMap<>();
        FUNCTIONS.forEach((op, method) -> byId.put(op.id(), method));
        try {
            Path config = Files.createTempFile("opcompare-functions", ".json");
            config.toFile().deleteOnExit();
            Files.writeString(config, ProjectFunctionWorker.configJson("conformance", byId));
            List<String> command = new ArrayList<>(WorkerLaunch.java(ProjectFunctionWorker.class).command());
            command.add(config.toString());
            return new WorkerLaunch(command, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Set<DType> dtypesWithoutArithmetic() {
        return EnumSet.of(DType.FLOAT16, DType.BFLOAT16);
    }

    @Override
    protected Set<Op> opsNotMapped() {
        Set<Op> unmapped = EnumSet.allOf(Op.class);
        unmapped.removeAll(FUNCTIONS.keySet());
        return unmapped;
    }
}
