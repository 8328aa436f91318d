package io.github.opcompare.plugin;

import io.github.opcompare.engine.check.LimitSpec;
import io.github.opcompare.engine.check.RuleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <rule>} of the check goal: which results it covers (comma-separated; absent means all)
 * and its {@code <limits>}.
 */
public class Rule {
    /** Ops from the catalog, e.g. {@code tanh,exp}. */
    private String ops;
    /** dtypes, e.g. {@code float32}. */
    private String dtypes;
    /** Backends, e.g. {@code nd4j-cpu}. */
    private String backends;
    /** The limits every covered result must keep. */
    private List<Limit> limits;

    static List<RuleSpec> toSpecs(List<Rule> rules) {
        List<RuleSpec> specs = new ArrayList<>();
        for (Rule r : rules == null ? List.<Rule>of() : rules) {
            List<LimitSpec> limits = new ArrayList<>();
            for (Limit l : r.limits == null ? List.<Limit>of() : r.limits) {
                limits.add(l.toSpec());
            }
            specs.add(new RuleSpec(list(r.ops), list(r.dtypes), list(r.backends), limits));
        }
        return specs;
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : List.of(text);
    }
}
