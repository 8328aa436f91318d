package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apfloat.Apfloat;

/**
 * Enclosures of the exact results of reductions, softmax and matmul, computed afresh: sums, means
 * and dot products exactly (as rationals), products to a tracked precision, logsumexp and softmax
 * in double-double with the bounds {@link SoftmaxReference} derives (about 2^-77 relative, so some 22
 * digits: evaluating a million exponentials to 30 digits would cost minutes for one number shown).
 * Each is for inputs whose reference result is finite (so all inputs are finite, -∞ aside where it
 * contributes an exact 0).
 */
final class VectorDecimals {
    private VectorDecimals() {
    }

    /** The exact sum of finite doubles. */
    static DecimalEnclosure sum(double[] x) {
        ExactRounding.Binary total = exactSum(x);
        return total == null ? DecimalEnclosure.NOTHING : DecimalEnclosure.exact(total.toBigDecimal());
    }

    /** The exact sum divided by n, bracketed to the digits asked for. */
    static DecimalEnclosure mean(double[] x, int digits) {
        ExactRounding.Binary total = exactSum(x);
        if (total == null || x.length == 0) {
            return DecimalEnclosure.NOTHING;
        }
        return ElementDecimals.quotient(total.toBigDecimal(), BigDecimal.valueOf(x.length), digits);
    }

