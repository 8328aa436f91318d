package com.acme.math;

/** A tanh kept in the test classes: 1 - 2 / (e^2x + 1), which cancels badly near 0. */
final class Activations {
    private Activations() {
    }

    static float tanh(float x) {
        return 1 - 2 / (FastExp.exp(2 * x) + 1);
    }
}
