package io.github.opcompare.engine.reference.cache;

import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.worker.data.Values;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What a cached reference belongs to: a SHA-256 over everything that decides the exact results of
 * one case. The inputs themselves are part of it, not only the domain text: {@code file(...)}
 * domains can change content under the same text, and a change to an input generator changes
 * the values without changing the configuration. Hashing a few MB costs milliseconds.
 */
public final class ReferenceKey {
    /**
     * Bump this whenever a reference algorithm changes what it computes (a new pass, a fixed
     * rounding, another precision): every cached reference computed before then is ignored.
     * The opcompare version and the engine build are in the key as well, so a release or a
     * rebuilt engine jar starts afresh anyway; this number is what protects runs from the same
     * build folder (the engine's own classes directory, as in its tests).
     */
    public static final int REFERENCE_REVISION = 1;

    private static final int CHUNK = 1 << 15;

    private final byte[] sha256;

    private ReferenceKey(byte[] sha256) {
        this.sha256 = sha256;
    }

    /** The key of a planned case with its generated inputs. */
    public static ReferenceKey of(String opcompareVersion, PlannedCase planned, List<Values> inputs) {
        return of(opcompareVersion, planned.op().id(), planned.dtype().id(), planned.inputExpressions(), planned.seed(),
                planned.size(), inputs);
    }

    /** The key from its parts; every part is length-prefixed so that no two part lists hash alike. */
    public static ReferenceKey of(String opcompareVersion, String op, String dtype, List<String> domains, long seed, int size,
            List<Values> inputs) {
        MessageDigest sha = sha256();
        putInt(sha, CacheFile.FORMAT_VERSION);
        putInt(sha, REFERENCE_REVISION);
        putString(sha, opcompareVersion);
        putString(sha, EngineBuild.fingerprint());
        putString(sha, op);
        putString(sha, dtype);
        putInt(sha, domains.size());
        domains.forEach(d -> putString(sha, d));
        putLong(sha, seed);
        putInt(sha, size);
        putInt(sha, inputs.size());
        for (Values v : inputs) {
            putString(sha, v.dtype().id());
            putDoubles(sha, v.array());
        }
        return new ReferenceKey(sha.digest());
    }

    /** The 32 bytes of the hash, a copy. */
    public byte[] bytes() {
        return sha256.clone();
    }

    /** Lower-case hex, the cache file's name. */
    public String hex() {
        return HexFormat.of().formatHex(sha256);
    }

    boolean matches(byte[] stored) {
        return MessageDigest.isEqual(sha256, stored);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceKey k && Arrays.equals(sha256, k.sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return hex();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void putInt(MessageDigest sha, int v) {
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(v).array());
    }

    private static void putLong(MessageDigest sha, long v) {
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(v).array());
    }

    private static void putString(MessageDigest sha, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        putInt(sha, utf8.length);
        sha.update(utf8);
    }

    /** The raw bits (NaN payloads and the sign of zero count), copied in bulk rather than one by one. */
    private static void putDoubles(MessageDigest sha, double[] values) {
        putInt(sha, values.length);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; start += CHUNK) {
            int count = Math.min(CHUNK, values.length - start);
            buffer.clear();
            buffer.asDoubleBuffer().put(values, start, count);
            sha.update(buffer.array(), 0, count * Double.BYTES);
        }
    }
}
