package io.github.opcompare.engine.recording;

import java.nio.file.Path;

/**
 * One recorded output a user brings: the values some library computed elsewhere for one case and dtype.
 *
 * @param name the backend name the recording appears under ({@code numpy-1.13})
 * @param caseId the case's id ({@code seed-sqrt})
 * @param dtype the dtype id ({@code float32}); null means the case's only dtype
 * @param file the {@code .npy} file
 */
public record RecordingSpec(String name, String caseId, String dtype, Path file) {
}
