package io.github.opcompare.engine.check;

import io.github.opcompare.engine.backend.BackendCatalog;
import io.github.opcompare.engine.backend.BackendDescriptor;
import io.github.opcompare.engine.merge.QualifiedBackend;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.Results;
import io.github.opcompare.engine.timing.TimingOptions;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks configured rules before anything is judged: an unknown metric, op, dtype or backend, a limit
 * without a bound, a bound that does not parse. Every error names the rule, the culprit and the valid
 * choices, so a typo never passes as a rule that matches nothing.
 */
public final class RuleParser {
    private RuleParser() {
    }

    /**
     * @param results the results the rules will judge: backends they name (recordings) are valid
     *     besides the installed catalog's
     */
    public static List<Rule> parse(List<RuleSpec> specs, Results results) {
        return parse(specs, results, BackendCatalog.installed());
    }

    /** The same with the backends of {@code catalog} as the known ones. */
    public static List<Rule> parse(List<RuleSpec> specs, Results results, BackendCatalog catalog) {
        Set<String> backends = validBackends(results, catalog);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            try {
                rules.add(parseOne(i + 1, specs.get(i), backends));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static Rule parseOne(int number, RuleSpec spec, Set<String> validBackends) {
        Set<String> ops = new LinkedHashSet<>();
        for (String op : items(spec.ops())) {
            ops.add(Op.of(op).id());
        }
        Set<String> dtypes = new LinkedHashSet<>();
        for (String dtype : items(spec.dtypes())) {
            dtypes.add(DType.of(dtype).id());
        }
        Set<String> backends = new LinkedHashSet<>();
        for (String backend : items(spec.backends())) {
            backends.add(backend(backend, validBackends));
        }
        if (spec.limits() == null || spec.limits().isEmpty()) {
            throw new IllegalArgumentException("no <limits>; give at least one <limit> with a <metric> and a <minimum> or <maximum>");
        }
        List<Limit> limits = new ArrayList<>();
        for (LimitSpec limit : spec.limits()) {
            limits.add(limit(limit, validBackends));
        }
        return new Rule(number, Set.copyOf(ops), Set.copyOf(dtypes), Set.copyOf(backends), List.copyOf(limits));
    }

    private static Limit limit(LimitSpec spec, Set<String> validBackends) {
        if (spec.metric() == null || spec.metric().isBlank()) {
            throw new IllegalArgumentException("a <limit> has no <metric>; valid metrics are: " + Metric.validIds());
        }
        Metric metric = Metric.of(spec.metric());
        if (blank(spec.minimum()) && blank(spec.maximum())) {
            throw new IllegalArgumentException("the limit on " + metric.id() + " has neither <minimum> nor <maximum>");
        }
        String with = null;
        if (metric == Metric.AGREEMENT) {
            if (blank(spec.with())) {
                throw new IllegalArgumentException("the limit on agreement needs <with>, the other backend; valid backends are: "
                        + String.join(", ", validBackends));
            }
            with = backend(spec.with(), validBackends);
        } else if (!blank(spec.with())) {
            throw new IllegalArgumentException("<with> fits only the metric agreement, not " + metric.id());
        }
        Long size = null;
        if (!blank(spec.size())) {
            if (metric != Metric.MEDIAN_NANOS) {
                throw new IllegalArgumentException("<size> fits only the metric medianNanos, not " + metric.id());
            }
            List<Integer> sizes = TimingOptions.sizes(spec.size());
            if (sizes.size() != 1) {
                throw new IllegalArgumentException("<size> '" + spec.size() + "' must be one size, such as 1000 or 1e6");
            }
            size = sizes.get(0).longValue();
        }
        Bound minimum = blank(spec.minimum()) ? null : Bound.parse(spec.minimum(), metric);
        Bound maximum = blank(spec.maximum()) ? null : Bound.parse(spec.maximum(), metric);
        if (minimum != null && maximum != null && minimum.value() > maximum.value()) {
            throw new IllegalArgumentException("the limit on " + metric.id() + " has <minimum> " + minimum.text()
                    + " above <maximum> " + maximum.text());
        }
        return new Limit(metric, with, size, minimum, maximum);
    }

    private static String backend(String id, Set<String> valid) {
        String trimmed = id.trim();
        if (!valid.contains(trimmed)) {
            throw new IllegalArgumentException("unknown backend '" + trimmed + "'; valid backends are: " + String.join(", ", valid));
        }
        return trimmed;
    }

    private static Set<String> validBackends(Results results, BackendCatalog catalog) {
        Set<String> valid = new LinkedHashSet<>();
        catalog.all().stream().map(BackendDescriptor::id).forEach(valid::add);
        if (results != null && results.backends() != null) {
            for (BackendInfo b : results.backends()) {
                QualifiedBackend q = QualifiedBackend.parse(b.id());
                valid.add(q.backend());
                valid.add(q.catalogId()); // a rule naming the library's id covers each of its versions
            }
        }
        return valid;
    }

    private static List<String> items(List<String> entries) {
        List<String> items = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (entry == null) {
                continue;
            }
            for (String item : entry.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
