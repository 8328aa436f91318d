package io.github.opcompare.engine.reference.cache;

import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Which engine build computed a reference: the SHA-256 of the engine jar and of the worker API jar,
 * whose dtypes round the exact values to the target format. A SNAPSHOT keeps its version while its
 * reference code changes; a rebuilt jar then no longer matches the cache, even if someone forgot to
 * bump {@link ReferenceKey#REFERENCE_REVISION}. Run from a classes folder (the engine's own tests)
 * there is no jar, and the revision alone has to do.
 */
final class EngineBuild {
    private static volatile String fingerprint;

    private EngineBuild() {
    }

    static String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = compute();
            fingerprint = f;
        }
        return f;
    }

    private static String compute() {
        try {
            MessageDigest sha = ReferenceKey.sha256();
            for (Class<?> type : List.of(ReferenceCalculator.class, DType.class)) {
                CodeSource source = type.getProtectionDomain().getCodeSource();
                Path location = source == null ? null : Path.of(source.getLocation().toURI());
                if (location == null || !Files.isRegularFile(location)) {
                    return "classes";
                }
                try (InputStream in = new DigestInputStream(Files.newInputStream(location), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            // Unreadable: a value that never repeats, so nothing is reused rather than something stale.
            return "unknown-" + System.nanoTime();
        }
    }
}
