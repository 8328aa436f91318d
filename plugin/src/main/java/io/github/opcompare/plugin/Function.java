package io.github.opcompare.plugin;

import io.github.opcompare.engine.functions.FunctionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <function>}: a static method of the project (main or test classes) run as a catalog op,
 * in a backend named {@code name} ({@code project} by default).
 */
public class Function {
    /** Catalog op, e.g. {@code exp}. */
    private String op;
    /** {@code com.acme.math.FastExp#exp}. */
    private String method;
    /** The backend it appears under in results, reports and rules; default {@code project}. */
    private String name;

    public String getOp() {
        return op;
    }

    public String getMethod() {
        return method;
    }

    public String getName() {
        return name;
    }

    static List<FunctionSpec> toSpecs(List<Function> functions) {
        List<FunctionSpec> specs = new ArrayList<>();
        for (Function f : functions == null ? List.<Function>of() : functions) {
            specs.add(new FunctionSpec(f.getOp(), f.getMethod(), f.getName()));
        }
        return specs;
    }
}
