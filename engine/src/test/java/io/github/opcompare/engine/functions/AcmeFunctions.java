package io.github.opcompare.engine.functions;

/** A project's functions, as the validation finds them on the project's classpath. */
public final class AcmeFunctions {
    private AcmeFunctions() {
    }

    public static float exp(float x) {
        return (float) Math.exp(x);
    }

    public static void exp(double[] in, double[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = Math.exp(in[i]);
        }
    }

    public static double tanh(double x) {
        return Math.tanh(x);
    }

    public float log(float x) {
        return (float) Math.log(x);
    }
}
