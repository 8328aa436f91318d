package io.github.opcompare.benchmarks;

import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.domain.InputDomain;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.engine.reference.ExactResults;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the exact reference: how many correctly rounded results per second
 * {@link ReferenceCalculator#compute} gives on all cores, per op and dtype, on each op's default
 * domain (the inputs a case that names only the op gets). Each invocation computes the whole array;
 * the score is invocations per second, so values per second is the score times {@code values}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class ReferenceBenchmark {
    @Param({"exp", "log", "sin", "tanh", "sqrt", "erf", "asinh", "sigmoid"})
    public String op;

    @Param({"float32", "float64"})
    public String dtype;

    /** Values per invocation: many for float32, fewer for float64, whose reference is far slower. */
    public int values;

    private final ReferenceCalculator reference = new ReferenceCalculator();
    private Op catalogOp;
    private DType type;
    private List<Values> inputs;

    @Setup(Level.Trial)
    public void setUp() {
        catalogOp = Op.of(op);
        type = DType.of(dtype);
        values = type == DType.FLOAT32 ? 1_000_000 : 20_000;
        // One domain per operand (pow and atan2 take two, separated by ';'), as a case that names only the op gets.
        List<InputDomain> domains = DomainParser.splitOperands(catalogOp.defaultInputs()).stream().map(DomainParser::parse).toList();
        inputs = InputPlan.generate(domains, type, values, 42);
        System.out.println("opcompare reference benchmark: " + op + " " + dtype + " on " + catalogOp.defaultInputs()
                + ", " + values + " values per invocation");
    }

    @Benchmark
    public ExactResults compute() {
        return reference.compute(catalogOp, type, inputs);
    }
}
