package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One case (an op on one dtype over its inputs) with every backend's result and the agreement
 * between each pair of backends.
 *
 * @param inputs the domain expression of each operand, as configured
 * @param size number of elements of each input
 * @param timeBudgetNanos the time budget for timing this case, over all backends and sizes
 * @param timingNanos the time the timing actually took, to check the budget was kept
 * @param devices each library's CPU backend against its GPU backend, where both ran the case; null
 *     when no library ran on both
 * @param values a few elements side by side with every backend's result: the first ones in input
 *     order, then the worst of each backend; null when not computed
 * @param specials the op's special inputs with the prescribed and each backend's result, and whether
 *     the reference and each backend got through them; null for ops without special inputs, for
 *     exhaustive sweeps, and for results written before they existed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResult(
        String id,
        String op,
        String dtype,
        List<String> inputs,
        long size,
        long seed,
        List<BackendResult> results,
        List<Agreement> agreement,
        Long timeBudgetNanos,
        Long timingNanos,
        List<DeviceComparison> devices,
        List<ValueRow> values,
        Specials specials) {

    /** A case without the side-by-side values and specials (results written before they existed, test fixtures). */
    public CaseResult(String id, String op, String dtype, List<String> inputs, long size, long seed,
            List<BackendResult> results, List<Agreement> agreement, Long timeBudgetNanos, Long timingNanos,
            List<DeviceComparison> devices) {
        this(id, op, dtype, inputs, size, seed, results, agreement, timeBudgetNanos, timingNanos, devices, null, null);
    }

    /** A case without specials (results written before they existed, test fixtures). */
    public CaseResult(String id, String op, String dtype, List<String> inputs, long size, long seed,
            List<BackendResult> results, List<Agreement> agreement, Long timeBudgetNanos, Long timingNanos,
            List<DeviceComparison> devices, List<ValueRow> values) {
        this(id, op, dtype, inputs, size, seed, results, agreement, timeBudgetNanos, timingNanos, devices, values, null);
    }

    /**
     * The case's name wherever one is shown or matched: {@code exp/float32}, the case id and the dtype.
     * Rules, baselines, the JUnit XML, the console and merges all key cases by it.
     */
    public String label() {
        return label(id, dtype);
    }

    /** The label of a case not run yet ({@code Results.missing}, progress lines): the same words as {@link #label()}. */
    public static String label(String id, String dtype) {
        return id + "/" + dtype;
    }

    /** The worst grade of the case's results (see {@link Grade#worstOf}). */
    public Grade grade() {
        return Grade.worstOf(results == null ? List.of() : results);
    }

    /**
     * How many of the special inputs the backend got wrong; null when the case has no specials. Only a
     * count of what was judged: whether that is every special input, {@link Specials#outcome} says.
     */
    public Long specialMismatches(String backend) {
        return specials == null ? null : specials.mismatches(backend);
    }
}
