package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The reference against values published to 50 digits (OEIS constants, and sin(10^22) from
 * K. C. Ng, "Argument reduction for huge arguments: good to the last bit", 1992). The correctly
 * rounded expectations come from Java's parseDouble/parseFloat, which round decimal strings
 * correctly, independently of the reference's own rounding code.
 */
class PublishedValuesTest {
    private static final String E = "2.71828182845904523536028747135266249775724709369995"; // A001113
    private static final String SIN1 = "0.84147098480789650665250232163029899962256306079837"; // A049469
    private static final String COS1 = "0.54030230586813971740093660744297660373231042061792"; // A049470
    private static final String LN2 = "0.69314718055994530941723212145817656807550013436025"; // A002162
    private static final String TANH1 = "0.76159415595576488811945828260479359041276859725793"; // A073744
    private static final String SIN_1E22 = "-0.8522008497671888017727058937530293682618";

    private final ReferenceCalculator reference = new ReferenceCalculator();

    @Test
    void float64AgainstPublishedDigits() {
        check(Op.EXP, 1.0, E, FLOAT64);
        check(Op.SIN, 1.0, SIN1, FLOAT64);
        check(Op.COS, 1.0, COS1, FLOAT64);
        check(Op.LOG, 2.0, LN2, FLOAT64);
        check(Op.LOG, 0.5, "-" + LN2, FLOAT64);
        check(Op.TANH, 1.0, TANH1, FLOAT64);
        check(Op.TANH, -1.0, "-" + TANH1, FLOAT64);
        check(Op.SIN, 1e22, SIN_1E22, FLOAT64);
    }

    @Test
    void float32AgainstPublishedDigits() {
        check(Op.EXP, 1.0, E, FLOAT32);
        check(Op.SIN, 1.0, SIN1, FLOAT32);
        check(Op.COS, 1.0, COS1, FLOAT32);
        check(Op.LOG, 2.0, LN2, FLOAT32);
        check(Op.TANH, 1.0, TANH1, FLOAT32);
    }

    @Test
    void logOfPowersOfTwoIsAMultipleOfLn2() {
        BigDecimal ln2 = new BigDecimal(LN2);
        for (int k : new int[] {-1074, -1022, -100, 3, 1023}) {
            String expected = ln2.multiply(BigDecimal.valueOf(k)).toString();
            check(Op.LOG, Math.scalb(1.0, k), expected, FLOAT64);
        }
    }

    @Test
    void expBeyondTheRangeKeepsItsExactValue() {
        // e^710 and e^-740 from the published digits of e by exact powering.
        MathContext mc = new MathContext(60);
        BigDecimal e710 = new BigDecimal(E).pow(710, mc);
        ExactElement big = reference.element(Op.EXP, FLOAT64, 710, 0);
        assertEquals(Double.POSITIVE_INFINITY, big.rounded());
        assertClose(e710, big.exact().toBigDecimal(), 1e-28);
        BigDecimal eMinus740 = BigDecimal.ONE.divide(new BigDecimal(E).pow(740, mc), mc);
        ExactElement tiny = reference.element(Op.EXP, FLOAT64, -740, 0);
        assertEquals(Double.parseDouble(eMinus740.toString()), tiny.rounded());
        assertTrue(tiny.rounded() < Double.MIN_NORMAL);
        assertClose(eMinus740, tiny.exact().toBigDecimal(), 1e-28);
        // float32: e^89 ≈ 4.49e38 is beyond Float.MAX_VALUE.
        assertEquals(Double.POSITIVE_INFINITY, reference.element(Op.EXP, FLOAT32, 89, 0).rounded());
        assertEquals(Double.POSITIVE_INFINITY, reference.element(Op.EXP, FLOAT64, 1e300, 0).rounded());
        assertEquals(0.0, reference.element(Op.EXP, FLOAT64, -1e300, 0).rounded());
    }

    private void check(Op op, double x, String published, DType dtype) {
        ExactElement e = reference.element(op, dtype, x, 0);
        double expected = dtype == FLOAT32 ? Float.parseFloat(published) : Double.parseDouble(published);
        assertEquals(expected, e.rounded(), op + "(" + x + ") in " + dtype);
        if (dtype == FLOAT64) {
            assertClose(new BigDecimal(published), e.exact().toBigDecimal(), 1e-29);
        } else {
            // The float32 first pass keeps StrictMath's double: within 2^-52 relative.
            assertClose(new BigDecimal(published), e.exact().toBigDecimal(), 0x1p-52);
        }
    }

    static void assertClose(BigDecimal expected, BigDecimal actual, double relative) {
        double rel = expected.subtract(actual).abs().divide(expected.abs(), MathContext.DECIMAL64).doubleValue();
        assertTrue(rel <= relative, "expected " + expected + " got " + actual + " (relative error " + rel + ")");
    }
}
