package io.github.opcompare.engine.reference;

/**
 * How the exact reference trades speed for certainty. The defaults are what the engine uses; tests
 * lower the trust in the fast passes to force the escalation paths.
 *
 * @param fastPassUlps safety factor on each op's error bound in the first pass (double precision,
 *     for float32, bfloat16 and float16), 2 unless told otherwise; 0 skips the pass. The bounds,
 *     before this factor, are in {@link FastPass#ulps}: Math's specified bound for the functions
 *     taken from StrictMath (1 ulp for most, 2 for atan2, 2.5 for sinh and cosh) and for exp, log,
 *     sin, cos and tan, which {@link CheckedIntrinsics} takes from Math only where Math meets it on
 *     the running JVM's probes; FastPass's derived bounds for its own formulas (4 to 8 ulps). Each
 *     is tested by FastPassBoundsTest over the float32 domain and its hard regions
 * @param doubleDoubleError relative error bound claimed for the double-double pass: 2^-80, a margin of
 *     2^8 over the derivations in the DoubleDouble classes; {@link DoubleDoublePass} scales it per op
 *     (up to 8 times, and with 1 + |y log x| for pow). DoubleDoubleBoundsTest and
 *     DoubleDoubleInverseTest measure each op against apfloat in its hard regions
 * @param startDigits decimal digits of the first arbitrary-precision attempt; doubled on each retry
 * @param maxDigits digits at which to give up (only an exact midpoint, impossible for these
 *     transcendental functions at representable arguments, could get there)
 */
public record ReferenceSettings(double fastPassUlps, double doubleDoubleError, int startDigits, int maxDigits) {
    public static final ReferenceSettings DEFAULT = new ReferenceSettings(2, DoubleDoubleMath.ERROR_BOUND, 40, 20_000);
}
