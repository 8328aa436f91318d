package io.github.opcompare.engine.plan;

import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.domain.ExhaustiveDomain;
import io.github.opcompare.engine.domain.InputDomain;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns configured cases into planned ones (case × dtype), checking everything a user can get
 * wrong before any backend starts. Every error names the case and the culprit.
 */
public final class Planner {
    /** More elements than this in one case would not fit comfortably in the heap of a build. */
    public static final int MAX_SIZE = 50_000_000;

    private Planner() {
    }

    /**
     * Rough heap bytes one element of a case needs in the engine, besides its operands: the exact
     * reference (rounded value, double-double, bookkeeping), each backend's output and the analysis.
     */
    static final long BYTES_PER_ELEMENT = 96;

    public static List<PlannedCase> plan(List<CaseSpec> specs) {
        return plan(specs, Runtime.getRuntime().maxMemory());
    }

    /** Plans with relative {@code file(...)} paths taken from {@code baseDir}, the project's directory. */
    public static List<PlannedCase> plan(List<CaseSpec> specs, Path baseDir) {
        return plan(specs, Runtime.getRuntime().maxMemory(), baseDir);
    }

    /** Plans against a heap of {@code maxHeapBytes}, so that a case too large for it is a configuration error, not an OutOfMemoryError. */
    public static List<PlannedCase> plan(List<CaseSpec> specs, long maxHeapBytes) {
        return plan(specs, maxHeapBytes, Path.of(""));
    }

    private static List<PlannedCase> plan(List<CaseSpec> specs, long maxHeapBytes, Path baseDir) {
        List<PlannedCase> planned = new ArrayList<>();
        Set<String> explicitIds = new HashSet<>();
        for (CaseSpec spec : specs) {
            if (spec.id() != null && !spec.id().isBlank() && !explicitIds.add(spec.id().trim())) {
                throw new IllegalArgumentException("Two cases have the id '" + spec.id().trim() + "'; case ids must be unique");
            }
        }
        Map<String, Integer> derivedCount = new HashMap<>();
        for (int index = 0; index < specs.size(); index++) {
            CaseSpec spec = specs.get(index);
            String where = "case " + (index + 1) + (spec.id() == null || spec.id().isBlank() ? "" : " ('" + spec.id().trim() + "')");
            try {
                planned.addAll(planOne(spec, explicitIds, derivedCount, maxHeapBytes, baseDir));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid " + where + ": " + e.getMessage(), e);
            }
        }
        return planned;
    }

    private static List<PlannedCase> planOne(CaseSpec spec, Set<String> explicitIds, Map<String, Integer> derivedCount,
            long maxHeapBytes, Path baseDir) {
        if (spec.op() == null || spec.op().isBlank()) {
            throw new IllegalArgumentException("no <op> given; valid ops are: " + Op.validIds());
        }
        Op op = Op.of(spec.op());
        if (spec.size() <= 0) {
            throw new IllegalArgumentException("<size> is " + spec.size() + ", but it must be at least 1");
        }
        if (spec.size() > MAX_SIZE) {
            throw new IllegalArgumentException("<size> is " + spec.size() + ", but at most " + MAX_SIZE + " elements fit in one case");
        }
        List<InputDomain> domains = domains(spec, op, baseDir);
        String id = spec.id() != null && !spec.id().isBlank() ? spec.id().trim() : deriveId(op, explicitIds, derivedCount);
        List<PlannedCase> planned = new ArrayList<>();
        List<String> dtypes = spec.dtypes() == null || spec.dtypes().isEmpty() ? List.of("float32") : spec.dtypes();
        Set<DType> seen = new HashSet<>();
        for (String entry : dtypes) {
            for (String dtypeId : entry.split(",")) {
                if (dtypeId.isBlank()) {
                    continue;
                }
                DType dtype = DType.of(dtypeId);
                if (seen.add(dtype)) {
                    PlannedCase c = new PlannedCase(id, op, dtype, domains, spec.size(), spec.seed());
                    if (!checkSweep(c)) {
                        checkNotEmpty(domains, dtype);
                        checkMemory(op, dtype, InputPlan.length(domains, dtype, spec.size()), maxHeapBytes);
                    }
                    op.lengthProblem(InputPlan.length(domains, dtype, spec.size())).ifPresent(problem -> {
                        throw new IllegalArgumentException(problem);
                    });
                    planned.add(c);
                }
            }
        }
        return planned;
    }

