package io.github.opcompare.engine.check;

import java.util.List;

/**
 * One rule as configured: which results it covers (each list comma-separated or as elements; empty
 * means all) and its limits.
 */
public record RuleSpec(List<String> ops, List<String> dtypes, List<String> backends, List<LimitSpec> limits) {
}
