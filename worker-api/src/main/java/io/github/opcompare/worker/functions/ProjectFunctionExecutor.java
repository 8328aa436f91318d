package io.github.opcompare.worker.functions;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * A project's own static methods as a backend: one method per catalog op, found by
 * {@link FunctionMethods} in the classes this worker was started with (the project's compiled
 * classes and its test classpath).
 */
public final class ProjectFunctionExecutor implements OpExecutor {
    /** The library name project functions appear under in results. */
    public static final String LIBRARY = "project";

    private final String name;
    private final Map<Op, MethodReference> functions;
    private final ClassLoader loader;
    /** Methods found and opened, by op and dtype: reflection once, not at every prepared call. */
    private final Map<String, FunctionCalls.Bound> boundByCase = new java.util.concurrent.ConcurrentHashMap<>();

    public ProjectFunctionExecutor(String name, Map<Op, MethodReference> functions, ClassLoader loader) {
        this.name = name;
        this.functions = Map.copyOf(functions);
        this.loader = loader;
    }

    @Override
    public String library() {
        return LIBRARY;
    }

    /** Which method runs each op: what a reader of the results needs to know the "version" by. */
    @Override
    public String version() {
        return functions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().id() + "=" + e.getValue()).reduce((x, y) -> x + ", " + y).orElse("no functions")
                + " (" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ")";
    }

    @Override
    public String device() {
        return "cpu";
    }

    @Override
    public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
        if (FunctionSignature.accepted(op, dtype).isEmpty()) {
            throw new UnsupportedOpException(FunctionSignature.noneAcceptedReason(op, dtype));
        }
        MethodReference reference = functions.get(op);
        if (reference == null) {
            throw new UnsupportedOpException("no project function is configured for " + op.id() + " under the name " + name);
        }
        if (inputs.size() != op.arity()) {
            throw new IllegalArgumentException(op + " takes " + op.arity() + " inputs, got " + inputs.size());
        }
        return FunctionCalls.prepare(bound(reference, op, dtype), op, inputs, length);
    }

    private FunctionCalls.Bound bound(MethodReference reference, Op op, DType dtype) throws UnsupportedOpException {
        String key = op.id() + "/" + dtype.id();
        FunctionCalls.Bound bound = boundByCase.get(key);
        if (bound != null) {
            return bound;
        }
        FunctionMethods.Found found;
        try {
            found = FunctionMethods.find(reference, op, dtype, loader);
        } catch (IllegalArgumentException e) {
            // The engine checked every method before starting this worker; a dtype it did not plan
            // (a conformance probe) is one the method does not take.
            throw new UnsupportedOpException(e.getMessage());
        }
        try {
            bound = FunctionCalls.bind(found);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + reference + ": " + e.getMessage(), e);
        }
        boundByCase.put(key, bound);
        return bound;
    }
}
