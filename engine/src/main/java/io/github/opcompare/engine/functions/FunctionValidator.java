package io.github.opcompare.engine.functions;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.functions.FunctionMethods;
import io.github.opcompare.worker.functions.MethodReference;
import io.github.opcompare.worker.op.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks the configured functions before anything runs: each names a catalog op and a method of the
 * form {@code Class#method}; each name is not a built-in backend; no name has two functions for one
 * op; some planned case runs each op; and for every dtype those cases run in, the method exists, is
 * static and has an accepted signature ({@link FunctionMethods}, the same lookup the worker makes).
 * Every mistake is collected, so one build names them all.
 */
public final class FunctionValidator {
    private FunctionValidator() {
    }

    /**
     * @param reservedNames backend ids a function's name may not take (the catalog's, the recordings')
     * @param projectClasses the project's classes and test classpath, in which the methods are looked up
     * @return the functions by backend name, then by op
     * @throws IllegalArgumentException with one line per mistake
     */
    public static Map<String, Map<Op, MethodReference>> validate(List<FunctionSpec> specs, List<PlannedCase> planned,
            Set<String> reservedNames, ClassLoader projectClasses) {
        List<String> errors = new ArrayList<>();
        Map<String, Map<Op, MethodReference>> byName = new LinkedHashMap<>();
        for (FunctionSpec spec : specs) {
            String name = spec.name() == null || spec.name().isBlank() ? ProjectFunctions.DEFAULT_NAME : spec.name().strip();
            String where = "function " + (spec.method() == null ? "(no <method>)" : spec.method().strip());
            Op op;
            MethodReference reference;
            try {
                op = Op.of(spec.op() == null ? "" : spec.op().strip());
            } catch (IllegalArgumentException e) {
                errors.add(where + ": " + e.getMessage());
                continue;
            }
            try {
                reference = MethodReference.parse(spec.method());
            } catch (IllegalArgumentException e) {
                errors.add("function for op " + op.id() + ": " + e.getMessage());
                continue;
            }
            if (reservedNames.contains(name)) {
                errors.add(where + ": <name> '" + name + "' is a built-in backend or a recording; choose another name");
                continue;
            }
            MethodReference twin = byName.computeIfAbsent(name, n -> new LinkedHashMap<>()).putIfAbsent(op, reference);
            if (twin != null) {
                errors.add(where + ": backend '" + name + "' already runs " + twin + " for " + op.id()
                        + "; give one of them another <name>");
                continue;
            }
            Set<DType> dtypes = planned.stream().filter(c -> c.op() == op).map(PlannedCase::dtype)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (dtypes.isEmpty()) {
                errors.add(where + ": no case runs " + op.id() + "; the planned ops are "
                        + planned.stream().map(c -> c.op().id()).collect(Collectors.toCollection(TreeSet::new)));
                continue;
            }
            for (DType dtype : dtypes) {
                try {
                    FunctionMethods.find(reference, op, dtype, projectClasses);
                } catch (IllegalArgumentException e) {
                    errors.add(e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() == 1 ? errors.get(0)
                    : errors.size() + " functions are wrong:\n  " + String.join("\n  ", errors));
        }
        return byName;
    }
}
