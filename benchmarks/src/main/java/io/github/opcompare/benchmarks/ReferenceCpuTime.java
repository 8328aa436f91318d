package io.github.opcompare.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.engine.domain.InputDomain;
import io.github.opcompare.engine.domain.InputPlan;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * CPU time per element of {@link ReferenceCalculator#compute} on each op's default domain: the
 * process's CPU time (all threads, the collector and the JIT included) over 20 invocations of a
 * million float32 values, best of several rounds after a warm-up. Unlike ReferenceBenchmark's
 * values per second, it stays comparable while other work shares the cores: 100 M values/s on two
 * cores is 20 ns of CPU per element.
 *
 * <pre>java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
 *     io.github.opcompare.benchmarks.ReferenceCpuTime exp,log,sin,tanh,sqrt float32 5</pre>
 */
public final class ReferenceCpuTime {
    private static final int VALUES = 1_000_000;
    private static final int INVOCATIONS = 20;

    private ReferenceCpuTime() {
    }

    public static void main(String[] args) {
        String[] ops = (args.length > 0 ? args[0] : "exp,log,sin,tanh,sqrt").split(",");
        DType dtype = DType.of(args.length > 1 ? args[1] : "float32");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int values = dtype == DType.FLOAT32 ? VALUES : VALUES / 50;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ReferenceCalculator reference = new ReferenceCalculator();
        System.out.printf("load average %.2f, %d cores%n", os.getSystemLoadAverage(), os.getAvailableProcessors());
        for (String id : ops) {
            Op op = Op.of(id);
            List<InputDomain> domains = DomainParser.splitOperands(op.defaultInputs()).stream().map(DomainParser::parse).toList();
            List<Values> inputs = InputPlan.generate(domains, dtype, values, 42);
            for (int i = 0; i < 2 * INVOCATIONS; i++) {
                reference.compute(op, dtype, inputs);
            }
            double cpu = Double.MAX_VALUE;
            double wall = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                for (int i = 0; i < INVOCATIONS; i++) {
                    reference.compute(op, dtype, inputs);
                }
                cpu = Math.min(cpu, (os.getProcessCpuTime() - cpu0) / ((double) INVOCATIONS * values));
                wall = Math.min(wall, (System.nanoTime() - wall0) / ((double) INVOCATIONS * values));
            }
            System.out.printf("%-6s %s  CPU %5.1f ns per element, wall %5.1f ns (%.1f M values/s)  best of %d%n",
                    id, dtype.id(), cpu, wall, 1e3 / wall, rounds);
        }
    }
}
