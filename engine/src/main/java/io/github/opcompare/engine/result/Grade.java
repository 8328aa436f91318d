package io.github.opcompare.engine.result;

import java.util.Locale;

/**
 * How good a result is, in one word every view shares: the HTML report colours by it, and anything
 * that summarises results (a case, a whole run) takes the worst of its results' grades.
 *
 * <ul>
 * <li>{@link #EXACT}: every output equals the correctly rounded value (within 0.5 ulp).</li>
 * <li>{@link #CLOSE}: not correctly rounded everywhere, but within {@value #CLOSE_ULP} ulp everywhere.</li>
 * <li>{@link #FAR}: beyond {@value #CLOSE_ULP} ulp somewhere, or an output whose ulp error is undefined
 *     (NaN or ∞ where the exact value is a number, or the reverse).</li>
 * <li>{@link #NONE}: no number to judge: skipped, unsupported, timed only, not run.</li>
 * <li>{@link #FAILED}: the backend failed.</li>
 * </ul>
 *
 * The constants are declared from least to most severe, so that {@link #worse} is an order: a failure
 * outweighs a correctly rounded or close result (something is broken), but a result far from exact
 * outweighs a failure (it is wrong where it did answer, the worse news for a reader choosing a backend).
 */
public enum Grade {
    NONE, EXACT, CLOSE, FAILED, FAR;

    /**
     * Largest max ulp error (and, between two backends, largest distance in representable values) still
     * graded {@link #CLOSE} rather than {@link #FAR}: a few ulp is what a careful vectorised libm gives up
     * for speed; more is a different algorithm or a bug.
     */
    public static final double CLOSE_ULP = 4;

    /** The grade of an accuracy: undefined ulp error is {@link #FAR}, as it is worse than any number. */
    public static Grade of(Accuracy a) {
        if (!a.ulpErrorDefined()) {
            return FAR;
        }
        if (a.notCorrectlyRounded() == 0 && a.correctlyRounded() >= 1) {
            return EXACT;
        }
        return a.maxUlp() <= CLOSE_ULP ? CLOSE : FAR;
    }

    /**
     * The grade of one backend's result: {@link #FAILED} when it failed (or has a status this version
     * does not know, which is not something to call ok), {@link #NONE} when it did not run, does not
     * support the op or was only timed, else the grade of its accuracy. Null (no result) is {@link #NONE}.
     */
    public static Grade of(BackendResult r) {
        if (r == null) {
            return NONE;
        }
        Status status = Status.of(r.status());
        if (status == Status.FAILED) {
            return FAILED;
        }
        if (status != Status.OK || r.accuracy() == null) {
            return NONE;
        }
        return of(r.accuracy());
    }

    /**
     * How closely two backends agree: {@link #EXACT} when bit-identical everywhere, {@link #CLOSE} within
     * {@value #CLOSE_ULP} representable values of each other, else (or NaN against a number) {@link #FAR}.
     */
    public static Grade of(Agreement g) {
        if (g.identical() >= 1) {
            return EXACT;
        }
        return g.maxSteps() != null && g.maxSteps() <= CLOSE_ULP ? CLOSE : FAR;
    }

    /** The worst grade of some results, {@link #NONE} for none: a case's, or a whole run's. */
    public static Grade worstOf(Iterable<BackendResult> results) {
        Grade worst = NONE;
        for (BackendResult r : results) {
            worst = worst.worse(of(r));
        }
        return worst;
    }

    /** The more severe of this grade and another (see the order of the constants). */
    public Grade worse(Grade other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** {@code exact}, {@code close}, {@code far}, {@code none}, {@code failed}: the word the report's CSS classes use. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
