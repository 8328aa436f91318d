package io.github.opcompare.plugin;

import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.DefaultSuite;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <case>} of the plugin configuration. Maven fills the fields by name; everything but
 * {@code op} and {@code inputs} is optional.
 */
public class Case {
    /** Case id; derived from the op when absent. */
    private String id;
    /** Op from the catalog, e.g. {@code sqrt}. */
    private String op;
    /** Comma-separated dtypes, e.g. {@code float32,float64}; default float32. */
    private String dtypes;
    /** One domain expression per operand, ';'-separated, e.g. {@code range(0,100)}. */
    private String inputs;
    /** Sample count for random domains. */
    private Integer size;
    /** Seed for random domains. */
    private Long seed;

    public String getId() {
        return id;
    }

    public String getOp() {
        return op;
    }

    public String getDtypes() {
        return dtypes;
    }

    public String getInputs() {
        return inputs;
    }

    public Integer getSize() {
        return size;
    }

    public Long getSeed() {
        return seed;
    }

    /** The configured cases as engine specs; none configured means the default suite. */
    static List<CaseSpec> toSpecs(List<Case> cases) {
        if (cases == null || cases.isEmpty()) {
            return DefaultSuite.cases();
        }
        List<CaseSpec> specs = new ArrayList<>();
        for (Case c : cases) {
            specs.add(new CaseSpec(c.getId(), c.getOp(),
                    c.getDtypes() == null ? List.of() : List.of(c.getDtypes()), c.getInputs(),
                    c.getSize() == null ? CaseSpec.DEFAULT_SIZE : c.getSize(),
                    c.getSeed() == null ? CaseSpec.DEFAULT_SEED : c.getSeed()));
        }
        return specs;
    }
}
