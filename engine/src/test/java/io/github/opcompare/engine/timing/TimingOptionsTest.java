package io.github.opcompare.engine.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingOptionsTest {
    @Test
    void sizesAcceptNumbersPowersOfTenAndPowers() {
        assertEquals(List.of(100, 1000, 10_000, 1 << 20), TimingOptions.sizes("1e4, 1000,1e2 , 2^20, 1e3"));
        assertEquals(List.of(), TimingOptions.sizes(" "));
    }

    @Test
    void noneMeansNoTimingAsAPomCannotSayBlank() {
        // <sizes></sizes> reaches the goal as unset, that is the default sizes; none is what a POM can write.
        assertEquals(List.of(), TimingOptions.sizes("none"));
        assertEquals(List.of(100, 1000, 10_000, 100_000, 1_000_000, 10_000_000), TimingOptions.sizes(" Full "));
        assertEquals(List.of(), TimingOptions.sizes(" None "));
        var mixed = assertThrows(IllegalArgumentException.class, () -> TimingOptions.sizes("none,1e3"));
        assertTrue(mixed.getMessage().startsWith("Invalid size 'none' in sizes 'none,1e3'"), mixed.getMessage());
    }

    @Test
    void aBadSizeIsNamedWithTheValidForms() {
        var e = assertThrows(IllegalArgumentException.class, () -> TimingOptions.sizes("1000,lots"));
        assertEquals("Invalid size 'lots' in sizes '1000,lots'; write whole numbers such as 1000, 1e6 or 10^6, comma-separated,"
                + " full for 1e2,1e3,1e4,1e5,1e6,1e7, or none for no timing",
                e.getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> TimingOptions.sizes("0"));
        assertTrue(zero.getMessage().startsWith("Size '0' in sizes '0' is out of range"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimingOptions.sizes("1e10"));
    }

    @Test
    void durationsInSecondsMillisecondsAndMinutes() {
        assertEquals(Duration.ofSeconds(4), TimingOptions.duration("timeBudget", "4s"));
        assertEquals(Duration.ofSeconds(4), TimingOptions.duration("timeBudget", "4"));
        assertEquals(Duration.ofMillis(1500), TimingOptions.duration("timeBudget", "1.5s"));
        assertEquals(Duration.ofMillis(500), TimingOptions.duration("timeBudget", "500ms"));
        assertEquals(Duration.ofMinutes(2), TimingOptions.duration("timeBudget", "2m"));
        assertEquals(Duration.ZERO, TimingOptions.duration("timeBudget", "0"));
    }

    @Test
    void aBadDurationIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> TimingOptions.duration("timeBudget", "4 sec"));
        assertEquals("Invalid timeBudget '4 sec'; write a duration such as 4s, 1.5s, 500ms or 2m", e.getMessage());
    }
}
