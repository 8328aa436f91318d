package io.github.opcompare.engine.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.engine.npy.NpyArray;
import io.github.opcompare.engine.npy.NpyReader;
import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What export-inputs writes: one .npy per operand in the dtype's own width, and a manifest that maps them. */
class InputExportTest {
    @TempDir
    Path dir;

    @Test
    void eachOperandIsANpyFileAndTheManifestSaysWhoseItIs() throws Exception {
        List<String> notes = new ArrayList<>();
        int written = InputExport.write(Planner.plan(List.of(
                new CaseSpec("pow-pair", "pow", List.of("float16", "bfloat16"), "values(1,2,0.5);values(2,3,-1)", 3, 1),
                new CaseSpec("every-float", "exp", List.of("float32"), "exhaustive", 100, 1))), dir, notes::add);

        assertEquals(2, written);
        assertEquals(List.of("opcompare: every-float/float32 not exported: its inputs are every value of 'exhaustive',"
                + " generated chunk by chunk, not a file"), notes);
        NpyArray base = NpyReader.read(dir.resolve("pow-pair-float16-in0.npy"));
        assertEquals("<f2", base.descr());
        assertArrayEquals(new double[] {1, 2, 0.5}, base.data());
        // .npy has no bfloat16: float32 holds each of its values exactly.
        NpyArray exponent = NpyReader.read(dir.resolve("pow-pair-bfloat16-in1.npy"));
        assertEquals("<f4", exponent.descr());
        assertArrayEquals(new double[] {2, 3, -1}, exponent.data());

        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals("opcompare-inputs/1", manifest.get("schema").asText());
        JsonNode bfloat = manifest.get("cases").get(1);
        assertEquals("pow-pair", bfloat.get("case").asText());
        assertEquals("bfloat16", bfloat.get("dtype").asText());
        assertEquals("pow", bfloat.get("op").asText());
        assertEquals(3, bfloat.get("length").asInt());
        assertEquals(3, bfloat.get("outputLength").asInt());
        assertEquals("[\"pow-pair-bfloat16-in0.npy\",\"pow-pair-bfloat16-in1.npy\"]", bfloat.get("files").toString());
        assertEquals("float32", bfloat.get("storedAs").asText());
    }
}
