package io.github.opcompare.worker.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescriptorClaimsTest {
    @Test
    void whatADescriptorDoesNotClaimMustBeUnsupported() throws IOException {
        DescriptorClaims claims = parse("""
                {"format": "opcompare-backend/1",
                 // comments are allowed, as in the real descriptors
                 "dtypes": ["float32", "float64"], "ops": ["exp", "atan2"]}""");
        assertEquals(Set.of(DType.FLOAT16, DType.BFLOAT16), claims.unclaimedDtypes());
        Set<Op> unclaimed = claims.unclaimedOps();
        assertEquals(Op.values().length - 2, unclaimed.size());
        assertTrue(!unclaimed.contains(Op.EXP) && !unclaimed.contains(Op.ATAN2) && unclaimed.contains(Op.LOG));
    }

    @Test
    void aStarClaimsEveryOp() throws IOException {
        DescriptorClaims claims = parse("{\"dtypes\": [\"float16\", \"bfloat16\", \"float32\", \"float64\"], \"ops\": [\"*\"]}");
        assertEquals(EnumSet.noneOf(DType.class), claims.unclaimedDtypes());
        assertEquals(EnumSet.noneOf(Op.class), claims.unclaimedOps());
    }

    @Test
    void withoutADescriptorOnTheClasspathNothingIsClaimedOrDenied() {
        // worker-api's own tests have no backend.json: the kit then asks nothing of the claims.
        assertTrue(DescriptorClaims.of(DescriptorClaimsTest.class).isEmpty());
    }

    private static DescriptorClaims parse(String json) throws IOException {
        return DescriptorClaims.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
