package io.github.opcompare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** How the browser test finds Chromium, and what it does without one: skip on a desk, fail on CI. */
class ChromiumLookupTest {
    @TempDir
    Path dir;

    @Test
    void aBrowserOnThePathIsFound() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path chromium = executable(bin.resolve("chromium"));
        assertEquals(chromium, DevToolsBrowser.find(Map.of("PATH", empty + ":" + bin)));
    }

    @Test
    void withoutABrowserTheTestIsSkippedButFailsOnCi() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        // A file of that name that cannot run is not a browser.
        Files.writeString(empty.resolve("chromium"), "not a program");
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> BrowserReportTest.chromiumOrSkip(Map.of("PATH", empty.toString())));
        assertTrue(skipped.getMessage().contains("Skipped"), skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> BrowserReportTest.chromiumOrSkip(Map.of("PATH", empty.toString(), "CI", "true")));
        assertTrue(failed.getMessage().contains("required on CI"), failed.getMessage());
    }

    @Test
    void aConfiguredBrowserThatIsNotThereFailsInsteadOfSkipping() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DevToolsBrowser.find(Map.of("OPCOMPARE_CHROMIUM", dir.resolve("no-such-chromium").toString())));
        assertTrue(e.getMessage().contains("no-such-chromium"), e.getMessage());
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
