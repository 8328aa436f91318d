package io.github.opcompare.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void namesPlatformsAsJavaCppDoes() {
        assertEquals("linux-x86_64", Platform.classifier("Linux", "amd64"));
        assertEquals("linux-arm64", Platform.classifier("Linux", "aarch64"));
        assertEquals("macosx-arm64", Platform.classifier("Mac OS X", "aarch64"));
        assertEquals("macosx-x86_64", Platform.classifier("Mac OS X", "x86_64"));
        assertEquals("windows-x86_64", Platform.classifier("Windows 11", "amd64"));
    }

    @Test
    void unknownSystemIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Platform.classifier("SunOS", "sparcv9"));
        assertEquals("No native libraries are published for the operating system 'SunOS'", e.getMessage());
    }
}
