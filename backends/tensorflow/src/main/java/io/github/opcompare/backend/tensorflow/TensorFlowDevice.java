package io.github.opcompare.backend.tensorflow;

import java.util.Locale;
import java.util.Map;
import org.tensorflow.DeviceSpec;

/**
 * The device a TensorFlow worker pins its ops to, chosen by {@code OPCOMPARE_TF_DEVICE} ({@code cpu},
 * the default, or {@code gpu}): one worker module serves tensorflow-cpu and tensorflow-gpu.
 */
enum TensorFlowDevice {
    CPU(DeviceSpec.DeviceType.CPU),
    GPU(DeviceSpec.DeviceType.GPU);

    static final String VARIABLE = "OPCOMPARE_TF_DEVICE";

    private final DeviceSpec spec;

    TensorFlowDevice(DeviceSpec.DeviceType type) {
        this.spec = DeviceSpec.newBuilder().deviceType(type).deviceIndex(0).build();
    }

    /** @throws IllegalArgumentException for a value that names no device, with the valid ones */
    static TensorFlowDevice fromEnvironment(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return CPU;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "cpu":
                return CPU;
            case "gpu":
                return GPU;
            default:
                throw new IllegalArgumentException(VARIABLE + "=" + value + " names no device; use cpu or gpu");
        }
    }

    /** {@code /device:GPU:0}: what ops are pinned to. */
    DeviceSpec spec() {
        return spec;
    }

    /** {@code GPU}, as TensorFlow's device names write the type. */
    String type() {
        return name();
    }

    /** {@code gpu}: the device as results name it. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
