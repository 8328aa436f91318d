package io.github.opcompare.backend.tensorflow;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an op ran where it was pinned: compares the device TensorFlow names for a result
 * ({@code /job:localhost/replica:0/task:0/device:GPU:0}) with the requested one. An op that
 * TensorFlow placed elsewhere (no GPU kernel for it, no GPU registered) must be reported as such,
 * never timed as if it ran on the GPU.
 */
final class Placement {
    private static final Pattern DEVICE = Pattern.compile("/device:([A-Za-z_]+):(\\d+)$");

    private Placement() {
    }

    /** Why {@code actualName} is not device {@code index} of {@code type}; empty when it is. */
    static Optional<String> mismatch(String type, int index, String actualName) {
        Matcher m = DEVICE.matcher(actualName == null ? "" : actualName.strip());
        boolean named = m.find();
        if (named && m.group(1).toUpperCase(Locale.ROOT).equals(type.toUpperCase(Locale.ROOT))
                && Integer.parseInt(m.group(2)) == index) {
            return Optional.empty();
        }
        String requested = "/device:" + type.toUpperCase(Locale.ROOT) + ":" + index;
        String actual = actualName == null || actualName.isBlank() ? "an unnamed device" : actualName.strip();
        boolean cpu = named && "CPU".equalsIgnoreCase(m.group(1));
        return Optional.of("ran on " + actual + ", not on the requested " + requested
                + (cpu ? ": TensorFlow fell back to the CPU" : ""));
    }
}
