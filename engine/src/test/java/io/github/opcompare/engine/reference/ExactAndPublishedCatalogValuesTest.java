package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * The catalog's ops against values known without our code: exact arithmetic (cbrt(27) = 3,
 * 2^k, log2 of powers of two, log10 of powers of ten), published tables (Abramowitz and Stegun,
 * table 7.1, erf to 15 digits; OEIS constants to 50), identities evaluated with apfloat at 60
 * digits (sinh x = (e^x - e^-x)/2, cosh, sigmoid, softplus from exp and log alone), and IEEE
 * semantics (rint ties to even, fmod's sign). Each expected rounding is the high-precision value
 * rounded once, directly to the dtype, by BigDecimal comparisons with both neighbours and their
 * midpoint ({@link IndependentRounding}), with the value's own uncertainty (15 digits for the table, 50
 * for the constants) required not to straddle a midpoint: never the reference's own rounding code,
 * and never a float64 result rounded again to float32.
 */
class ExactAndPublishedCatalogValuesTest {
    /** float32 and float64; the 16-bit formats have NarrowDTypeReferenceTest. */
    private static final DType[] WIDE = {DType.FLOAT32, DType.FLOAT64};

    private final ReferenceCalculator reference = new ReferenceCalculator();

    @Test
    void exactResults() {
        for (DType d : WIDE) {
            assertEquals(3.0, reference.element(Op.CBRT, d, 27, 0).rounded());
            assertEquals(-2.0, reference.element(Op.CBRT, d, -8, 0).rounded());
            assertEquals(0.125, reference.element(Op.EXP2, d, -3, 0).rounded());
            assertEquals(1024.0, reference.element(Op.EXP2, d, 10, 0).rounded());
            assertEquals(-149.0, reference.element(Op.LOG2, d, 0x1p-149, 0).rounded());
            assertEquals(3.0, reference.element(Op.LOG10, d, 1000, 0).rounded());
            assertEquals(0.25, reference.element(Op.RSQRT, d, 16, 0).rounded());
            assertEquals(0.5, reference.element(Op.SIGMOID, d, 0, 0).rounded());
            assertEquals(-4.0, reference.element(Op.FLOOR, d, -3.5, 0).rounded());
            assertEquals(-3.0, reference.element(Op.CEIL, d, -3.5, 0).rounded());
            // Ties to even, not away from zero.
            assertEquals(2.0, reference.element(Op.RINT, d, 2.5, 0).rounded());
            assertEquals(-4.0, reference.element(Op.RINT, d, -3.5, 0).rounded());
            // fmod: sign of the dividend (floor-mod would give 2 and -2).
            assertEquals(-1.0, reference.element(Op.MOD, d, -7, 3).rounded());
            assertEquals(1.0, reference.element(Op.MOD, d, 7, -3).rounded());
            PublishedValuesTest.assertClose(BigDecimal.ONE.divide(BigDecimal.valueOf(3), new MathContext(40)),
                    reference.element(Op.RECIPROCAL, d, 3, 0).exact().toBigDecimal(), 1e-30);
        }
        // 2^-1075 is the midpoint between 0 and the smallest subnormal: ties to even give +0.
        assertEquals(0.0, reference.element(Op.EXP2, FLOAT64, -1075, 0).rounded());
        assertEquals(Double.MIN_VALUE, reference.element(Op.EXP2, FLOAT64, -1074, 0).rounded());
        assertEquals(0.0, reference.element(Op.EXP2, FLOAT32, -150, 0).rounded());
        assertEquals(0x1p-149, reference.element(Op.EXP2, FLOAT32, -149, 0).rounded());
        assertEquals(22.0, reference.element(Op.LOG10, FLOAT64, 1e22, 0).rounded());
    }

    @Test
    void powWithExactMidpointsRoundsToEven() {
        // 134217727² = 2^54 - 2^28 + 1: 54 bits, exactly halfway between two doubles; ties to even.
        double x = 134217727;
        BigDecimal square = new BigDecimal(x).multiply(new BigDecimal(x));
        ExactElement e = reference.element(Op.POW, FLOAT64, x, 2);
        // The neighbours are 2^54 - 2^28 and 2^54 - 2^28 + 2; the even significand is (2^54 - 2^28) / 2.
        assertEquals(0x1p54 - 0x1p28, e.rounded());
        assertEquals(IndependentRounding.round(square, FLOAT64), e.rounded());
        assertEquals(0, square.compareTo(e.exact().toBigDecimal()));
        // 3^-2 = 1/9, and (-2)^3 = -8.
        BigDecimal ninth = BigDecimal.ONE.divide(BigDecimal.valueOf(9), new MathContext(60));
        assertEquals(IndependentRounding.round(ninth, ninth.movePointLeft(58), FLOAT64), reference.element(Op.POW, FLOAT64, 3, -2).rounded());
        assertEquals(-8.0, reference.element(Op.POW, FLOAT32, -2, 3).rounded());
        // C99: pow(1, NaN) = 1, pow(x, 0) = 1 even for NaN, pow(-8, 1/3) is NaN.
        assertEquals(1.0, reference.element(Op.POW, FLOAT64, 1, Double.NaN).rounded());
        assertEquals(1.0, reference.element(Op.POW, FLOAT64, Double.NaN, 0).rounded());
        assertTrue(Double.isNaN(reference.element(Op.POW, FLOAT64, -8, 1.0 / 3).rounded()));
    }

