package io.github.opcompare.engine.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * erf and erfc to a requested number of digits, with their error bounds, for the exact values
 * shown beside results. Apfloat's own erf is some fifty times slower at these precisions (tenths of
 * a second per value); these series, with every error accounted for below, take milliseconds.
 */
final class ErfDecimals {
    /** erfc(10) < 2.1 × 10^-45: from |x| = 10 on, erf(x) is ±1 within 10^-44 and erfc(-x) is 2 within 10^-44. */
    private static final double SATURATED = 10;
    /** From here on erfc(x) comes from its asymptotic series, whose smallest term is about e^-x² (10^-316). */
    private static final double ASYMPTOTIC = 27;
    private static final BigDecimal TAIL_AT_SATURATION = new BigDecimal("1E-44");

    static {
        ApfloatSetup.ensure();
    }

    private ErfDecimals() {
    }

    /** erf(x) for finite nonzero x. */
    static DecimalEnclosure erf(double x, int digits) {
        if (Math.abs(x) >= SATURATED) {
            BigDecimal one = BigDecimal.valueOf(Math.signum(x));
            return x > 0 ? DecimalEnclosure.between(one.subtract(TAIL_AT_SATURATION), one)
                    : DecimalEnclosure.between(one, one.add(TAIL_AT_SATURATION));
        }
        Series s = series(x, digits + 10);
        return DecimalEnclosure.around(s.value, s.value.abs().multiply(s.relativeError));
    }

    /** erfc(x) for finite x. */
    static DecimalEnclosure erfc(double x, int digits) {
        if (x <= -SATURATED) {
            BigDecimal two = BigDecimal.valueOf(2);
            return DecimalEnclosure.between(two.subtract(TAIL_AT_SATURATION), two);
        }
        if (x >= ASYMPTOTIC) {
            return asymptotic(x, digits);
        }
        if (x == 0) {
            return DecimalEnclosure.exact(BigDecimal.ONE);
        }
        // 1 - erf(x) loses the digits of erfc(x) < e^-x² below 1: x² / ln 10 of them, asked for in advance.
        int cancelled = x > 0 ? (int) Math.ceil(x * x / Math.log(10)) + 2 : 0;
        Series s = series(x, digits + 10 + cancelled);
        // erf's error is relative to |erf| < 1, so at most relativeError in absolute terms.
        return DecimalEnclosure.around(BigDecimal.ONE.subtract(s.value), s.relativeError);
    }

    /** An approximation of erf(x) and a bound on its relative error. */
    private record Series(BigDecimal value, BigDecimal relativeError) {
    }

