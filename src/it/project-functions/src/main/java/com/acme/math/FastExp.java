package com.acme.math;

/**
 * A fast float exp as projects write them, deliberately a little imperfect: e^x = 2^k * e^r with
 * k = round(x / ln 2), r = x - k ln 2 in float (ln 2 in one float constant, so r loses bits for
 * large k), and a degree-6 Taylor polynomial for e^r.
 */
public final class FastExp {
    private static final float LOG2E = 1.44269504f;
    private static final float LN2 = 0.693147181f;

    private FastExp() {
    }

    public static float exp(float x) {
        float k = Math.round(x * LOG2E);
        float r = x - k * LN2;
        float p = 1 + r * (1 + r * (1f / 2 + r * (1f / 6 + r * (1f / 24 + r * (1f / 120 + r * (1f / 720))))));
        return Math.scalb(p, (int) k);
    }

    /** The array form: what the project calls in its loops, and what opcompare times. */
    public static void exp(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = exp(in[i]);
        }
    }
}
