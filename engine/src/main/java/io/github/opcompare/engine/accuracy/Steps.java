package io.github.opcompare.engine.accuracy;

import io.github.opcompare.worker.dtype.DType;

/**
 * Distance between two values counted in representable values of a dtype: 0 when equal (-0 and +0
 * are the same point), 1 between neighbours, Infinity one step past the largest finite value.
 * Works on the ordered integer encoding of the format, where consecutive values differ by one.
 */
public final class Steps {
    /** Returned when either value is NaN: the distance is undefined. */
    public static final long UNDEFINED = -1;

    private Steps() {
    }

    /** Representable values of the dtype between a and b (both values of the dtype); saturates at Long.MAX_VALUE. */
    public static long between(double a, double b, DType dtype) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return UNDEFINED;
        }
        long oa = ordinal(a, dtype);
        long ob = ordinal(b, dtype);
        long d = oa - ob;
        // Opposite signs far apart can overflow a long in float64; such distances saturate.
        if (((oa ^ ob) & (oa ^ d)) < 0) {
            return Long.MAX_VALUE;
        }
        return Math.abs(d);
    }

    /** Position of x among the dtype's values, with +0 and -0 both at 0. */
    static long ordinal(double x, DType dtype) {
        if (dtype == DType.FLOAT32) {
            int bits = Float.floatToRawIntBits((float) x);
            return bits >= 0 ? bits : -(long) (bits & 0x7fffffff);
        }
        if (dtype == DType.FLOAT64) {
            long bits = Double.doubleToRawLongBits(x);
            return bits >= 0 ? bits : -(bits & Long.MAX_VALUE);
        }
        long bits = dtype.encode(x);
        long sign = 1L << (dtype.bytes() * 8 - 1);
        return (bits & sign) == 0 ? bits : -(bits & (sign - 1));
    }
}