    @Test
    void erfAgainstAbramowitzAndStegunTable() {
        // A&S table 7.1, erf x to 15 decimals.
        String[][] table = {{"0.1", "0.112462916018285"}, {"0.5", "0.520499877813047"}, {"1.0", "0.842700792949715"},
            {"1.5", "0.966105146475311"}, {"2.0", "0.995322265018953"}};
        for (String[] row : table) {
            double x = Double.parseDouble(row[0]);
            ExactElement e = reference.element(Op.ERF, FLOAT64, x, 0);
            assertEquals(Double.parseDouble(row[1]), e.exact().toBigDecimal().doubleValue(), 6e-16, "erf(" + x + ")");
            // The table's 15 decimals are within 5e-16: far finer than float32's half ulp, unless near a midpoint.
            double expected = IndependentRounding.round(new BigDecimal(row[1]), new BigDecimal("5e-16"), FLOAT32);
            assertEquals(expected, reference.element(Op.ERF, FLOAT32, x, 0).rounded(), "erf(" + x + ") float32");
            // erfc = 1 - erf, from the same table.
            double erfc = new BigDecimal("1").subtract(new BigDecimal(row[1])).doubleValue();
            assertEquals(erfc, reference.element(Op.ERFC, FLOAT64, x, 0).exact().toBigDecimal().doubleValue(), 6e-16);
        }
    }

    @Test
    void publishedConstants() {
        // OEIS A099286 (erf(1) to 50 digits would be redundant here): erf(1) = 0.8427007929497148693412206350826...
        check(Op.ERF, 1.0, "0.84270079294971486934122063508260925929606699796630", FLOAT64);
        // OEIS A073742: sinh(1); A073743: cosh(1).
        check(Op.SINH, 1.0, "1.17520119364380145688238185059560081515571798133410", FLOAT64);
        check(Op.COSH, 1.0, "1.54308063481524377847790562075706168260152911236587", FLOAT64);
        // OEIS A003881: π/4 = atan(1); A019669: π/2 = asin(1) = acos(0).
        check(Op.ATAN, 1.0, "0.78539816339744830961566084581987572104929234984378", FLOAT64);
        check(Op.ASIN, 1.0, "1.57079632679489661923132169163975144209858469968755", FLOAT64);
        check(Op.ACOS, 0.0, "1.57079632679489661923132169163975144209858469968755", FLOAT64);
        check(Op.ATAN2, 1.0, "0.78539816339744830961566084581987572104929234984378", FLOAT64, 1.0);
        // OEIS A002162 ln 2 = softplus(0); A007524 log10(2); A020857 log2(3) = 1.58496...
        check(Op.SOFTPLUS, 0.0, "0.69314718055994530941723212145817656807550013436025", FLOAT64);
        check(Op.LOG10, 2.0, "0.30102999566398119521373889472449302676818988146211", FLOAT64);
        check(Op.LOG2, 3.0, "1.58496250072115618145373894394781650875981440769248", FLOAT64);
        // OEIS A002193 √2 = 2^0.5, and 1/√2 = rsqrt(2) (A010503).
        check(Op.EXP2, 0.5, "1.41421356237309504880168872420969807856967187537694", FLOAT64);
        check(Op.RSQRT, 2.0, "0.70710678118654752440084436210484903928483593768847", FLOAT64);
    }

    @Test
    void identitiesInApfloatAtEightyDigits() {
        double[] xs = {1e-7, 0.3, 1.75, 12.5, -3.25, 39.0, -60.0};
        for (double x : xs) {
            Apfloat ax = new Apfloat(new BigDecimal(x), 80);
            Apfloat ex = ApfloatMath.exp(ax);
            Apfloat emx = ApfloatMath.exp(ax.negate());
            Apfloat two = new Apfloat(2, 80);
            Apfloat one = new Apfloat(1, 80);
            identity(Op.SINH, x, ex.subtract(emx).divide(two));
            identity(Op.COSH, x, ex.add(emx).divide(two));
            identity(Op.SIGMOID, x, one.divide(one.add(emx)));
            identity(Op.SOFTPLUS, x, ApfloatMath.log(one.add(ex)));
            identity(Op.EXPM1, x, ex.subtract(one));
        }
    }

    /**
     * At 80 digits the identities lose at most 27 to cancellation (e^x - 1 and e^x - e^-x at x = 1e-7
     * lose 7, log(1 + e^-60) keeps 80 digits of 1 + 8.8e-27, so 54 of the result): 1e-45 relative is safe.
     */
    private void identity(Op op, double x, Apfloat expected) {
        BigDecimal exp = new BigDecimal(expected.toString(true));
        BigDecimal error = exp.abs().movePointLeft(45);
        for (DType d : WIDE) {
            double want = IndependentRounding.round(exp, error, d);
            assertEquals(want, reference.element(op, d, x, 0).rounded(), op + "(" + x + ") " + d);
        }
        PublishedValuesTest.assertClose(exp, reference.element(op, FLOAT64, x, 0).exact().toBigDecimal(), 1e-28);
    }

    private void check(Op op, double x, String published, DType dtype) {
        check(op, x, published, dtype, 0);
    }

    /** The published value, 50 digits after the point (error below 1e-50), rounded once to each dtype. */
    private void check(Op op, double x, String published, DType dtype, double y) {
        BigDecimal value = new BigDecimal(published);
        BigDecimal error = new BigDecimal("1e-50");
        ExactElement e = reference.element(op, dtype, x, y);
        assertEquals(IndependentRounding.round(value, error, dtype), e.rounded(), op + "(" + x + ")");
        PublishedValuesTest.assertClose(value, e.exact().toBigDecimal(), 1e-28);
        assertEquals(IndependentRounding.round(value, error, FLOAT32), reference.element(op, FLOAT32, x, y).rounded(), op + " float32");
    }
}
