package io.github.opcompare.engine.reference;

/**
 * The double-double evaluations of exp, expm1, log, sin and cos for finite arguments outside the
 * special cases (which {@link ElementaryReference} settles first), table-driven, and tanh built on
 * them. Each function's relative error is derived in its comment, with u = 2^-53, the double-double
 * operations within their bounds of Joldes, Muller and Popescu ({@link DoubleDouble}: 2u² for a
 * double-double plus or times a double, 3u² for the sum and 4u² for the product of two) and the
 * table entries within 2^-106 ({@link DoubleDoubleTables}). Every one stays below 2^-94;
 * {@link #ERROR_BOUND} claims 2^-80, as the Taylor-series evaluations this replaced did against
 * their 2^-88, leaving a margin of 2^8 (2^14 now) for what the accounting misses.
 * DoubleDoubleKernelsTest measures each against apfloat, bounds and roundings.
 */
final class DoubleDoubleMath {
    static final double ERROR_BOUND = 0x1p-80;
    private static final double INV_LN2_64 = 64 / Math.log(2);

    // 1/k! for k = 6..10 and 1/k for k = 7..12 as doubles: the tails that run in double precision.
    private static final double F6 = 1.0 / 720;
    private static final double F7 = 1.0 / 5040;
    private static final double F8 = 1.0 / 40320;
    private static final double F9 = 1.0 / 362880;
    private static final double F10 = 1.0 / 3628800;
    private static final double F11 = 1.0 / 39916800;

    private DoubleDoubleMath() {
    }

    /**
     * e^r - 1 for a double-double |r| ≤ 2^-7.5 (what the reduction by ln2/64 leaves), with small
     * relative error: r + r² S, S = 1/2 + r (1/6 + r (1/24 + r (1/120 + r U))), U = 1/6! + r/7! + ...
     * + r^4/10! in double on r's high part. Truncation: Σ_{k≥11} |r|^k/k! < 2^-82.5/11! < 2^-107 |r|.
     * U: |U| ≤ 1/720 · 1.01, its five rounded coefficients and eight operations within 13u |U| <
     * 2^-49 |U| < 2^-58.5, times r^6: below 2^-96 |r| (dropping r.lo in U changes it by 2^-60 |U|). S: four
     * products (4u²) and three sums (3u², constants 2^-106), each intermediate dominated by its
     * constant term, relative 2^-100; r² S ≤ 2^-8.4 |r|, so this and the two products forming r² S
     * add below 2^-106 |r|; the last sum 3u². Relative error below 2^-95.8.
     */
    private static void expm1Kernel(double rh, double rl, DoubleDoubleAccumulator out) {
        double u = F6 + rh * (F7 + rh * (F8 + rh * (F9 + rh * F10)));
        out.set(rh, rl).mul(u).add(DoubleDoubleTables.INV_FACT_5.hi(), DoubleDoubleTables.INV_FACT_5.lo())
                .mul(rh, rl).add(DoubleDoubleTables.INV_FACT_4.hi(), DoubleDoubleTables.INV_FACT_4.lo())
                .mul(rh, rl).add(DoubleDoubleTables.INV_FACT_3.hi(), DoubleDoubleTables.INV_FACT_3.lo())
                .mul(rh, rl).add(0.5)
                .mul(rh, rl).mul(rh, rl).add(rh, rl);
    }

    /**
     * (xh + xl) - k ln2/64 for k = rint(xh 64/ln2), |k| < 2^18 (|xh| < 1500). ln2/64 = C1 + C2 + C3
     * + δ, C1 and C2 of 35 bits, |δ| < 2^-128: k C1 and k C2 are exact (18 + 35 bits). For k ≠ 0,
     * |xh| ≥ ln2/128 > 2^-8, so xh is a multiple of 2^-60, as is k C1 (a multiple of 2^-41), and
     * |xh - k C1| ≤ ln2/128 (1 + 2^-35) + 2^18 · 2^-41 < 2^-7: a multiple of 2^-60 below 2^-7 is a
     * double, the difference is exact. Minus k C2: an exact pair (TwoSum); minus the exact pair k C3
     * (TwoProduct): 3u² of the result; plus xl: 2u²; k δ < 2^-111 absolute. The result, |r| ≤
     * ln2/128 (1 + 2^-35) + 2^-52 < 2^-7.5, is within 5u² |r| + 2^-111.
     */
    private static void reduceLn2Over64(double xh, double xl, double k, DoubleDoubleAccumulator out) {
        double t = xh - k * DoubleDoubleTables.Exp.LN2_64_1;
        double b = -k * DoubleDoubleTables.Exp.LN2_64_2;
        double ph = -k * DoubleDoubleTables.Exp.LN2_64_3;
        double pl = Math.fma(-k, DoubleDoubleTables.Exp.LN2_64_3, -ph);
        out.setTwoSum(t, b).add(ph, pl);
        if (xl != 0) {
            out.add(xl);
        }
    }

