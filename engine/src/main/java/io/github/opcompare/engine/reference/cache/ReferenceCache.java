package io.github.opcompare.engine.reference.cache;

import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.worker.dtype.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Exact references kept on disk between builds, one file per case named by its {@link
 * ReferenceKey}. Computing a reference takes seconds to minutes (arbitrary precision for the
 * hard cases); reading one back takes milliseconds. Files are written atomically, so runs that
 * write the same key at once leave one whole file; a file that cannot be used is reported, never
 * trusted, and gets replaced by the next store.
 */
public final class ReferenceCache {
    private final Path dir;

    public ReferenceCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Where the reference of this key is kept. */
    public Path file(ReferenceKey key) {
        return dir.resolve(key.hex() + ".ref");
    }

    /** The cached reference of the key, if there is a usable one: {@code length} outputs of {@code dtype}. */
    public Lookup load(ReferenceKey key, DType dtype, int length) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Lookup.MISS; // also when the folder is missing or is no folder: storing will say so
        }
        try {
            return new Lookup(CacheFile.read(file, key, dtype, length), null);
        } catch (NoSuchFileException e) {
            return Lookup.MISS;
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.io.EOFException ? "it ends early" : String.valueOf(e.getMessage());
            return new Lookup(null, file.getFileName() + " in " + dir + " is unusable (" + why + ")");
        }
    }

    /** Keeps the reference for the next run, replacing whatever file the key had. */
    public void store(ReferenceKey key, ExactResults results) throws IOException {
        CacheFile.write(file(key), key, results);
    }

    /**
     * What a lookup found: the results (a hit), or none with why a file was there but unusable,
     * or none and no problem (nothing cached yet).
     */
    public record Lookup(ExactResults results, String problem) {
        static final Lookup MISS = new Lookup(null, null);

        public boolean hit() {
            return results != null;
        }
    }
}