    private static List<InputDomain> domains(CaseSpec spec, Op op, Path baseDir) {
        // A case that names only the op gets the catalog's default domain for it.
        String inputs = spec.inputs() == null || spec.inputs().isBlank() ? op.defaultInputs() : spec.inputs();
        List<String> expressions = DomainParser.splitOperands(inputs);
        if (expressions.size() != op.arity()) {
            throw new IllegalArgumentException("op '" + op.id() + "' takes " + op.arity() + " operand"
                    + (op.arity() == 1 ? "" : "s") + ", but <inputs> '" + spec.inputs() + "' gives " + expressions.size()
                    + " (separate operands with ';', e.g. " + exampleInputs(op) + ")");
        }
        List<InputDomain> domains = new ArrayList<>();
        for (String expression : expressions) {
            domains.add(DomainParser.parse(expression, baseDir));
        }
        return domains;
    }

    /**
     * An exhaustive domain with more values than a case holds is swept in chunks, which works for one
     * operand of float32 (2^32 values at most, with a fast exact reference) of an elementwise op.
     *
     * @return whether the case is such a sweep
     */
    private static boolean checkSweep(PlannedCase c) {
        for (InputDomain d : c.domains()) {
            if (d instanceof ExhaustiveDomain e && e.count(c.dtype()) > MAX_SIZE) {
                String what = "'" + e.expression() + "' has " + exactCount(e, c.dtype()) + " values of "
                        + c.dtype().id() + ", more than the " + MAX_SIZE + " a case holds; ";
                if (c.op().arity() != 1 || c.op().kind() != OpKind.ELEMENTWISE) {
                    throw new IllegalArgumentException(what + "such domains are swept in chunks, which needs a unary"
                            + " elementwise op, and '" + c.op().id() + "' is not one: narrow it with exhaustive(lo,hi)");
                }
                if (c.dtype() != DType.FLOAT32) {
                    throw new IllegalArgumentException(what + "sweeps in chunks cover float32 (up to 2^32 values);"
                            + " for " + c.dtype().id() + " narrow it with exhaustive(lo,hi) or sample it with binades(lo,hi)");
                }
                return true;
            }
        }
        return false;
    }

    /**
     * The number of values, also past a long (all of float64 has 2^64): counts too large for a long
     * are all powers of two or ranges near them, written 2^k when they are one.
     */
    private static String exactCount(ExhaustiveDomain e, DType dtype) {
        BigInteger n = BigInteger.valueOf(e.lastOrdinal(dtype)).subtract(BigInteger.valueOf(e.firstOrdinal(dtype)))
                .add(BigInteger.ONE);
        boolean large = n.bitLength() > 63;
        return large && n.bitCount() == 1 ? "2^" + (n.bitLength() - 1) : n.toString();
    }

    /**
     * A domain of fixed length that holds no value of the dtype (an exhaustive range between two
     * neighbouring values of it, an empty file) would leave the case with nothing to compute, which
     * surfaces later as an internal error far from its cause.
     */
    private static void checkNotEmpty(List<InputDomain> domains, DType dtype) {
        for (InputDomain d : domains) {
            if (d.fixedLength(dtype) == 0) {
                throw new IllegalArgumentException("'" + d.expression() + "' holds no value of " + dtype.id()
                        + (d instanceof ExhaustiveDomain ? " (none lies between its bounds); widen the range"
                                : "; give it at least one value"));
            }
        }
    }

    private static void checkMemory(Op op, DType dtype, int length, long maxHeapBytes) {
        long needed = (long) length * (8L * op.arity() + BYTES_PER_ELEMENT);
        if (needed > maxHeapBytes) {
            throw new IllegalArgumentException(length + " values of " + dtype.id() + " per operand need about "
                    + mib(needed) + " MiB of heap, but this JVM may use at most " + mib(maxHeapBytes)
                    + " MiB; lower <size> or give Maven more heap (e.g. MAVEN_OPTS=-Xmx" + (needed / (1L << 30) + 2) + "g)");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1L << 20) - 1) >> 20;
    }

    private static String exampleInputs(Op op) {
        return op.arity() == 1 ? "uniform(-1,1)" : "uniform(-1,1);uniform(-1,1)";
    }

    /** The op's name, then op-2, op-3 for further cases of the same op, skipping ids taken explicitly. */
    private static String deriveId(Op op, Set<String> explicitIds, Map<String, Integer> derivedCount) {
        while (true) {
            int n = derivedCount.merge(op.id(), 1, Integer::sum);
            String candidate = n == 1 ? op.id() : op.id() + "-" + n;
            if (!explicitIds.contains(candidate)) {
                return candidate;
            }
        }
    }
}
