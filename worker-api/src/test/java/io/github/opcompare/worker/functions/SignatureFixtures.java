package io.github.opcompare.worker.functions;

/** Methods of every kind a project might name, for the signature lookup and calls. */
final class SignatureFixtures {
    private SignatureFixtures() {
    }

    static float twice(float x) {
        return 2 * x;
    }

    static double twice(double x) {
        return 2 * x;
    }

    /** Both forms: the array form must be chosen. It adds 1 so that the test can tell which ran. */
    static float both(float x) {
        return x;
    }

    static void both(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] + 1;
        }
    }

    static double[] halves(double[] in) {
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] / 2;
        }
        return out;
    }

    static double[] tooShort(double[] in) {
        return new double[1];
    }

    float notStatic(float x) {
        return x;
    }

    static float withInt(float x, int n) {
        return x * n;
    }

    static float sum(float[] x) {
        float s = 0;
        for (float v : x) {
            s += v;
        }
        return s;
    }

    static double difference(double a, double b) {
        return a - b;
    }

    static float boom(float x) {
        if (x < 0) {
            throw new IllegalStateException("negative input " + x);
        }
        return x;
    }
}
