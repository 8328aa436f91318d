package io.github.opcompare.engine.reference;

/**
 * The first, fast pass for transcendental functions: double-double evaluations for finite
 * arguments outside the special cases (which {@link ElementaryReference} settles first).
 *
 * <p>Error budget (u = 2^-53; each double-double operation below 15u² ≈ 2^-102): exp reduces with
 * k*ln2 to an absolute error below 1500 * 2^-105 < 2^-94, evaluates expm1 on r/256 by 16 Taylor
 * terms and squares back 8 times (rounding errors doubling per step: < 2^9 * 2^-102 = 2^-93);
 * log takes one Newton step from StrictMath.log whose error is that of expm1; sin and cos reduce
 * exactly ({@link PayneHanek}) and sum Taylor series on |r| ≤ π/4 (≈ 30 operations); tanh combines
 * the above. Every result is therefore within 2^-88 relative; {@link #ERROR_BOUND} claims 2^-80
 * to leave a margin of 2^8 for what this accounting misses.
 */
final class DoubleDoubleMath {
    static final double ERROR_BOUND = 0x1p-80;
    private static final int HALVINGS = 8;
    private static final int TAYLOR_TERMS = 16;

    private DoubleDoubleMath() {
    }

    /** expm1(r) for |r| ≤ 0.5 with small relative error, also when r is tiny. */
    static DoubleDouble expm1Small(DoubleDouble r) {
        DoubleDouble h = r.scalb(-HALVINGS);
        // expm1(h) = h (1 + h/2 (1 + h/3 (1 + ...))), Horner from the deepest term.
        DoubleDouble p = DoubleDouble.ONE;
        for (int k = TAYLOR_TERMS; k >= 2; k--) {
            p = p.mul(h).div(k).add(1.0);
        }
        DoubleDouble e = p.mul(h);
        // expm1(2y) = expm1(y) * (expm1(y) + 2): squaring that keeps the relative error small near 0.
        for (int i = 0; i < HALVINGS; i++) {
            e = e.mul(e.add(2.0));
        }
        return e;
    }

    /** exp(x) = v * 2^scale for |x| < 1500. */
    static ExactValue exp(double x) {
        double k = Math.rint(x / Constants.LN2.hi());
        DoubleDouble r = DoubleDouble.of(x).sub(Constants.LN2.mul(k));
        DoubleDouble v = expm1Small(r).add(1.0);
        return ExactValue.of(v, (int) k);
    }

    /** log(x) for finite x > 0. */
    static DoubleDouble log(double x) {
        int e = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p64;
            e = -64;
        }
        int ex = Math.getExponent(x);
        double m = Math.scalb(x, -ex);
        e += ex;
        if (m > Math.sqrt(2)) {
            m /= 2;
            e += 1;
        }
        double y0 = StrictMath.log(m);
        // t = m * exp(-y0) - 1 = (m - 1) + m * expm1(-y0); m - 1 is exact (Sterbenz).
        DoubleDouble t = expm1Small(DoubleDouble.of(-y0)).mul(m).add(m - 1.0);
        // log(m) = y0 + log1p(t), with |t| near 2^-53 so t - t²/2 is all that matters.
        DoubleDouble logM = t.add(y0).add(-t.hi() * t.hi() / 2);
        return e == 0 ? logM : Constants.LN2.mul(e).add(logM);
    }

    /** sin(x) for finite x. */
    static DoubleDouble sin(double x) {
        PayneHanek.Reduced red = PayneHanek.reduce(Math.abs(x));
        DoubleDouble s = switch (red.quadrant()) {
            case 0 -> sinTaylor(red.r());
            case 1 -> cosTaylor(red.r());
            case 2 -> sinTaylor(red.r()).negate();
            default -> cosTaylor(red.r()).negate();
        };
        return x < 0 ? s.negate() : s;
    }

    /** cos(x) for finite x. */
    static DoubleDouble cos(double x) {
        PayneHanek.Reduced red = PayneHanek.reduce(Math.abs(x));
        return switch (red.quadrant()) {
            case 0 -> cosTaylor(red.r());
            case 1 -> sinTaylor(red.r()).negate();
            case 2 -> cosTaylor(red.r()).negate();
            default -> sinTaylor(red.r());
        };
    }

    /** tanh(x) for finite x with |x| ≤ 40 (beyond, tanh is 1 - 2e^-2|x| to far below any rounding). */
    static DoubleDouble tanh(double x) {
        double a = Math.abs(x);
        DoubleDouble t;
        if (a < 0.25) {
            // tanh = e / (e + 2) with e = expm1(2a): no cancellation for small a.
            DoubleDouble e = expm1Small(DoubleDouble.of(2 * a));
            t = e.div(e.add(2.0));
        } else {
            ExactValue ev = exp(2 * a);
            DoubleDouble big = new DoubleDouble(ev.hi(), ev.lo()).scalb(ev.scale());
            t = DoubleDouble.ONE.sub(DoubleDouble.of(2.0).div(big.add(1.0)));
        }
        return x < 0 ? t.negate() : t;
    }

    /** sin(r) = r (1 - r²/(2·3) (1 - r²/(4·5) (1 - ...))) for |r| ≤ π/4: 28 orders reach 2^-110. */
    static DoubleDouble sinTaylor(DoubleDouble r) {
        DoubleDouble r2 = r.mul(r);
        DoubleDouble p = DoubleDouble.ONE;
        for (int k = 28; k >= 2; k -= 2) {
            p = DoubleDouble.ONE.sub(p.mul(r2).div((double) k * (k + 1)));
        }
        return p.mul(r);
    }

    /** cos(r) = 1 - r²/(1·2) (1 - r²/(3·4) (1 - ...)) for |r| ≤ π/4. */
    static DoubleDouble cosTaylor(DoubleDouble r) {
        DoubleDouble r2 = r.mul(r);
        DoubleDouble p = DoubleDouble.ONE;
        for (int k = 29; k >= 1; k -= 2) {
            p = DoubleDouble.ONE.sub(p.mul(r2).div((double) k * (k + 1)));
        }
        return p;
    }
}
