package io.github.opcompare.engine.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.engine.result.Reproducibility;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReproducibilityAnalyzerTest {
    private static Values f32(double... v) {
        return new Values(DType.FLOAT32, v);
    }

    @Test
    void identicalRunsAreReproducibleAndAllNansAreOne() {
        double otherNan = Float.intBitsToFloat(0x7fc00001);
        Reproducibility r = ReproducibilityAnalyzer.analyze(List.of(f32(1, Double.NaN), f32(1, otherNan), f32(1, Double.NaN)), null);
        assertTrue(r.reproducible());
        assertEquals(3, r.runs());
        assertEquals(1, r.distinctResults());
        assertEquals(0, r.maxStepSpread());
        assertNull(r.singleThreadIdentical());
    }

    @Test
    void aLastBitChangeAndASignedZeroAreDifferentResults() {
        double twoUp = Math.nextUp(2.0f); // one float32 step above 2
        double threeUp = Math.nextUp((float) Math.nextUp(2.0f)); // two steps above 2
        Reproducibility r = ReproducibilityAnalyzer.analyze(
                List.of(f32(2, 0.0, 5), f32(twoUp, 0.0, 5), f32(threeUp, -0.0, 5)), f32(2, 0.0, 5));
        assertFalse(r.reproducible());
        assertEquals(4, r.runs());
        assertEquals(3, r.distinctResults());
        // Runs 1 and 3 differ by two steps in the first element; +0 and -0 are zero steps apart.
        assertEquals(2, r.maxStepSpread());
        assertEquals(2, r.differingElements());
        assertTrue(r.singleThreadIdentical());
    }
}
