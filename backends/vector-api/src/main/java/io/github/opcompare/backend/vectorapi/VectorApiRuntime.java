package io.github.opcompare.backend.vectorapi;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the JVM can say about how the Vector API's operators are compiled here: the preferred
 * species, whether C2 (the compiler with the Vector API intrinsics) runs, the HotSpot flags that
 * switch the intrinsics and the vector math stubs on, and whether the JDK ships its SVML library.
 * What it cannot say: whether a given {@code lanewise} call site was in fact compiled to the
 * intrinsic rather than the scalar fallback. Only the JIT's own logs tell that
 * ({@code -XX:+UnlockDiagnosticVMOptions -XX:+PrintIntrinsics}), so the description says so.
 */
final class VectorApiRuntime {
    private VectorApiRuntime() {
    }

    static String describe() {
        List<String> facts = new ArrayList<>();
        facts.add("species " + VectorApiExecutor.FLOATS + " and " + VectorApiExecutor.DOUBLES);
        facts.add("C2 " + (c2Runs() ? "on" : "off"));
        for (String flag : List.of("EnableVectorSupport", "UseVectorStubs", "MaxVectorSize", "UseAVX")) {
            vmOption(flag).ifPresent(value -> facts.add(flag + "=" + value));
        }
        facts.add(svml());
        facts.add("whether each call site used the intrinsic is known only from -XX:+PrintIntrinsics");
        return "jdk.incubator.vector of Java " + System.getProperty("java.version") + " (" + String.join("; ", facts) + ")";
    }

    /** C2 compiles when the JVM compiles at all, up to tier 4, and is not an interpreter-only or C1-only build. */
    static boolean c2Runs() {
        String info = System.getProperty("java.vm.info", "");
        boolean compiles = vmOption("UseCompiler").map("true"::equals).orElse(true) && !info.contains("interpreted mode");
        boolean tier4 = vmOption("TieredStopAtLevel").map(v -> Integer.parseInt(v) >= 4).orElse(true);
        return compiles && tier4 && vmOption("UseSuperWord").isPresent();
    }

    /** Whether the JDK has its SVML stubs (x86-64 only); the vector math of other CPUs is elsewhere or scalar. */
    static String svml() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return "no SVML on " + arch;
        }
        Path lib = Path.of(System.getProperty("java.home"), "lib", System.mapLibraryName("jsvml"));
        return Files.isRegularFile(lib) ? "SVML " + lib.getFileName() + " shipped" : "no " + lib.getFileName() + " in this JDK: scalar fallback for transcendentals";
    }

    static java.util.Optional<String> vmOption(String name) {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean == null ? java.util.Optional.empty() : java.util.Optional.of(bean.getVMOption(name).getValue());
        } catch (IllegalArgumentException | LinkageError e) {
            // Not a HotSpot JVM, or a flag this build does not have.
            return java.util.Optional.empty();
        }
    }
}
