package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a shard swept of one exhaustive sweep, beyond the case result it wrote: its range of the
 * inputs, and the exact sums and counts behind the figures the case result rounds (means, shares),
 * so that merge gives the whole sweep's result exactly as one machine sweeping everything would.
 *
 * @param label the case ({@code id/dtype})
 * @param from the part's first input, counted from the sweep's first value (as a worst input's index)
 * @param to one past the part's last input
 * @param total inputs of the whole sweep
 * @param worstKept how many worst results each backend keeps, to cut the merged list as one run would
 * @param backends per backend that swept the whole part: its exact sums
 * @param agreement per pair of backends that both swept the whole part: its counts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepPart(String label, long from, long to, long total, int worstKept, List<BackendSums> backends,
        List<PairCounts> agreement) {

    /**
     * @param sumUlp the exact sum of the defined ulp errors, as a decimal (a sum of doubles has a finite one)
     * @param binades the exact sum per binade that holds an input, in the order of the result's binades
     */
    public record BackendSums(String backend, String sumUlp, List<BinadeSum> binades) {
    }

    /** @param exponent the binade's exponent; null for the inputs in no binade (±0, ±Infinity, NaN) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BinadeSum(Integer exponent, String sumUlp) {
    }

    /** @param count results compared; @param identical those with the same bits */
    public record PairCounts(String a, String b, long count, long identical) {
    }
}
