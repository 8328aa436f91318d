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

    @Test
    void sizesThatArePowersOfTenAreShort() {
        org.junit.jupiter.api.Assertions.assertEquals("1e6", Formats.size(1_000_000));
        org.junit.jupiter.api.Assertions.assertEquals("1e4", Formats.size(10_000));
        org.junit.jupiter.api.Assertions.assertEquals("1,000", Formats.size(1_000));
        org.junit.jupiter.api.Assertions.assertEquals("1,048,576", Formats.size(1_048_576));
        org.junit.jupiter.api.Assertions.assertEquals("2,000,000", Formats.size(2_000_000));
    }

    @Test
    void changeAlwaysShowsItsSign() {
        assertEquals("+200%", Formats.change(2.0)); // 0.5 -> 1.5
        assertEquals("-25.0%", Formats.change(-0.25)); // 2 ms -> 1.5 ms
        assertEquals("+3.0%", Formats.change(0.03));
        assertEquals("+0.0%", Formats.change(0));
        assertEquals("-100%", Formats.change(-1));
    }

    @Test
    void pValueHasTwoSignificantDigits() {
        assertEquals("0.0012", Formats.pValue(0.0012));
        assertEquals("0.50", Formats.pValue(0.5));
        assertEquals("<0.0001", Formats.pValue(3e-9));
    }
}
