package io.github.opcompare.engine.reference;

/**
 * How the exact reference trades speed for certainty. The defaults are what the engine uses; tests
 * lower the trust in the fast passes to force the escalation paths.
 *
 * @param fastPassUlps safety factor on each op's error bound in the first pass (double precision,
 *     for float32, bfloat16 and float16): the bound is the Java specification's for Math and
 *     StrictMath (1 ulp for most), or FastPass's own derived one (6 ulps for its tanh), times this
 *     factor (2 unless told otherwise). 0 skips the pass
 * @param doubleDoubleError relative error bound claimed for the double-double pass
 * @param startDigits decimal digits of the first arbitrary-precision attempt; doubled on each retry
 * @param maxDigits digits at which to give up (only an exact midpoint, impossible for these
 *     transcendental functions at representable arguments, could get there)
 */
public record ReferenceSettings(double fastPassUlps, double doubleDoubleError, int startDigits, int maxDigits) {
    public static final ReferenceSettings DEFAULT = new ReferenceSettings(2, DoubleDoubleMath.ERROR_BOUND, 40, 20_000);
}
