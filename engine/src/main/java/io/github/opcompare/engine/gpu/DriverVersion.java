package io.github.opcompare.engine.gpu;

/** Compares NVIDIA driver versions ({@code 550.54.15}) number by number. */
final class DriverVersion {
    private DriverVersion() {
    }

    /** Whether {@code version} is at least {@code minimum}; an unreadable version counts as new enough. */
    static boolean atLeast(String version, String minimum) {
        if (version == null || !version.matches("\\d+(\\.\\d+)*")) {
            return true;
        }
        String[] a = version.split("\\.");
        String[] b = minimum.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? Long.parseLong(a[i]) : 0;
            long y = i < b.length ? Long.parseLong(b[i]) : 0;
            if (x != y) {
                return x > y;
            }
        }
        return true;
    }
}
