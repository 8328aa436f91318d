package io.github.opcompare.engine.reference;

/**
 * An unevaluated sum hi + lo of two doubles with |lo| ≤ ulp(hi)/2: about 106 bits of precision.
 *
 * <p>The algorithms are those analysed by Joldes, Muller and Popescu ("Tight and rigorous error
 * bounds for basic building blocks of double-word arithmetic", ACM TOMS 2017); with u = 2^-53 the
 * relative error of {@link #add(DoubleDouble)} is below 3u², {@link #mul(DoubleDouble)} below 4u²,
 * {@link #div(DoubleDouble)} below 15u², and the double-operand variants below 2u² (mul) and 3u²
 * (div). The function evaluations built on them keep a budget well inside the 2^-80 they claim.
 */
public record DoubleDouble(double hi, double lo) {
    public static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
    public static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);

    public static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0.0);
    }

    /** Exact sum of two doubles as a normalized pair (Knuth's TwoSum, no precondition). */
    public static DoubleDouble twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, err);
    }

    /** Exact sum when |a| ≥ |b| or a = 0 (Dekker's FastTwoSum). */
    static DoubleDouble fastTwoSum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /** Exact product of two doubles, when it neither overflows nor underflows (fma-based TwoProduct). */
    public static DoubleDouble twoProduct(double a, double b) {
        double p = a * b;
        return new DoubleDouble(p, Math.fma(a, b, -p));
    }

    public double value() {
        return hi + lo;
    }

    public DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    /** Multiplication by 2^n; exact while no part leaves the normal range. */
    public DoubleDouble scalb(int n) {
        return new DoubleDouble(Math.scalb(hi, n), Math.scalb(lo, n));
    }

    public DoubleDouble add(DoubleDouble y) {
        DoubleDouble s = twoSum(hi, y.hi);
        DoubleDouble t = twoSum(lo, y.lo);
        double c = s.lo + t.hi;
        DoubleDouble v = fastTwoSum(s.hi, c);
        double w = t.lo + v.lo;
        return fastTwoSum(v.hi, w);
    }

    public DoubleDouble add(double y) {
        DoubleDouble s = twoSum(hi, y);
        double v = lo + s.lo;
        return fastTwoSum(s.hi, v);
    }

    public DoubleDouble sub(DoubleDouble y) {
        return add(y.negate());
    }

    public DoubleDouble mul(DoubleDouble y) {
        double ch = hi * y.hi;
        double cl1 = Math.fma(hi, y.hi, -ch);
        double tl0 = lo * y.lo;
        double tl1 = Math.fma(hi, y.lo, tl0);
        double cl2 = Math.fma(lo, y.hi, tl1);
        return fastTwoSum(ch, cl1 + cl2);
    }

    public DoubleDouble mul(double y) {
        double ch = hi * y;
        double cl1 = Math.fma(hi, y, -ch);
        double cl3 = Math.fma(lo, y, cl1);
        return fastTwoSum(ch, cl3);
    }

    public DoubleDouble div(DoubleDouble y) {
        double th = hi / y.hi;
        DoubleDouble r = y.mul(th);
        double ph = hi - r.hi;
        double dl = lo - r.lo;
        double d = ph + dl;
        return fastTwoSum(th, d / y.hi);
    }

    /**
     * √(hi + lo) for a positive pair in the normal range: s = √hi (correctly rounded), then one Newton
     * correction s + R/(2s) with the residual R = (hi + lo) - s². s² = p + e exactly (fma), hi - p is
     * exact (Sterbenz: p is within an ulp of hi), |hi - s²| ≤ 2.01u hi and |lo| ≤ u hi, so the two
     * remaining additions round by at most u (4.01u + 3.01u) v ≈ 7u² v, which the division by 2s
     * turns into 3.5u² √v; the quotient's own rounding adds 1.51u² √v and the dropped Newton term
     * R²/(8s³) 1.14u² √v. Relative error below 7u², plus half the relative error of the argument.
     */
    public DoubleDouble sqrt() {
        double s = Math.sqrt(hi);
        double p = s * s;
        double e = Math.fma(s, s, -p);
        double r = ((hi - p) - e) + lo;
        return fastTwoSum(s, r / (2 * s));
    }

    public DoubleDouble div(double y) {
        double th = hi / y;
        DoubleDouble p = twoProduct(th, y);
        double dh = hi - p.hi;
        double dt = dh - p.lo;
        double d = dt + lo;
        return fastTwoSum(th, d / y);
    }
}