    /** The largest or smallest element: exact. */
    static DecimalEnclosure extremum(double[] x, boolean max) {
        double r = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double v : x) {
            r = max ? Math.max(r, v) : Math.min(r, v);
        }
        return Double.isFinite(r) ? DecimalEnclosure.exact(new BigDecimal(r)) : DecimalEnclosure.NOTHING;
    }

    /**
     * The product, formed with integer mantissas cut to B = 4 digits + 64 bits after every step. A cut
     * keeps B bits, so the part dropped is below 2^(1-B) of what is kept: with δ = 2^(1-B), the kept
     * product M and the true T satisfy M ≤ T ≤ M (1 + δ)^n ≤ M e^(nδ) ≤ M (1 + 2nδ) (nδ ≤ 1), that is
     * T ≤ M + M n 2^(2-B). Without a cut that dropped a nonzero bit, M is T.
     */
    static DecimalEnclosure product(double[] x, int digits) {
        boolean negative = false;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return DecimalEnclosure.NOTHING;
            }
            if (v == 0) {
                return DecimalEnclosure.exact(BigDecimal.ZERO);
            }
            negative ^= v < 0;
        }
        int bits = 4 * digits + 64;
        BigInteger m = BigInteger.ONE;
        long e = 0;
        boolean cut = false;
        for (double v : x) {
            ExactRounding.Binary b = ExactRounding.binary(Math.abs(v));
            m = m.multiply(b.mantissa());
            e += b.exponent();
            int drop = m.bitLength() - bits;
            if (drop > 0) {
                cut |= m.getLowestSetBit() < drop;
                m = m.shiftRight(drop);
                e += drop;
            }
        }
        BigInteger upper = cut ? m.add(m.multiply(BigInteger.valueOf(x.length)).shiftRight(bits - 2)).add(BigInteger.ONE) : m;
        return LogScale.binary(m, upper, e, negative ? -1 : 1, digits);
    }

    /** Entry i of the product of two n × n row-major matrices: an exact dot product. */
    static DecimalEnclosure matmul(double[] a, double[] b, int i) {
        int n = Op.matrixSide(a.length);
        int row = i / n;
        int col = i % n;
        ExactSum acc = new ExactSum();
        for (int k = 0; k < n; k++) {
            double x = a[row * n + k];
            double y = b[k * n + col];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                return DecimalEnclosure.NOTHING;
            }
            if (x != 0 && y != 0) {
                ExactRounding.Binary bx = ExactRounding.binary(x);
                ExactRounding.Binary by = ExactRounding.binary(y);
                acc.add(new ExactRounding.Binary(bx.mantissa().multiply(by.mantissa()), bx.exponent() + by.exponent()));
            }
        }
        return DecimalEnclosure.exact(acc.value().toBigDecimal());
    }

    /**
     * log Σ e^x_i = log S + m (m the maximum), with the bound {@link SoftmaxReference#logSumExp} uses:
     * log S within 2^-78 |log S|, plus the relative error of S as an absolute one, plus 2^-104 for the
     * final sum. One finite term: its value, exactly (log e^x = x).
     */
    static DecimalEnclosure logSumExp(double[] x) {
        double single = Double.NaN;
        int finite = 0;
        for (double v : x) {
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                return DecimalEnclosure.NOTHING;
            }
            if (v != Double.NEGATIVE_INFINITY) {
                finite++;
                single = v;
            }
        }
        if (finite == 0) {
            return DecimalEnclosure.NOTHING;
        }
        if (finite == 1) {
            return DecimalEnclosure.exact(new BigDecimal(single));
        }
        SoftmaxReference.Terms t = SoftmaxReference.terms(x);
        DoubleDouble logS = DoubleDoubleExpLog.log(t.sum());
        DoubleDouble r = logS.add(t.max());
        double absolute = 0x1p-78 * Math.abs(logS.hi()) + t.sumBound() + 0x1p-104 * Math.abs(r.hi());
        return DecimalEnclosure.around(exact(r), new BigDecimal(absolute));
    }

    /** softmax over one vector; the shifted terms and their sum are shared by all its outputs. */
    static final class Softmax {
        private final double[] x;
        private final SoftmaxReference.Terms terms;

        Softmax(double[] x) {
            this.x = x;
            this.terms = SoftmaxReference.terms(x);
        }

        /**
         * e^(x_i - m) / S: the quotient of the double-double term (2^-79) by the sum, with the bound
         * {@link SoftmaxReference#softmax} uses (twice the sum's bound plus 2^-100). A term below
         * 2^-1400 that the double-double pass leaves at 0 is enclosed through its logarithm:
         * e^(d - log S) with d = x_i - m exact and log S within a = 2^-78 |log S| + the sum's bound,
         * so the value lies in e^(d - log S') [e^-a, e^a] ⊂ [1 - a, 1 + 2a] e^(d - log S').
         */
        DecimalEnclosure at(int i, int digits) {
            if (x[i] == Double.NEGATIVE_INFINITY) {
                return DecimalEnclosure.exact(BigDecimal.ZERO);
            }
            ExactValue ti = terms.terms()[i];
            if (ti.hi() != 0) {
                DoubleDouble q = new DoubleDouble(ti.hi(), ti.lo()).div(terms.sum());
                BigDecimal v = ExactValue.of(q, ti.scale()).toBigDecimal();
                // Relative to the true value; twice it relative to v covers the difference (see DecimalEnclosure.relative).
                double bound = 2 * terms.sumBound() + 0x1p-100;
                return DecimalEnclosure.around(v, v.abs().multiply(new BigDecimal(2 * bound)));
            }
            DoubleDouble logS = DoubleDoubleExpLog.log(terms.sum());
            double a = 0x1p-78 * Math.abs(logS.hi()) + terms.sumBound();
            BigDecimal d = new BigDecimal(x[i]).subtract(new BigDecimal(terms.max()));
            BigDecimal g = d.subtract(exact(logS));
            long p = (long) Math.log10(Math.abs(g.doubleValue())) + 2 + digits + 10L;
            BigDecimal aD = new BigDecimal(a);
            return LogScale.exp(new Apfloat(g, Math.max(p, g.precision())), p, BigDecimal.ONE.subtract(aD),
                    BigDecimal.ONE.add(aD.multiply(BigDecimal.valueOf(2))), 1, digits);
        }
    }

    private static BigDecimal exact(DoubleDouble v) {
        return new BigDecimal(v.hi()).add(new BigDecimal(v.lo()));
    }

    /** The exact sum, or null when some element is not finite. */
    private static ExactRounding.Binary exactSum(double[] x) {
        ExactSum acc = new ExactSum();
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return null;
            }
            acc.add(v);
        }
        return acc.value();
    }
}
