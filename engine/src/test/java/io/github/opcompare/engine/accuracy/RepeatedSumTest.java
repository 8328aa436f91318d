package io.github.opcompare.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A run of equal errors added at once must leave the sum a loop of additions leaves, rounding and signed zeros included. */
class RepeatedSumTest {
    @Test
    void eachAdditionRoundsAsInALoop() {
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2, rounded to the even 2^53: three additions of 1
        // leave 2^53, where the exact sum 2^53 + 3 would round to 2^53 + 4.
        assertEquals(0x1p53, RepeatedSum.of(0x1p53, 1.0, 3));
        // 0.5 added to 0.25 four times: exact all the way, 2.25.
        assertEquals(2.25, RepeatedSum.of(0.25, 0.5, 4));
        // 0.1 (the double) ten times from 0: the famous 0.9999999999999999.
        assertEquals(0.9999999999999999, RepeatedSum.of(0.0, 0.1, 10));
    }

    @Test
    void zerosFollowIeee() {
        assertEquals(1.5, RepeatedSum.of(1.5, 0.0, 100));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(RepeatedSum.of(-0.0, -0.0, 7)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(RepeatedSum.of(-0.0, 0.0, 7)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(RepeatedSum.of(0.0, -0.0, 7)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(RepeatedSum.of(-0.0, 0.5, 0)));
    }
}
