package io.github.opcompare.worker.dtype;

/**
 * IEEE 754 binary16 conversions. Java 17 has no {@code Float.float16ToFloat}; every half value is
 * exactly a double, and a double rounds to half in one step (round to nearest, ties to even).
 */
public final class HalfBits {
    private HalfBits() {
    }

    /** The exact value of the half-precision bit pattern (low 16 bits of {@code bits}). */
    public static double toDouble(int bits) {
        int sign = (bits >>> 15) & 1;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        double magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24;
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = Math.scalb((double) (mantissa | 0x400), exponent - 25);
        }
        return sign == 1 ? -magnitude : magnitude;
    }

    /** The half-precision bit pattern nearest to {@code value} (ties to even; NaN becomes the quiet NaN 0x7e00). */
    public static int fromDouble(double value) {
        if (Double.isNaN(value)) {
            return 0x7e00;
        }
        int sign = (Double.doubleToRawLongBits(value) < 0) ? 0x8000 : 0;
        double abs = Math.abs(value);
        // 65520 is halfway between the largest half (65504) and the next step (65536): ties to even go up.
        if (abs >= 65520.0) {
            return sign | 0x7c00;
        }
        int e = Math.max(Math.getExponent(abs), -14);
        // The encoding is monotonic: (biased exponent << 10) + significand, so a carry out of the
        // significand rolls into the exponent, and subnormals are the significand alone.
        long n = (long) Math.rint(Math.scalb(abs, 10 - e));
        int bits = e == -14 ? (int) n : (int) (((e + 14L) << 10) + n);
        return sign | bits;
    }
}
