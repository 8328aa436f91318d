package io.github.opcompare.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects what is wrong with a goal's parameters, so that one build names every mistake at once
 * instead of one per try. Each parser reports a mistake as an {@link IllegalArgumentException}
 * whose message names the parameter, its value and the valid choices.
 */
public final class ParameterErrors {
    private final List<String> messages = new ArrayList<>();

    /** The parsed value, or null after noting why the parameter is invalid. */
    public <T> T take(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            messages.add(e.getMessage());
            return null;
        }
    }

    /** Runs a check that returns nothing, noting its complaint. */
    public void check(Runnable check) {
        take(() -> {
            check.run();
            return null;
        });
    }

    /** Throws, with every message, when anything was noted. */
    public void throwIfAny() {
        if (messages.size() == 1) {
            throw new IllegalArgumentException(messages.get(0));
        }
        if (!messages.isEmpty()) {
            throw new IllegalArgumentException(messages.size() + " parameters are invalid:\n  " + String.join("\n  ", messages));
        }
    }
}
