package io.github.opcompare.worker.functions;

/**
 * A project's functions as they might be written, one per form, for the conformance kit: the kit
 * checks the plumbing (operand order, whole vectors, failures, timing, release), not the math.
 */
public final class ConformanceFunctions {
    private ConformanceFunctions() {
    }

    public static void add(float[] a, float[] b, float[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
    }

    public static void add(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
    }

    public static float maximum(float a, float b) {
        return Math.max(a, b);
    }

    public static double maximum(double a, double b) {
        return Math.max(a, b);
    }

    public static float atan2(float y, float x) {
        return (float) StrictMath.atan2(y, x);
    }

    public static double atan2(double y, double x) {
        return StrictMath.atan2(y, x);
    }

    public static float[] pow(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) StrictMath.pow(a[i], b[i]);
        }
        return out;
    }

    public static double mod(double a, double b) {
        return a % b;
    }

    public static double exp(double x) {
        return StrictMath.exp(x);
    }

    public static float neg(float x) {
        return -x;
    }

    public static double neg(double x) {
        return -x;
    }

    public static double reduceSum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
