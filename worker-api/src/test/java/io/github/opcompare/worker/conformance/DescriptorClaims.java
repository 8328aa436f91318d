package io.github.opcompare.worker.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The dtypes and ops a backend's descriptor ({@code META-INF/opcompare/backend.json} in its own jar)
 * claims, so that the kit holds the backend to what it tells users: an unclaimed dtype or op must be
 * answered {@code unsupported} with a reason, everywhere. The kit reads the claims rather than
 * repeating them, so a descriptor that promises more than the worker does fails its backend's build.
 */
record DescriptorClaims(Set<DType> dtypes, Set<Op> ops) {
    static final String RESOURCE = "/META-INF/opcompare/backend.json";

    /** The claims of the descriptor on the classpath of the backend's test, if it has one. */
    static Optional<DescriptorClaims> of(Class<?> test) {
        try (InputStream in = test.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static DescriptorClaims parse(InputStream in) throws IOException {
        JsonNode descriptor = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS).readTree(in);
        Set<DType> dtypes = EnumSet.noneOf(DType.class);
        descriptor.path("dtypes").forEach(d -> dtypes.add(DType.of(d.asText())));
        Set<Op> ops = EnumSet.noneOf(Op.class);
        for (JsonNode op : descriptor.path("ops")) {
            if (op.asText().equals("*")) {
                ops.addAll(EnumSet.allOf(Op.class));
            } else {
                ops.add(Op.of(op.asText()));
            }
        }
        return new DescriptorClaims(dtypes, ops);
    }

    Set<DType> unclaimedDtypes() {
        Set<DType> unclaimed = EnumSet.allOf(DType.class);
        unclaimed.removeAll(dtypes);
        return unclaimed;
    }

    Set<Op> unclaimedOps() {
        Set<Op> unclaimed = EnumSet.allOf(Op.class);
        unclaimed.removeAll(ops);
        return unclaimed;
    }
}
