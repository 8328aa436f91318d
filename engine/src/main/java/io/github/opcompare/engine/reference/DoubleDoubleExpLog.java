package io.github.opcompare.engine.reference;

/**
 * Double-double exp and log variants built on {@link DoubleDoubleMath}'s exp and log (each within
 * 2^-88, claimed 2^-80). Every function states its relative error bound; the derivations are in
 * the comments, with u = 2^-53 and double-double operations within 15u² ≈ 2^-102.
 */
final class DoubleDoubleExpLog {
    private DoubleDoubleExpLog() {
    }

    /**
     * e^t for a double-double t with |t| < 1500: e^hi * (1 + lo + lo²/2). |lo| ≤ 2^-53 * 1500 < 2^-42,
     * so the dropped lo³/6 is below 2^-127; the bound is exp's, 2^-80, plus a few u².
     */
    static ExactValue exp(DoubleDouble t) {
        ExactValue e = DoubleDoubleMath.exp(t.hi());
        double l = t.lo();
        DoubleDouble f = DoubleDouble.ONE.add(l).add(l * l / 2);
        return ExactValue.of(new DoubleDouble(e.hi(), e.lo()).mul(f), e.scale());
    }

    /**
     * 2^x for |x| < 1100 = e^(x ln 2): x ln 2 carries a relative error below 2^-104, an absolute one
     * below 745 * 2^-104 < 2^-94, which e^t turns into a relative one. Bound: 2^-80 + 2^-94 < 2^-79.
     */
    static ExactValue exp2(double x) {
        return exp(Constants.LN2.mul(x));
    }

    /**
     * e^x - 1 for -100 < x < 1500. |x| ≤ 1/2: expm1Small (2^-88). Otherwise e^x - 1, where the
     * subtraction amplifies exp's relative error by at most e^x/|e^x - 1| ≤ 2.6. Bound 2^-78.
     */
    static ExactValue expm1(double x) {
        if (Math.abs(x) <= 0.5) {
            return ExactValue.of(DoubleDoubleMath.expm1Small(DoubleDouble.of(x)), 0);
        }
        ExactValue e = DoubleDoubleMath.exp(x);
        if (e.scale() != 0) {
            return e; // e^x beyond 2^1000: the -1 is 2^-1000 relative, far below any rounding
        }
        return ExactValue.of(new DoubleDouble(e.hi(), e.lo()).add(-1.0), 0);
    }

    /** log2 x = log x * (1/ln 2): log's 2^-80, the product's 4u² and the constant's 2^-106. Bound 2^-79. */
    static DoubleDouble log2(double x) {
        return DoubleDoubleMath.log(x).mul(Constants.INV_LN2);
    }

    /** log10 x = log x * (1/ln 10), as {@link #log2}. Bound 2^-79. */
    static DoubleDouble log10(double x) {
        return DoubleDoubleMath.log(x).mul(Constants.INV_LN10);
    }

    /**
     * log(1 + x) for x > -1, finite, |x| ≥ 2^-500. For |x| ≤ 1/4 one Newton step from y0 =
     * StrictMath.log1p(x): t = (1 + x) e^-y0 - 1 = (1 + x) expm1(-y0) + x, computed without
     * cancellation since x is exact; log1p(x) = y0 + t - t²/2 with |t| ≈ 2^-52 |x|, so t³ is 2^-150
     * relative. expm1Small's 2^-88 becomes an absolute 2^-87 |x|, relative 2^-86 as |log1p x| ≥ 0.86|x|.
     * Otherwise log of the exact double-double 1 + x (|result| ≥ 0.22, no cancellation). Bound 2^-79.
     */
    static DoubleDouble log1p(double x) {
        DoubleDouble onePlusX = DoubleDouble.twoSum(1.0, x);
        if (Math.abs(x) > 0.25) {
            return log(onePlusX);
        }
        double y0 = StrictMath.log1p(x);
        DoubleDouble t = DoubleDoubleMath.expm1Small(DoubleDouble.of(-y0)).mul(onePlusX).add(x);
        return t.add(y0).add(-t.hi() * t.hi() / 2);
    }

    /**
     * log of a positive double-double v = hi + lo (hi normal): log hi + log1p(d) with d = lo/hi,
     * |d| ≤ 2^-53, so log1p(d) = d - d²/2 to 2^-159 relative. d is formed as a double-double (3u²)
     * so that v just above 1 keeps its relative precision. Where log hi and d nearly cancel (hi one
     * ulp from 1) the relative error grows at most fourfold: bound 2^-78.
     */
    static DoubleDouble log(DoubleDouble v) {
        DoubleDouble d = DoubleDouble.of(v.lo()).div(v.hi());
        DoubleDouble logHi = v.hi() == 1.0 ? DoubleDouble.ZERO : DoubleDoubleMath.log(v.hi());
        return logHi.add(d).add(-d.hi() * d.hi() / 2);
    }

    /**
     * log(1 + v) for a double-double v > -1 (|v| above 2^-900 or zero). |v| > 1/4: log of the pair
     * 1 + v (relative 3u², which log amplifies at most 1/log(5/4) ≈ 4.5 times; log's 2^-78).
     * |v| ≤ 1/4: as {@link #log1p(double)}, one Newton step from y0 = StrictMath.log1p(v.hi):
     * t = (1 + v) expm1(-y0) + v, log1p v = y0 + t - t²/2. The product is about -v, so expm1Small's
     * 2^-88 and the product's 4u² are an absolute (2^-88 + 2^-100)|v| in t, and |log1p v| ≥ 0.89|v|
     * here: relative 2^-87.7. v.lo moves log1p by at most 1.34 u|v| beyond the seed's 1 ulp, so
     * |t| ≤ 2^-50 |v| and t³/3 lies below 2^-150. (Taking the pair 1 + v instead would lose v.lo
     * below 2^-106 absolute: all of a small v's relative precision.) Bound 2^-78.
     */
    static DoubleDouble log1p(DoubleDouble v) {
        DoubleDouble onePlusV = DoubleDouble.twoSum(1.0, v.hi()).add(v.lo());
        if (Math.abs(v.hi()) > 0.25) {
            return log(onePlusV);
        }
        double y0 = StrictMath.log1p(v.hi());
        DoubleDouble t = DoubleDoubleMath.expm1Small(DoubleDouble.of(-y0)).mul(onePlusV).add(v);
        return t.add(y0).add(-t.hi() * t.hi() / 2);
    }
}