    /**
     * expm1(r) for a double-double |r| ≤ 1, with small relative error also when r is tiny. With k =
     * rint(r.hi 64/ln2): k = 0 is {@link #expm1Kernel} on r itself (2^-95.8). Otherwise, with ρ = r - k
     * ln2/64 (within 5u² |ρ| + 2^-111) and T = 2^(k/64), e^r - 1 = (T - 1) + T expm1(ρ): T - 1 is
     * within 2u² of itself plus T's 2^-106 T ≤ 2^-104.5 absolute; T expm1(ρ) within 2^-95 of itself
     * (|ρ|, |expm1 ρ| ≤ 2^-7.4, so its absolute error, with ρ's, stays below 2^-103); the sum 3u².
     * |e^r - 1| ≥ 1 - e^(-ln2/128) > 2^-7.6 as |r| ≥ ln2/128 here, so the absolute errors, below
     * 2^-103.5 together, are 2^-95.9 relative. Relative error below 2^-95.
     */
    static DoubleDouble expm1Small(DoubleDouble r) {
        DoubleDoubleAccumulator a = new DoubleDoubleAccumulator();
        double k = Math.rint(r.hi() * INV_LN2_64);
        if (k == 0) {
            expm1Kernel(r.hi(), r.lo(), a);
            return a.toDoubleDouble();
        }
        reduceLn2Over64(r.hi(), r.lo(), k, a);
        expm1Kernel(a.hi, a.lo, a);
        // 2^(k/64) = 2^m 2^(j/64), k = 64m + j, |m| ≤ 2: exact scaling of the table's entry.
        int j = (int) k & 63;
        int m = (int) k >> 6;
        double th = Math.scalb(DoubleDoubleTables.Exp.EXP2_HI[j], m);
        double tl = Math.scalb(DoubleDoubleTables.Exp.EXP2_LO[j], m);
        a.mul(th, tl);
        DoubleDoubleAccumulator tMinusOne = new DoubleDoubleAccumulator().set(th, tl).add(-1.0);
        return a.add(tMinusOne.hi, tMinusOne.lo).toDoubleDouble();
    }

    /**
     * exp(x) = v * 2^scale for |x| < 1500: e^x = 2^m 2^(j/64) e^ρ with k = rint(x 64/ln2) = 64m + j and
     * ρ = x - k ln2/64 ({@link #reduceLn2Over64}: |ρ| < 2^-7.5, within 5u² |ρ| + 2^-111). e^ρ = 1 +
     * expm1(ρ): expm1Kernel's 2^-95.8 |ρ| < 2^-103.3, ρ's error 2^-110.6, the sum 2u²; the table entry
     * 2^-106 and the product 4u². Relative error below 2^-101.
     */
    static ExactValue exp(double x) {
        DoubleDoubleAccumulator a = new DoubleDoubleAccumulator();
        int scale = expInto(x, a);
        return ExactValue.normalized(a.hi, a.lo, scale);
    }

    /** {@link #exp}: e^x = out * 2^(returned scale). */
    private static int expInto(double x, DoubleDoubleAccumulator out) {
        double k = Math.rint(x * INV_LN2_64);
        if (k == 0) {
            expm1Kernel(x, 0, out);
        } else {
            reduceLn2Over64(x, 0, k, out);
            expm1Kernel(out.hi, out.lo, out);
        }
        int ki = (int) k;
        out.add(1.0).mul(DoubleDoubleTables.Exp.EXP2_HI[ki & 63], DoubleDoubleTables.Exp.EXP2_LO[ki & 63]);
        return ki >> 6;
    }

