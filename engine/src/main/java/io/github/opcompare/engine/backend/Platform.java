package io.github.opcompare.engine.backend;

import java.util.Locale;

/**
 * The classifier native jars are published under for a machine ({@code linux-x86_64},
 * {@code macosx-arm64}, {@code windows-x86_64}), as JavaCPP, TensorFlow Java and ND4J name them.
 */
public final class Platform {
    private Platform() {
    }

    public static String current() {
        return classifier(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** @throws IllegalArgumentException for an operating system or processor no library publishes natives for */
    public static String classifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String family;
        if (os.startsWith("linux")) {
            family = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            family = "macosx";
        } else if (os.startsWith("windows")) {
            family = "windows";
        } else {
            throw new IllegalArgumentException("No native libraries are published for the operating system '" + osName + "'");
        }
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            default -> throw new IllegalArgumentException("No native libraries are published for the processor '" + osArch + "'");
        };
        return family + "-" + arch;
    }
}
