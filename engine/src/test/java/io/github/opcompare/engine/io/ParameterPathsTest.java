package io.github.opcompare.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paths the goals read and write, checked before anything is read or written. */
class ParameterPathsTest {
    @TempDir
    Path dir;

    @Test
    void aFileToReadMustBeThere() throws IOException {
        Path missing = dir.resolve("results.json");
        assertEquals("Invalid resultsFile '" + missing + "': no such file (run compare first)", assertThrows(
                IllegalArgumentException.class, () -> ParameterPaths.existingFile("resultsFile", missing, "run compare first"))
                .getMessage());
        assertEquals("Invalid resultsFile '" + dir + "': it is a folder; name a file (run compare first)", assertThrows(
                IllegalArgumentException.class, () -> ParameterPaths.existingFile("resultsFile", dir, "run compare first"))
                .getMessage());
        Path there = Files.writeString(missing, "{}");
        assertEquals(there, ParameterPaths.existingFile("resultsFile", there, "run compare first"));
    }

    @Test
    void aFileToWriteIsNeitherAFolderNorBelowAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("target"), "a file where the build folder should be");
        Path below = file.resolve("opcompare/results.json");
        assertEquals("Invalid mergeOutput '" + below + "': " + file + " is a file, not a folder; name the file to write",
                assertThrows(IllegalArgumentException.class, () -> ParameterPaths.outputFile("mergeOutput", below)).getMessage());
        assertEquals("Invalid mergeOutput '" + dir + "': it is a folder; name the file to write",
                assertThrows(IllegalArgumentException.class, () -> ParameterPaths.outputFile("mergeOutput", dir)).getMessage());
        // A file that is not there yet, in folders that are not there yet, is fine: they are created.
        Path fresh = dir.resolve("a/b/merged.json");
        assertEquals(fresh, ParameterPaths.outputFile("mergeOutput", fresh));
    }

    @Test
    void aFolderToWriteIntoIsNotAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("inputs"), "a file");
        assertEquals("Invalid inputsDirectory '" + file + "': " + file + " is a file, not a folder; name a folder (it is created"
                + " when missing)", assertThrows(IllegalArgumentException.class,
                () -> ParameterPaths.outputFolder("inputsDirectory", file)).getMessage());
        assertEquals(dir.resolve("new"), ParameterPaths.outputFolder("inputsDirectory", dir.resolve("new")));
    }
}
