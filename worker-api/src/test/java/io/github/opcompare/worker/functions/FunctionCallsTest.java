package io.github.opcompare.worker.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.RequestHandler;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.WorkerServer;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project functions run through the worker's protocol, as the forked worker runs them. */
class FunctionCallsTest {
    private static final String FIXTURES = SignatureFixtures.class.getName();

    @TempDir
    Path dir;

    private RequestHandler handler(Map<Op, String> functions) {
        Map<Op, MethodReference> references = new java.util.HashMap<>();
        functions.forEach((op, method) -> references.put(op, MethodReference.parse(FIXTURES + "#" + method)));
        return WorkerServer.handlerFor(new ProjectFunctionExecutor("acme", references, getClass().getClassLoader()));
    }

    private record Run(WorkerReply reply, double[] values) {
    }

    private Run run(RequestHandler handler, Op op, DType dtype, double[]... operands) {
        List<ArrayRef> inputs = new ArrayList<>();
        for (int i = 0; i < operands.length; i++) {
            Path file = dir.resolve(op.id() + "-" + dtype.id() + "-in" + i);
            RawArrayFiles.write(new Values(dtype, operands[i]), file);
            inputs.add(new ArrayRef(file.toString(), operands[i].length));
        }
        Path out = dir.resolve(op.id() + "-" + dtype.id() + "-out");
        int outLength = op.outputLength(operands[0].length);
        WorkerReply reply = handler.handle(WorkerRequest.run("1", op.id(), dtype.id(), inputs, new ArrayRef(out.toString(), outLength), 1));
        return new Run(reply, reply.ok() ? RawArrayFiles.read(out, dtype, outLength).array() : null);
    }

    @Test
    void eachFormRunsOverTheWholeArray() {
        RequestHandler h = handler(Map.of(Op.EXP, "twice", Op.LOG, "both", Op.SQRT, "halves", Op.REDUCE_SUM, "sum", Op.SUB, "difference"));
        assertArrayEquals(new double[] {2, -3, 0.5}, run(h, Op.EXP, DType.FLOAT32, new double[] {1, -1.5, 0.25}).values());
        assertArrayEquals(new double[] {2, -3, 0.5}, run(h, Op.EXP, DType.FLOAT64, new double[] {1, -1.5, 0.25}).values());
        // both(float[], float[]) adds 1; both(float) would give the input back.
        assertArrayEquals(new double[] {2, 0}, run(h, Op.LOG, DType.FLOAT32, new double[] {1, -1}).values());
        assertArrayEquals(new double[] {0.5, -2}, run(h, Op.SQRT, DType.FLOAT64, new double[] {1, -4}).values());
        assertArrayEquals(new double[] {6.5}, run(h, Op.REDUCE_SUM, DType.FLOAT32, new double[] {1, 2, 3.5}).values());
        assertArrayEquals(new double[] {-1, 2.5}, run(h, Op.SUB, DType.FLOAT64, new double[] {1, 3}, new double[] {2, 0.5}).values());
    }

    @Test
    void anExceptionOfTheFunctionIsAFailedResultNamingItAndWhereItWasThrown() {
        Run run = run(handler(Map.of(Op.ABS, "boom")), Op.ABS, DType.FLOAT32, new double[] {1, -2});
        assertEquals(WorkerReply.FAILED, run.reply().status(), String.valueOf(run.reply()));
        String message = run.reply().message();
        assertTrue(message.startsWith("java.lang.IllegalStateException: negative input -2.0\n"), message);
        assertTrue(message.contains("at " + FIXTURES + ".boom("), message);
    }

    @Test
    void anArrayOfTheWrongLengthIsAFailedResult() {
        Run run = run(handler(Map.of(Op.SQRT, "tooShort")), Op.SQRT, DType.FLOAT64, new double[] {1, 4});
        assertEquals(WorkerReply.FAILED, run.reply().status());
        assertTrue(run.reply().message().contains(FIXTURES + "#tooShort returned 1 values for 2 inputs"), run.reply().message());
    }

    @Test
    void unconfiguredOpsAndDtypesWithoutAFormAreUnsupported() {
        RequestHandler h = handler(Map.of(Op.EXP, "twice", Op.SUB, "difference"));
        Run noFunction = run(h, Op.LOG, DType.FLOAT32, new double[] {1});
        assertEquals(WorkerReply.UNSUPPORTED, noFunction.reply().status());
        assertEquals("no project function is configured for log under the name acme", noFunction.reply().message());
        assertEquals(WorkerReply.UNSUPPORTED, run(h, Op.EXP, DType.FLOAT16, new double[] {1}).reply().status());
        // difference takes doubles only: float32 has no form, so the worker answers unsupported with the lookup's reason.
        Run noFloat = run(h, Op.SUB, DType.FLOAT32, new double[] {1}, new double[] {1});
        assertEquals(WorkerReply.UNSUPPORTED, noFloat.reply().status());
        assertTrue(noFloat.reply().message().contains("no accepted signature"), noFloat.reply().message());
    }
}
