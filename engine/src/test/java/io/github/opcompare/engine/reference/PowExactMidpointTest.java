package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * pow at exact midpoints with a non-integer or large exponent: without an exact evaluation no pass
 * could ever round these (apfloat would run to its digit limit and give up). Expected values are
 * worked out by hand: an odd integer N of p + 1 bits lies halfway between N - 1 and N + 1, and ties
 * go to the one whose significand (N ± 1)/2 is even.
 */
class PowExactMidpointTest {
    private final ReferenceCalculator reference = new ReferenceCalculator();

    @Test
    void squareRootPowersAtMidpoints() {
        // 250001² = 62500500001; 250001³ = 15625187500750001, odd with 54 bits: between ...000 and
        // ...002, whose significands are 7812593750375000 (even) and 7812593750375001.
        check(62500500001.0, 1.5, FLOAT64, 15625187500750000.0);
        // 301² = 90601; 301³ = 27270901, odd with 25 bits: 27270900 (significand 13635450, even) wins.
        check(90601.0, 1.5, FLOAT32, 27270900.0);
        // 11⁴ = 14641; 11⁷ = 19487171, odd with 25 bits: 19487172 (significand 9743586, even) wins.
        check(14641.0, 1.75, FLOAT32, 19487172.0);
    }

    @Test
    void powersOfTwoHalfwayBelowTheSmallestSubnormal() {
        // 2^-1075 is halfway between 0 and 2^-1074: ties to even give 0; 2^-150 likewise in float32.
        check(2.0, -1075.0, FLOAT64, 0.0);
        check(4.0, -537.5, FLOAT64, 0.0);
        check(0.25, 537.5, FLOAT64, 0.0);
        check(0.5, 1075.0, FLOAT64, 0.0);
        check(2.0, -1074.0, FLOAT64, Double.MIN_VALUE);
        check(2.0, -150.0, FLOAT32, 0.0);
        check(0x1p-100, 1.5, FLOAT32, 0.0);
        check(2.0, -149.0, FLOAT32, Float.MIN_VALUE);
        // Exact but representable: 2^96 and 16^-0.25 = 1/2; a negative base with an odd integer exponent.
        check(0x1p-48, -2.0, FLOAT64, 0x1p96);
        check(16.0, -0.25, FLOAT32, 0.5);
        check(-2.0, 101.0, FLOAT64, -0x1p101);
    }

    @Test
    void midpointsFoundBySearchRoundToTheEvenNeighbour() {
        // Every odd c and odd M with c^M of exactly 54 bits and c² < 2^53: x = c², y = M/2.
        int found = 0;
        for (long c = 3; c < 5000 && found < 40; c += 2) {
            for (int m = 3; m <= 33; m += 2) {
                BigInteger n = BigInteger.valueOf(c).pow(m);
                if (n.bitLength() == 54) {
                    found++;
                    check((double) (c * c), m / 2.0, FLOAT64, evenNeighbour(n));
                }
            }
        }
        assertEquals(40, found);
    }

    @Test
    void irrationalAndOddDenominatorPowersAreLeftToThePasses() {
        assertNull(PowExact.of(2.0, 0.5, FLOAT64));    // √2
        assertNull(PowExact.of(3.0, 1.5, FLOAT64));    // 3√3
        assertNull(PowExact.of(9.0, -0.5, FLOAT64));   // 1/3
        assertNull(PowExact.of(8.0, 1 / 3.0, FLOAT64)); // 1/3 is a dyadic y near a third: 8^y irrational
        assertNull(PowExact.of(3.0, 65.0, FLOAT64));   // 3^65: 103 bits, no midpoint
        assertNull(PowExact.of(2.0, 0.3, FLOAT64));
        assertNotNull(PowExact.of(9.0, 0.5, FLOAT64));
    }

    private void check(double x, double y, DType dtype, double want) {
        ExactElement e = reference.element(Op.POW, dtype, x, y);
        assertEquals(want, e.rounded(), "pow(" + x + ", " + y + ") " + dtype);
        assertEquals(0, e.pass(), "pow(" + x + ", " + y + ") settled exactly");
    }

    /** N odd with 54 bits: N - 1 or N + 1, whichever has an even 53-bit significand (N ± 1)/2. */
    private static double evenNeighbour(BigInteger n) {
        BigInteger down = n.subtract(BigInteger.ONE);
        BigInteger pick = down.shiftRight(1).testBit(0) ? n.add(BigInteger.ONE) : down;
        return (double) pick.longValueExact(); // 54-bit even integers are doubles exactly
    }
}
