package io.github.opcompare.engine.result;

/**
 * One bin of an ulp-error histogram: the results whose ulp error u lies in (lo, hi]; the first bin,
 * lo = hi = 0, holds the results with no error at all. Bins are fixed, so that histograms of
 * different backends, cases and machines line up: 0, (0, 0.5], (0.5, 1], (1, 2], (2, 4], … in powers
 * of two. Results with an undefined ulp error (NaN against a number, a finite value against an
 * infinite one) are in no bin; {@link Accuracy#undefinedUlp()} counts them.
 */
public record UlpBin(double lo, double hi, long count) {
}
