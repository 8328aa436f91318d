package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void ulpKeepsTwoDecimalsNearHalf() {
        assertEquals("0.50", Formats.ulp(0.5));
        assertEquals("0", Formats.ulp(0));
        assertEquals("4.00", Formats.ulp(4));
        assertEquals("12.0", Formats.ulp(12));
        assertEquals("1.68e7", Formats.ulp(16_777_216)); // 2^24
    }

    @Test
    void percentNeverRoundsToAllOrNothing() {
        assertEquals("100%", Formats.percent(1.0));
        assertEquals("98.77%", Formats.percent(0.987654));
        assertEquals(">99.99%", Formats.percent(1 - 1e-7));
        assertEquals("<0.01%", Formats.percent(1e-7));
        assertEquals("0%", Formats.percent(0));
    }

    @Test
    void durationPicksUnitWithThreeSignificantDigits() {
        assertEquals("850 ns", Formats.duration(850));
        assertEquals("1.00 µs", Formats.duration(999.7)); // rounds up into the next unit, not "1000 ns"
        assertEquals("12.3 µs", Formats.duration(12_345));
        assertEquals("1.50 ms", Formats.duration(1_500_000));
        assertEquals("2.50 s", Formats.duration(2_500_000_000.0));
        assertEquals("—", Formats.duration(Double.NaN));
    }

    @Test
    void bytesInBinaryUnits() {
        assertEquals("64.0 GiB", Formats.bytes(64L * 1024 * 1024 * 1024));
        assertEquals("512 B", Formats.bytes(512));
    }
}
