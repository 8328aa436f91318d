package io.github.opcompare.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

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
    void longRunsOfHalvesAddUpExactlyWhereNoAdditionRounds() {
        // exp's overflow: 0.5 per input. 65,536 halves from 0 are 32,768; three billion from 1 are 1.5e9 + 1.
        assertEquals(32768.0, RepeatedSum.of(0.0, 0.5, 65536));
        assertEquals(1_500_000_001.0, RepeatedSum.of(1.0, 0.5, 3_000_000_000L));
        assertTrue(RepeatedSum.exactAllTheWay(1.0, 0.5, 3_000_000_000L));
        // Just below 2^52 the spacing of doubles is 0.5; from 2^52 on it is 1, so 2^52 + 0.5 is a tie
        // rounded to the even 2^52, and every later addition of 0.5 too: 2^52 - 4 plus twenty halves
        // ends on 2^52, not on the exact 2^52 + 6.
        assertFalse(RepeatedSum.exactAllTheWay(0x1p52 - 4, 0.5, 20));
        assertEquals(0x1p52, RepeatedSum.of(0x1p52 - 4, 0.5, 20));
        // Eight halves from 2^52 - 4 stay exact (the last is 2^52 itself) and are taken at once.
        assertEquals(0x1p52, RepeatedSum.of(0x1p52 - 4, 0.5, 8));
    }

    @Test
    void lowestBitByHand() {
        assertEquals(-1, RepeatedSum.lowestBit(0.5));
        assertEquals(-1, RepeatedSum.lowestBit(1.5));
        assertEquals(2, RepeatedSum.lowestBit(12.0));
        assertEquals(-1074, RepeatedSum.lowestBit(Double.MIN_VALUE));
        assertEquals(-1073, RepeatedSum.lowestBit(2 * Double.MIN_VALUE));
        assertEquals(971, RepeatedSum.lowestBit(Double.MAX_VALUE));
        assertEquals(-52, RepeatedSum.lowestBit(1.0 + 0x1p-52));
    }

    @Test
    void sameBitsAsTheLoopWhereverTheShortcutApplies() {
        // Sums and errors of few significant bits (as block sums of ulp errors are), some near where
        // the spacing of doubles grows, against the loop itself, bit for bit.
        SplittableRandom random = new SplittableRandom(19);
        int taken = 0;
        for (int c = 0; c < 200_000; c++) {
            int scale = random.nextInt(-60, 60);
            double u = Math.scalb((double) random.nextInt(1, 64), scale - 5);
            double sum = random.nextBoolean() ? 0.0 : Math.scalb((double) random.nextLong(1, 1L << 53), scale + random.nextInt(-3, 4));
            long times = random.nextInt(2, 40);
            double loop = sum;
            for (long j = 0; j < times; j++) {
                loop += u;
            }
            if (RepeatedSum.exactAllTheWay(sum, u, times)) {
                taken++;
            }
            assertEquals(Double.doubleToRawLongBits(loop), Double.doubleToRawLongBits(RepeatedSum.of(sum, u, times)),
                    sum + " + " + times + " x " + u);
        }
        assertTrue(taken > 10_000, "the shortcut was taken " + taken + " times");
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
