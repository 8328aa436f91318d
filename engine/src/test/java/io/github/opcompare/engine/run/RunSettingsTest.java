package io.github.opcompare.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings no run can keep are refused where they are made, whoever makes them. */
class RunSettingsTest {
    private static RunSettings settings(List<Integer> sizes, Duration timeBudget, int repeats, Duration caseTimeout) {
        Path dir = Path.of("target");
        return new RunSettings(dir.resolve("results.json"), dir.resolve("work"), dir.resolve("logs"), sizes, timeBudget, repeats,
                false, caseTimeout, Duration.ofSeconds(60), 3, null, "test");
    }

    @Test
    void aTimeoutThatHasAlreadyRunOutIsRefused() {
        assertEquals("caseTimeout is PT-1S, but it must be positive", assertThrows(IllegalArgumentException.class,
                () -> settings(List.of(100), Duration.ofSeconds(4), 3, Duration.ofSeconds(-1))).getMessage());
        assertEquals("caseTimeout is PT0S, but it must be positive", assertThrows(IllegalArgumentException.class,
                () -> settings(List.of(100), Duration.ofSeconds(4), 3, Duration.ZERO)).getMessage());
    }

    @Test
    void repeatsBudgetsAndSizesOutOfRangeAreRefused() {
        assertEquals("repeats is 0, but a case runs at least once (repeats >= 1)", assertThrows(IllegalArgumentException.class,
                () -> settings(List.of(100), Duration.ofSeconds(4), 0, Duration.ofSeconds(600))).getMessage());
        assertEquals("timeBudget is PT-0.001S, but it must be 0 or more", assertThrows(IllegalArgumentException.class,
                () -> settings(List.of(100), Duration.ofMillis(-1), 3, Duration.ofSeconds(600))).getMessage());
        assertEquals("sizes [100, 0] hold 0, but a size is at least 1 element", assertThrows(IllegalArgumentException.class,
                () -> settings(List.of(100, 0), Duration.ofSeconds(4), 3, Duration.ofSeconds(600))).getMessage());
    }
}
