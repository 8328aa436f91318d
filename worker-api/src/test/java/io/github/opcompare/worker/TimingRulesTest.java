package io.github.opcompare.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The timing rules travel with every time request, so that a worker in another language reads the
 * very numbers CallTimer and WorkerServer use (numpy_worker.py keeps none of its own).
 */
class TimingRulesTest {

    @Test
    void aTimeRequestCarriesTheRulesTheJavaTimerUses() throws Exception {
        TimingSpec spec = TimingSpec.withBudget(1_000_000_000L);
        JsonNode json = new ObjectMapper().readTree(WorkerJson.line(WorkerRequest.time("c", "exp", "float32", null, null, spec)));
        JsonNode rules = json.get("timing").get("rules");
        assertEquals(TimingSpec.WARMUP_SHARE, rules.get("warmupShare").asDouble());
        assertEquals(TimingSpec.TRANSFER_IN_SHARE, rules.get("transferInShare").asDouble());
        assertEquals(TimingSpec.TRANSFER_OUT_SHARE, rules.get("transferOutShare").asDouble());
        assertEquals(CallTimer.STEADY_TOLERANCE, rules.get("steadyTolerance").asDouble());
        assertEquals(3, rules.get("steadyRounds").asInt());
        assertEquals(1L << 30, rules.get("maxBatch").asLong());
        assertEquals(64, rules.get("maxGrowth").asInt());
        assertEquals(spec.forTransfer(0.1).samples(), rules.get("transferSamples").asInt());
        assertEquals(5, rules.get("longCopySamples").asInt());
    }

    @Test
    void theRulesAreWrittenButNotReadBack() throws Exception {
        TimingSpec spec = TimingSpec.withBudget(5);
        WorkerRequest back = WorkerJson.parse(WorkerJson.line(WorkerRequest.time("c", "exp", "float32", null, null, spec)),
                WorkerRequest.class);
        assertEquals(spec, back.timing());
    }

    @Test
    void aSpecCallingForTwoSecondsLeavesTheOpTwoSecondsAfterTheTransfersShares() {
        // The JIT warm-up: with 10% of the budget for each copy, a budget of 2 s would call the op for 1.6 s;
        // the budget is 2 s / 0.8 = 2.5 s, so the op's part is 2 s again.
        TimingSpec spec = TimingSpec.callingFor(2_000_000_000L);
        assertEquals(2_500_000_000L, spec.budgetNanos());
        long op = spec.forOp().budgetNanos();
        assertTrue(op >= 2_000_000_000L && op <= 2_000_000_001L, op + " ns");
        assertEquals(2_000_000_000L, spec.warmupNanos());
    }
}
