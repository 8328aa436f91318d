package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error over the inputs of one binade: those whose first operand x has 2^e ≤ |x| < 2^(e+1)
 * (e counted below the normal range too, so subnormal inputs have binades of their own). Signs share
 * a binade: the question is how the error changes with magnitude.
 *
 * @param exponent e; null for the inputs that lie in no binade (±0, ±Infinity, NaN)
 * @param count inputs in the binade
 * @param maxUlp largest ulp error among them where it is defined; null when it is defined for none
 * @param meanUlp mean ulp error where it is defined; null when it is defined for none
 * @param undefined inputs of the binade whose ulp error is undefined
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BinadeError(Integer exponent, long count, Double maxUlp, Double meanUlp, long undefined) {
}
