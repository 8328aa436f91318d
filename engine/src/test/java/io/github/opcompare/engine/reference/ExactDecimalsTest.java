package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.engine.accuracy.AccuracyAnalyzer;
import io.github.opcompare.engine.accuracy.ValueSampler;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.ValueRow;
import io.github.opcompare.engine.result.WorstCase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact values shown beside results carry only right digits. Expected values come from outside
 * the code: mpmath (the command is given where one is used), published digits of π, and exact
 * BigDecimal arithmetic done here.
 */
class ExactDecimalsTest {
    private final ReferenceCalculator reference = new ReferenceCalculator();

    /**
     * The float32 nearest 14.9119835 is 0x1.dd2ef8p+3 = 14.911983489990234375, and
     * {@code mpmath.mp.dps = 50; mpmath.exp(mpmath.mpf(float.fromhex('0x1.dd2ef8p+3')))} is
     * 2993588.790450678676579707856868692305987278588094: to 30 digits 2993588.79045067867657970785687.
     * The reference keeps the float32 pass's double here, which printed to 30 digits gave
     * 2993588.79045067867264151573181, wrong from the 17th digit on.
     */
    @Test
    void expOfAFloatShowsThirtyRightDigitsInTheWorstListAndTheRows() {
        double x = Double.parseDouble("0x1.dd2ef8p+3");
        assertEquals(14.9119835f, (float) x);
        Values in = new Values(FLOAT32, new double[] {1, x});
        ExactResults exact = reference.compute(Op.EXP, FLOAT32, List.of(in));
        // A result two float32 ulps off at x, so that it heads the worst list.
        double wrong = Math.nextUp(Math.nextUp((float) exact.rounded(1)));
        Values actual = new Values(FLOAT32, new double[] {exact.rounded(0), wrong});
        Accuracy a = AccuracyAnalyzer.analyze(Op.EXP, FLOAT32, List.of(in), exact, actual, 2);
        WorstCase w = a.worst().get(0);
        assertEquals(1, w.index());
        assertEquals("2993588.79045067867657970785687", w.exact());
        assertEquals(30, w.exactDigits());
        List<ValueRow> rows = ValueSampler.rows(Op.EXP, List.of(in), exact, Map.of("b", actual),
                List.of(new BackendResult("b", "ok", null, a, null, null, null, null, null, null)));
        assertEquals("2993588.79045067867657970785687", rows.get(1).exact());
        assertEquals(30, rows.get(1).exactDigits());
        // e = 2.71828182845904523536028747135266249775724709369995 (published digits), to 30: ...747135.
        assertEquals("2.71828182845904523536028747135", rows.get(0).exact());
    }

