package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * erfc's continued fraction, now also the fallback between 0.75 and 3 where 1 - erf cannot settle
 * the rounding: against apfloat's erfc at 45 digits its relative error must lie within the bound it
 * states (which must stay below 2^-78), and the reference must round as apfloat does.
 */
class ErfcContinuedFractionTest {
    @Test
    void continuedFractionIsWithinItsBoundFromTheFallbackOn() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 150; i++) {
            double x = i % 2 == 0 ? random.nextDouble(DoubleDoubleErf.FRACTION_FALLBACK_FROM, 3)
                    : random.nextDouble(3, 27);
            DoubleDoubleErf.Approx a = DoubleDoubleErf.continuedFraction(x);
            assertNotNull(a, "erfc(" + x + ") did not settle");
            assertTrue(a.bound() < 0x1p-78, "erfc(" + x + ") bound " + a.bound());
            BigDecimal exact = ArbitraryPrecision.evaluate(Op.ERFC, x, 45).value();
            double rel = a.value().toBigDecimal().subtract(exact).abs().divide(exact, MathContext.DECIMAL64).doubleValue();
            assertTrue(rel <= a.bound(), "erfc(" + x + "): " + rel + " beyond " + a.bound());
        }
    }

    @Test
    void argumentsThatOneMinusErfLeavesOpenAreSettledByTheFraction() {
        ReferenceCalculator reference = new ReferenceCalculator();
        SplittableRandom random = new SplittableRandom(13);
        int found = 0;
        for (int i = 0; i < 400_000 && found < 6; i++) {
            double x = random.nextDouble(2, 3);
            DoubleDoubleErf.Approx direct = DoubleDoubleErf.complementOfErf(x);
            DoubleDouble v = new DoubleDouble(direct.value().hi(), direct.value().lo());
            if (RoundingCells.settlesEveryFormat(v, Math.max(direct.bound(), 0x1p-78))) {
                continue;
            }
            found++;
            BigDecimal exact = ArbitraryPrecision.evaluate(Op.ERFC, x, 45).value();
            ExactElement e = reference.element(Op.ERFC, FLOAT64, x, 0);
            assertEquals(ExactRounding.round(exact, FLOAT64), e.rounded(), "erfc(" + x + ")");
            assertEquals(2, e.pass(), "erfc(" + x + ")");
        }
        assertTrue(found >= 3, "only " + found + " arguments left open by 1 - erf");
    }

    @Test
    void erfcRoundsAsApfloatAndStaysInDoubleDoubleBelowThree() {
        ReferenceCalculator reference = new ReferenceCalculator();
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 80; i++) {
            double x = random.nextDouble(0, 3);
            BigDecimal exact = ArbitraryPrecision.evaluate(Op.ERFC, x, 45).value();
            for (var dtype : new io.github.opcompare.worker.dtype.DType[] {FLOAT64, FLOAT32}) {
                double arg = dtype == FLOAT32 ? (float) x : x;
                BigDecimal want = dtype == FLOAT32 ? ArbitraryPrecision.evaluate(Op.ERFC, arg, 45).value() : exact;
                ExactElement e = reference.element(Op.ERFC, dtype, arg, 0);
                assertEquals(ExactRounding.round(want, dtype), e.rounded(), "erfc(" + arg + ") " + dtype);
                assertTrue(e.pass() <= 2, "erfc(" + arg + ") " + dtype + " went to pass " + e.pass());
            }
        }
    }
}
