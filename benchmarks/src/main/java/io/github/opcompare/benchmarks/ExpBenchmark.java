package io.github.opcompare.benchmarks;

import io.github.opcompare.backend.nd4j.Nd4jExecutor;
import io.github.opcompare.backend.tensorflow.TensorFlowExecutor;
import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * float32 exp through the same {@link PreparedCall#call()} that the plugin's worker times: the op
 * alone, on inputs already in the library's tensors. Inputs are the plugin's: the case's
 * {@code uniform(-10,10)} values (100000 of them, seed 42) tiled to the timing size.
 *
 * <p>SampleTime, because it records the time of single calls and reports their percentiles: its
 * p50 is the per-call median, the statistic the plugin reports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Two forks, so that one JVM's lucky or unlucky thread placement is not the whole answer; a
// 10^6-element call lasts milliseconds, so 2 s iterations still collect hundreds of calls each.
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExpBenchmark {
    /** The plugin's case: L values of uniform(-10,10), seed 42, float32. */
    static final String DOMAIN = "uniform(-10,10)";
    static final int CASE_SIZE = 100_000;
    static final long SEED = 42;

    @Param({"tensorflow-cpu", "nd4j-cpu"})
    public String backend;

    @Param({"1000", "1000000"})
    public int size;

    private OpExecutor executor;
    private PreparedCall call;

    @Setup(Level.Trial)
    public void setUp() throws UnsupportedOpException {
        executor = switch (backend) {
            case "tensorflow-cpu" -> new TensorFlowExecutor();
            case "nd4j-cpu" -> new Nd4jExecutor();
            default -> throw new IllegalArgumentException("unknown backend " + backend);
        };
        float[] values = tiledInputs(size);
        ByteBuffer input = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        input.asFloatBuffer().put(values);
        call = executor.prepare(Op.EXP, DType.FLOAT32, List.of(input), size);
        call.call();
        checkResult(values);
        // Printed from the forked JVM, so the log shows which library really ran there.
        System.out.println("opcompare benchmark: " + backend + " = " + executor.library() + " " + executor.version()
                + " on " + executor.device() + ", exp float32 x " + size + ", result checked");
    }

    @Benchmark
    public void exp() {
        call.call();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (call != null) {
            call.close();
        }
    }

    /** Element i is element (i mod L) of the case's inputs: how the plugin builds its timing inputs. */
    static float[] tiledInputs(int size) {
        Values values = InputPlan.generate(List.of(DomainParser.parse(DOMAIN)), DType.FLOAT32, CASE_SIZE, SEED).get(0);
        float[] tiled = new float[size];
        for (int i = 0; i < size; i++) {
            tiled[i] = (float) values.get(i % values.length());
        }
        return tiled;
    }

    /**
     * Fails the trial unless the call computed exp, so that a wrong classpath or a library that
     * silently did nothing cannot produce a fast, meaningless figure.
     */
    private void checkResult(float[] inputs) {
        ByteBuffer out = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        call.writeResult(out);
        for (int i = 0; i < size; i += Math.max(1, size / 100)) {
            double expected = Math.exp(inputs[i]);
            double got = out.getFloat(i * Float.BYTES);
            // A few float32 ulps: far looser than either library's error, far tighter than a wrong op.
            if (!(Math.abs(got - expected) <= 1e-6 * expected)) {
                throw new IllegalStateException(backend + ": exp(" + inputs[i] + ") = " + got + ", expected " + expected);
            }
        }
    }
}