    /**
     * 2^-44 = 5.684341886080801486968994140625E-14 has 31 significant digits ending in 5: it is itself
     * a rounding boundary for 30 digits. sqrt(2^-88) is recognised as exact and rounded half to
     * even; cbrt(2^-132) comes from apfloat, whose enclosure straddles the boundary at any precision,
     * so only 29 digits are settled, and those are shown.
     */
    @Test
    void aValueOnADecimalRoundingBoundaryShowsTheDigitsThatAreSettled() {
        BigDecimal twoToMinus44 = BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(44)));
        assertEquals("5.684341886080801486968994140625E-14", twoToMinus44.toString());
        ExactDecimal sqrt = shown(Op.SQRT, FLOAT64, Math.scalb(1.0, -88), 0);
        assertEquals(twoToMinus44.round(new MathContext(30, RoundingMode.HALF_EVEN)).toString(), sqrt.text());
        assertEquals("5.68434188608080148696899414062E-14", sqrt.text());
        assertEquals(30, sqrt.digits());
        ExactDecimal cbrt = shown(Op.CBRT, FLOAT64, Math.scalb(1.0, -132), 0);
        assertEquals("5.6843418860808014869689941406E-14", cbrt.text());
        assertEquals(29, cbrt.digits());
    }

    @Test
    void anIntervalSettlesTheDigitsBothEndsRoundTo() {
        assertEquals(new ExactDecimal("1.2", 2), DecimalEnclosure.exact(new BigDecimal("1.25")).digits(2));
        assertEquals(new ExactDecimal("1.4", 2), DecimalEnclosure.exact(new BigDecimal("1.35")).digits(2));
        // Straddles the boundary 1.25 of two digits: only the first digit is known.
        assertEquals(new ExactDecimal("1", 1), DecimalEnclosure.around(new BigDecimal("1.25"), new BigDecimal("1E-40")).digits(2));
        // Straddles 1.5 for one digit and 1.25 is no boundary of it: nothing is known.
        assertFalse(DecimalEnclosure.around(new BigDecimal("1.5"), new BigDecimal("1E-40")).digits(1).known());
        assertFalse(DecimalEnclosure.between(new BigDecimal("-1E-50"), new BigDecimal("1E-50")).digits(30).known());
        assertFalse(DecimalEnclosure.NOTHING.digits(30).known());
        // 0.999999996 ± 10^-10: both ends round to 1.0000000 (8 digits), shown as "1".
        assertEquals(new ExactDecimal("1", 8), DecimalEnclosure.around(new BigDecimal("0.999999996"), new BigDecimal("1E-10")).digits(8));
    }

    @Test
    void magnitudesBeyondBigDecimalAreWrittenWithTheirWholeExponent() {
        BigInteger e = BigInteger.TEN.pow(40);
        // 9.99995 to 5 digits is a tie, to even: 10.000, so the exponent moves up by one.
        assertEquals("1E+10000000000000000000000000000000000000001",
                DecimalEnclosure.exact(new BigDecimal("9.99995")).timesPowerOfTen(e).digits(5).text());
        assertEquals("-2.5E-9999999999999999999999999999999999999999",
                DecimalEnclosure.exact(new BigDecimal("-2.5")).timesPowerOfTen(e.negate().add(BigInteger.ONE)).digits(5).text());
    }

    /**
     * π = 3.14159265358979323846264338327950288… (published digits), to 30: …38328; π/2 =
     * 1.57079632679489661923132169163975…, to 30: …69164.
     */
    @Test
    void resultsTheSpecialTablesSettleAreShownFromTheirExactValue() {
        assertEquals(new ExactDecimal("-3.14159265358979323846264338328", 30), shown(Op.ATAN2, FLOAT32, -0.0, -1));
        assertEquals(new ExactDecimal("-1.57079632679489661923132169164", 30), shown(Op.ATAN, FLOAT32, Double.NEGATIVE_INFINITY, 0));
        // π/4 = 0.78539816339744830961566084581987…: to 30 digits …84582(0).
        assertEquals(new ExactDecimal("0.78539816339744830961566084582", 30),
                shown(Op.ATAN2, FLOAT64, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals(new ExactDecimal("1", 30), shown(Op.POW, FLOAT32, Double.NaN, 0));
        assertEquals(new ExactDecimal("1", 30), shown(Op.TANH, FLOAT64, Double.POSITIVE_INFINITY, 0));
        assertEquals(new ExactDecimal("0.0", null), shown(Op.EXP, FLOAT32, Double.NEGATIVE_INFINITY, 0));
        assertEquals(new ExactDecimal("-0.0", null), shown(Op.TANH, FLOAT32, -0.0, 0));
        assertEquals(new ExactDecimal("-0.0", null), shown(Op.ATAN2, FLOAT32, -0.0, 2));
        assertEquals(new ExactDecimal("0.0", null), shown(Op.LOG, FLOAT32, 1, 0));
        assertEquals(new ExactDecimal("-Infinity", null), shown(Op.LOG, FLOAT32, 0, 0));
        assertEquals(new ExactDecimal("NaN", null), shown(Op.SQRT, FLOAT32, -1, 0));
        assertEquals(new ExactDecimal("-0.0", null), shown(Op.ADD, FLOAT32, -0.0, -0.0));
        assertEquals(new ExactDecimal("0.0", null), shown(Op.SUB, FLOAT32, 1.5, 1.5));
    }

    /** Sums, means, products and dot products against exact BigDecimal arithmetic done here. */
    @Test
    void reductionsAndMatmulAreExactToThirtyDigits() {
        double[] v = {0.1f, 0.2f, -0.7f, 1e-30f, 3.0f, 1.1f};
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal product = BigDecimal.ONE;
        for (double d : v) {
            sum = sum.add(new BigDecimal(d));
            product = product.multiply(new BigDecimal(d));
        }
        MathContext thirty = new MathContext(30, RoundingMode.HALF_EVEN);
        Values in = new Values(FLOAT32, v);
        assertEquals(sum.round(thirty).stripTrailingZeros().toString(), shownOf(Op.REDUCE_SUM, in).text());
        assertEquals(sum.divide(BigDecimal.valueOf(v.length), thirty).stripTrailingZeros().toString(), shownOf(Op.REDUCE_MEAN, in).text());
        assertEquals(product.round(thirty).stripTrailingZeros().toString(), shownOf(Op.REDUCE_PROD, in).text());
        assertEquals(new BigDecimal(3.0f).toString(), shownOf(Op.REDUCE_MAX, in).text());

        double[] a = {0.1f, 0.3f, -0.5f, 1e-20f};
        double[] b = {7.0f, 1e-8f, 0.25f, -3.5f};
        BigDecimal entry01 = new BigDecimal(a[0]).multiply(new BigDecimal(b[1])).add(new BigDecimal(a[1]).multiply(new BigDecimal(b[3])));
        ExactDecimals decimals = new ExactDecimals(Op.MATMUL, List.of(new Values(FLOAT32, a), new Values(FLOAT32, b)),
                reference.compute(Op.MATMUL, FLOAT32, List.of(new Values(FLOAT32, a), new Values(FLOAT32, b))));
        assertEquals(new ExactDecimal(entry01.round(thirty).stripTrailingZeros().toString(), 30), decimals.at(1));
    }

    /** The product of 600 values of 1e-30 is 10^-18000 in size: written through its logarithm, still exact digits. */
    @Test
    void aProductFarBelowEveryRangeIsShownWithItsDigits() {
        double[] v = new double[600];
        java.util.Arrays.fill(v, 1e-30);
        BigDecimal p = new BigDecimal(1e-30).pow(600);
        ExactDecimal shown = shownOf(Op.REDUCE_PROD, new Values(FLOAT64, v));
        assertEquals(30, shown.digits());
        assertEquals(p.round(new MathContext(30, RoundingMode.HALF_EVEN)).toString(), shown.text());
    }

    private ExactDecimal shown(Op op, DType dtype, double x, double y) {
        return ExactDecimals.element(op, x, y, reference.element(op, dtype, x, y).exact());
    }

    private ExactDecimal shownOf(Op op, Values in) {
        return new ExactDecimals(op, List.of(in), reference.compute(op, in.dtype(), List.of(in))).at(0);
    }

    @Test
    void unknownDigitsAreSaidAsNull() {
        ExactDecimal none = ExactDecimal.unknown();
        assertNull(none.text());
        assertNull(none.digits());
    }

    /**
     * Judging runs backends side by side, so one case's decimals are asked for from several threads
     * at once: each element still gets its digits (e and the exp of 0x1.dd2ef8p+3, from the mpmath
     * and published figures above), however the requests interleave.
     */
    @Test
    void severalThreadsAtOnceGetTheSameDigits() throws Exception {
        double x = Double.parseDouble("0x1.dd2ef8p+3");
        Values in = new Values(FLOAT32, new double[] {1, x});
        ExactResults exact = reference.compute(Op.EXP, FLOAT32, List.of(in));
        ExactDecimals decimals = new ExactDecimals(Op.EXP, List.of(in), exact);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> asked = new java.util.ArrayList<>();
            for (int k = 0; k < 64; k++) {
                int i = k % 2;
                asked.add(pool.submit(() -> decimals.at(i).text()));
            }
            for (int k = 0; k < asked.size(); k++) {
                assertEquals(k % 2 == 0 ? "2.71828182845904523536028747135" : "2993588.79045067867657970785687",
                        asked.get(k).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
