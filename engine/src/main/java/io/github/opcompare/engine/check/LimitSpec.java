package io.github.opcompare.engine.check;

/**
 * One limit as configured, before it is checked: all text, null where not given.
 *
 * @param with the other backend, for {@code agreement}
 * @param size the size, for {@code medianNanos}
 */
public record LimitSpec(String metric, String minimum, String maximum, String with, String size) {
}