    /**
     * log(x) for finite x > 0. x = 2^e m with m in [1/√2, √2]; i = rint(256/m), c = i/256, so that
     * |1/m - c| ≤ 2^-9 (1 + 2^-40) and z = m c - 1 has |z| ≤ √2 2^-9 (1 + 2^-40) < 2^-8.49. z is
     * exact: m c = p + q (fma), p - 1 is exact (Sterbenz, |p - 1| < 2^-8), and TwoSum(p - 1, q)
     * forms the exact pair. log x = e ln2 - log c + log1p(z), -log c from the table (zero for i = 256,
     * where z = m - 1 and the result keeps z's relative precision). log1p(z) = z + z² Q with
     * Q = -1/2 + z (1/3 + z (-1/4 + z (1/5 + z (-1/6 + z R)))), R = 1/7 - z/8 + ... - z^5/12 in double:
     * truncation |z|^12/13/(1 - |z|) < 2^-105.4 |z|; R (six rounded coefficients,
     * ten operations) within 16u |R| = 2^-49 |R| < 2^-51.8, times |z|^7: 2^-102.7 |z|;
     * the five double-double steps of Q relative 2^-100, and z² Q < 2^-9.4 |z|: log1p(z) within
     * 2^-102 |z|. For i ≠ 256, |log m| ≥ log(1 + 2^-9) > 2^-9.01: the errors of log1p (2^-110.5
     * absolute), of the table (2^-107.5) and the sum (3u²) make 2^-98 relative. For e ≠ 0,
     * |e ln2 + log m| ≥ |e| ln2 - ln√2 ≥ |e ln2|/2: ln2 (2^-106), the product (2u²) and log m
     * (2^-98) at most double in the sum (3u²). Relative error below 2^-96.
     */
    static DoubleDouble log(double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            // Outside the domain (callers pass such arguments only where the decision then fails and escalates).
            return new DoubleDouble(StrictMath.log(x), 0.0);
        }
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
        double i = Math.rint(256 / m);
        double c = i / 256;
        double p = m * c;
        double pm1 = p - 1.0;
        double q = Math.fma(m, c, -p);
        // z = TwoSum(p - 1, q), exact; the kernel reads it before it overwrites a.
        DoubleDoubleAccumulator a = new DoubleDoubleAccumulator().setTwoSum(pm1, q);
        log1pKernel(a.hi, a.lo, a);
        if (i != 256) {
            int at = (int) i - DoubleDoubleTables.Log.LOG_FIRST;
            a.add(DoubleDoubleTables.Log.NEG_LOG_HI[at], DoubleDoubleTables.Log.NEG_LOG_LO[at]);
        }
        if (e != 0) {
            double logM = a.hi;
            double logMLo = a.lo;
            a.set(Constants.LN2).mul(e).add(logM, logMLo);
        }
        return a.toDoubleDouble();
    }

    /** log1p(z) for an exact double-double |z| < 2^-8.49 (the series and its bound: {@link #log}). */
    private static void log1pKernel(double zh, double zl, DoubleDoubleAccumulator out) {
        double r = 1.0 / 7 + zh * (-1.0 / 8 + zh * (1.0 / 9 + zh * (-1.0 / 10 + zh * (1.0 / 11 + zh * (-1.0 / 12)))));
        out.set(zh, zl).mul(r).add(-DoubleDoubleTables.SIXTH.hi(), -DoubleDoubleTables.SIXTH.lo())
                .mul(zh, zl).add(DoubleDoubleTables.FIFTH.hi(), DoubleDoubleTables.FIFTH.lo())
                .mul(zh, zl).add(-0.25)
                .mul(zh, zl).add(DoubleDoubleTables.THIRD.hi(), DoubleDoubleTables.THIRD.lo())
                .mul(zh, zl).add(-0.5)
                .mul(zh, zl).mul(zh, zl).add(zh, zl);
    }

    /** sin(x) for finite x. */
    static DoubleDouble sin(double x) {
        DoubleDoubleAccumulator a = new DoubleDoubleAccumulator();
        int quadrant = TrigReduction.reduce(Math.abs(x), a);
        if ((quadrant & 1) == 0) {
            sinReduced(a.hi, a.lo, a);
        } else {
            cosReduced(a.hi, a.lo, a);
        }
        // sin|x| by quadrant: sin r, cos r, -sin r, -cos r; sin x = -sin|x| for x < 0.
        if ((quadrant >= 2) != (x < 0)) {
            a.negate();
        }
        return a.toDoubleDouble();
    }

    /** cos(x) for finite x. */
    static DoubleDouble cos(double x) {
        DoubleDoubleAccumulator a = new DoubleDoubleAccumulator();
        int quadrant = TrigReduction.reduce(Math.abs(x), a);
        if ((quadrant & 1) == 0) {
            cosReduced(a.hi, a.lo, a);
        } else {
            sinReduced(a.hi, a.lo, a);
        }
        // cos r, -sin r, -cos r, sin r.
        if (quadrant == 1 || quadrant == 2) {
            a.negate();
        }
        return a.toDoubleDouble();
    }

    /**
     * The table cell nearest |r| for {@link #sinReduced} and {@link #cosReduced}: returns i =
     * rint(64|r|) and sets {@code b} to |r| - i/64, exactly (|r|.hi - i/64 by Sterbenz for i ≥ 1,
     * then TwoSum with |r|.lo).
     */
    private static double nearestTableCell(double rh, double rl, DoubleDoubleAccumulator b) {
        double ah = Math.abs(rh);
        double al = rh < 0 ? -rl : rl;
        double i = Math.rint(ah * 64);
        b.setTwoSum(ah - i / 64, al);
        return i;
    }

    /**
     * sin r for |r| ≤ π/4 (1 + 2^-30). With i = rint(64|r|), a = i/64 and b = |r| - a (|b| ≤ 2^-7
     * (1 + 2^-40); |r|.hi - a is exact by Sterbenz for i ≥ 1, and TwoSum with r.lo forms b exactly):
     * sin |r| = sin a cos b + cos a sin b. For i = 0 it is sin b alone (2^-100 relative). Otherwise
     * |sin a cos b| + |cos a sin b| ≤ sin a + sin 2^-7 ≤ 3 sin(a - 2^-7) ≤ 3 |sin r|: the errors of
     * the two terms (table 2^-106, kernels 2^-100, products 4u², relative to each term) and the sum
     * (3u²) make below 2^-97.5 relative.
     */
    private static void sinReduced(double rh, double rl, DoubleDoubleAccumulator out) {
        boolean negative = rh < 0;
        double i = nearestTableCell(rh, rl, out);
        double bh = out.hi;
        double bl = out.lo;
        sinSmall(bh, bl, out);
        if (i != 0) {
            int at = (int) i;
            DoubleDoubleAccumulator c = new DoubleDoubleAccumulator();
            cosSmall(bh, bl, c);
            c.mul(DoubleDoubleTables.SinCos.SIN_HI[at], DoubleDoubleTables.SinCos.SIN_LO[at]);
            out.mul(DoubleDoubleTables.SinCos.COS_HI[at], DoubleDoubleTables.SinCos.COS_LO[at]).add(c.hi, c.lo);
        }
        if (negative) {
            out.negate();
        }
    }

    /**
     * cos r for |r| ≤ π/4 (1 + 2^-30), with a and b as in {@link #sinReduced}: cos a cos b - sin a
     * sin b, whose terms sum to at most cos a + sin(a) 2^-7 < 1.01 while cos r > 0.7: the terms'
     * errors (2^-100 and 4u² each, table 2^-106) and the sum's 3u² make below 2^-98 relative.
     */
    private static void cosReduced(double rh, double rl, DoubleDoubleAccumulator out) {
        double i = nearestTableCell(rh, rl, out);
        double bh = out.hi;
        double bl = out.lo;
        cosSmall(bh, bl, out);
        if (i != 0) {
            int at = (int) i;
            DoubleDoubleAccumulator s = new DoubleDoubleAccumulator();
            sinSmall(bh, bl, s);
            s.mul(-DoubleDoubleTables.SinCos.SIN_HI[at], -DoubleDoubleTables.SinCos.SIN_LO[at]);
            out.mul(DoubleDoubleTables.SinCos.COS_HI[at], DoubleDoubleTables.SinCos.COS_LO[at]).add(s.hi, s.lo);
        }
    }

    /**
     * sin b for |b| ≤ 2^-6.99: b + b³ (-1/6 + b² (1/120 + b² R)), R = -1/7! + b²/9! - b^4/11! in
     * double. Truncation |b|^13/13! < 2^-116 |b|; R within 2^-50 |R| < 2^-62, times |b|^7: 2^-104 |b|;
     * the double-double steps relative 2^-100 on b³ (...) < 2^-15 |b|; the last sum 3u². Relative
     * error below 2^-100.
     */
    private static void sinSmall(double bh, double bl, DoubleDoubleAccumulator out) {
        double h2 = bh * bh;
        double r = -F7 + h2 * (F9 - h2 * F11);
        out.set(bh, bl).mul(bh, bl);
        double b2h = out.hi;
        double b2l = out.lo;
        out.mul(r).add(DoubleDoubleTables.INV_FACT_5.hi(), DoubleDoubleTables.INV_FACT_5.lo())
                .mul(b2h, b2l).add(-DoubleDoubleTables.INV_FACT_3.hi(), -DoubleDoubleTables.INV_FACT_3.lo())
                .mul(b2h, b2l).mul(bh, bl).add(bh, bl);
    }

    /**
     * cos b for |b| ≤ 2^-6.99: 1 + b² (-1/2 + b² (1/24 + b² R)), R = -1/6! + b²/8! - b^4/10! in
     * double. Truncation b^12/12! < 2^-112; R within 2^-50 |R| < 2^-59, times b^6: 2^-101; the
     * double-double steps 2^-100 on b² (...) < 2^-14; the last sum 2u². Absolute (and, as cos b >
     * 0.99, relative) error below 2^-100.
     */
    private static void cosSmall(double bh, double bl, DoubleDoubleAccumulator out) {
        double h2 = bh * bh;
        double r = -F6 + h2 * (F8 - h2 * F10);
        out.set(bh, bl).mul(bh, bl);
        double b2h = out.hi;
        double b2l = out.lo;
        out.mul(r).add(DoubleDoubleTables.INV_FACT_4.hi(), DoubleDoubleTables.INV_FACT_4.lo())
                .mul(b2h, b2l).add(-0.5)
                .mul(b2h, b2l).add(1.0);
    }

    /**
     * tanh(x) for finite x with |x| ≤ 40 (beyond, tanh is 1 - 2e^-2|x| to far below any rounding);
     * a = |x|. a < 1/4: e/(e + 2) with e = expm1(2a) (2^-95), no cancellation: e + 2 carries e's
     * error times e/(e + 2) < 0.25 (e < expm1(1/2) < 0.65) plus 2u², the quotient adds 15u²: 1.25 ·
     * 2^-95 + 17u² < 2^-94.6. a ≥ 1/4: 1 - 2/(e + 1) with e = e^(2a) (2^-101; exact scaling by 2^m,
     * e < 2^116): the sum 2u², the quotient 15u² plus its operand's error, so q = 2/(e + 1) within
     * 2^-101 + 17u² < 2^-100.4; q ≤ 2/(e^(1/2) + 1) < 0.76, so 1 - q ≥ 0.24 amplifies that at most 3.2
     * times, and the last sum adds 2u²: below 2^-98.6. Relative error below 2^-94.6.
     */
    static DoubleDouble tanh(double x) {
        double a = Math.abs(x);
        DoubleDoubleAccumulator t = new DoubleDoubleAccumulator();
        if (a < 0.25) {
            DoubleDouble e = expm1Small(DoubleDouble.of(2 * a));
            t.set(e).add(2.0);
            double sh = t.hi;
            double sl = t.lo;
            t.set(e).div(sh, sl);
        } else {
            int m = expInto(2 * a, t);
            t.set(Math.scalb(t.hi, m), Math.scalb(t.lo, m)).add(1.0);
            double sh = t.hi;
            double sl = t.lo;
            t.set(2.0, 0.0).div(sh, sl).negate().add(1.0);
        }
        if (x < 0) {
            t.negate();
        }
        return t.toDoubleDouble();
    }

    /** sin r for a double-double |r| ≤ π/4 (1 + 2^-30): the table kernel, relative error below 2^-97.5. */
    static DoubleDouble sinKernel(DoubleDouble r) {
        DoubleDoubleAccumulator a = new DoubleDoubleAccumulator();
        sinReduced(r.hi(), r.lo(), a);
        return a.toDoubleDouble();
    }

    /** cos r for a double-double |r| ≤ π/4 (1 + 2^-30): the table kernel, relative error below 2^-98. */
    static DoubleDouble cosKernel(DoubleDouble r) {
        DoubleDoubleAccumulator a = new DoubleDoubleAccumulator();
        cosReduced(r.hi(), r.lo(), a);
        return a.toDoubleDouble();
    }
}
