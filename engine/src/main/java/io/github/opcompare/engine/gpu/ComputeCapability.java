package io.github.opcompare.engine.gpu;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GPU's CUDA compute capability, {@code 9.0} for an H100: the instruction set its kernels must be
 * compiled for.
 */
public record ComputeCapability(int major, int minor) implements Comparable<ComputeCapability> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,2})\\.(\\d)");

    public ComputeCapability {
        if (major < 1 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("Not a CUDA compute capability: " + major + "." + minor);
        }
    }

    /** @throws IllegalArgumentException for anything but {@code <major>.<minor>}, as nvidia-smi prints it */
    public static ComputeCapability parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a CUDA compute capability: '" + text + "'");
        }
        return new ComputeCapability(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Whether GPU machine code (SASS) compiled for {@code this} runs on {@code device}. CUDA's rule for
     * binary compatibility: code for X.y runs on X.z with z >= y, never on another major version.
     */
    public boolean binaryRunsOn(ComputeCapability device) {
        return major == device.major && minor <= device.minor;
    }

    @Override
    public int compareTo(ComputeCapability other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    /** {@code 9.0}, as nvidia-smi and NVIDIA's tables write it. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}