    /**
     * erf(x) = (2/√π) e^-x² Σ_{n≥0} 2^n |x|^(2n+1) / (1·3···(2n+1)), sign of x (DLMF 7.6.2): positive
     * terms, t_(n+1) = t_n r_n with r_n = 2x² / (2n + 3), so no cancellation. Once 2n + 3 ≥ 4x² every
     * later ratio is at most 1/2, so the terms after t_N add up to at most t_N: the loop stops at such
     * an N with t_N below 10^-p of the sum, and the sum lies in [S, S + t_N].
     *
     * <p>Rounding, with ρ = 10^(1-p)/2 per operation at p digits: t_n takes two roundings per step
     * (times the exact 2x², divided by 2n + 3), so it is within 2nρ; each addition adds ρ: the sum is
     * within 3Nρ < 2N 10^(1-p), stated as 4(N + 2) 10^(1-p). x² is exact as a BigDecimal; given to apfloat
     * at p digits it moves by x² 10^(1-p) at most, which e^-x² turns into the same relative error. e^-x²
     * and √π: apfloat at p digits, 2 × 10^-(p - GUARD) each, 8 × 10^-(p - GUARD) with the operations
     * that combine them.
     */
    private static Series series(double x, int p) {
        MathContext mc = new MathContext(p, RoundingMode.HALF_EVEN);
        BigDecimal ax = new BigDecimal(Math.abs(x));
        BigDecimal x2 = ax.multiply(ax);
        BigDecimal twoX2 = x2.add(x2);
        BigDecimal term = ax;
        BigDecimal sum = ax;
        BigDecimal negligible = BigDecimal.ONE.movePointLeft(p);
        // 4x² + 1 in doubles stays above the exact 4x² for |x| < 10.
        double ratiosBelowHalf = 4 * x2.doubleValue() + 1;
        int n = 0;
        while (2 * n + 3 < ratiosBelowHalf || term.compareTo(sum.multiply(negligible)) > 0) {
            term = term.multiply(twoX2, mc).divide(BigDecimal.valueOf(2L * n + 3), mc);
            sum = sum.add(term, mc);
            n++;
        }
        // Relative to the sum, the tail is below 10^-p; twice its computed ratio covers that ratio's own rounding.
        BigDecimal tail = term.divide(sum, MathContext.DECIMAL64).multiply(BigDecimal.valueOf(2));
        Apfloat e = ApfloatMath.exp(new Apfloat(x2, p).negate());
        Apfloat sqrtPi = ApfloatMath.sqrt(ApfloatMath.pi(p));
        Apfloat factor = e.multiply(new Apfloat(2, p)).divide(sqrtPi);
        // The centre of [S, S + t_N]: half the tail each way.
        BigDecimal centre = sum.add(term.divide(BigDecimal.valueOf(2)), mc);
        BigDecimal value = LogScale.decimal(factor).multiply(centre, mc);
        long good = Math.min(Math.min(e.precision(), sqrtPi.precision()), p) - ArbitraryPrecision.GUARD_DIGITS;
        BigDecimal error = BigDecimal.valueOf(4L * (n + 2)).movePointLeft(p - 1)
                .add(x2.movePointLeft(p - 1))
                .add(BigDecimal.valueOf(8).movePointLeft((int) good))
                .add(tail);
        return new Series(x < 0 ? value.negate() : value, error);
    }

    /**
     * erfc(x) = e^-x² / (x√π) (Σ_{m<N} (-1)^m c_m + R_N), c_m = 1·3···(2m-1) / (2x²)^m (DLMF 7.12.1).
     * For real x > 0, N integrations by parts of erfc(x) = (2/√π) ∫_x^∞ e^-t² dt leave the remainder
     * (2/√π) (-1)^N (1·3···(2N-1) / 2^N) ∫_x^∞ e^-t² t^-2N dt, and since ∫_x^∞ e^-t² t^-2N dt <
     * x^-(2N+1) ∫_x^∞ t e^-t² dt = x^-(2N+1) e^-x² / 2, it is below e^-x² / (x√π) c_N in magnitude: the
     * first neglected term. N is the first m with c_m below 10^-(digits + 5).
     * Rounding: c_m, formed by one multiplication and one division at p digits, is within m 10^(1-p)
     * relative, so the bound uses 2c_N; the sum of N terms below 1 is within 2N 10^(1-p) absolute.
     */
    private static DecimalEnclosure asymptotic(double x, int digits) {
        int p = digits + 10;
        MathContext mc = new MathContext(p, RoundingMode.HALF_EVEN);
        BigDecimal xd = new BigDecimal(x);
        BigDecimal twoX2 = xd.multiply(xd).multiply(BigDecimal.valueOf(2));
        BigDecimal stop = BigDecimal.ONE.movePointLeft(digits + 5);
        BigDecimal c = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        int m = 0;
        while (c.compareTo(stop) >= 0) {
            sum = (m & 1) == 0 ? sum.add(c, mc) : sum.subtract(c, mc);
            m++;
            c = c.multiply(BigDecimal.valueOf(2L * m - 1), mc).divide(twoX2, mc);
        }
        BigDecimal spread = c.multiply(BigDecimal.valueOf(2)).add(BigDecimal.valueOf(2L * (m + 1)).movePointLeft(p - 1));
        // g = -x² - ln x - ln √π, to the digits of x² (up to 617) plus those asked for.
        long precision = (long) (2 * Math.log10(x)) + 2 + digits + 10L;
        Apfloat ax = new Apfloat(xd, Math.max(precision, xd.precision()));
        Apfloat g = ax.multiply(ax).add(ApfloatMath.log(ax)).add(ApfloatMath.log(ApfloatMath.sqrt(ApfloatMath.pi(precision)))).negate();
        return LogScale.exp(g, precision, sum.subtract(spread), sum.add(spread), 1, digits);
    }
}
