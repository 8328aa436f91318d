package io.github.opcompare.engine.run;

import io.github.opcompare.engine.domain.ExhaustiveDomain;
import io.github.opcompare.engine.reference.ReferenceCalculator;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the CPU time the engine spends judging chunks of the exhaustive float32 sweep of exp,
 * the straightforward path and the fast one side by side, on every {@code stride}-th chunk of the
 * 1,024 chunks of 2^22 inputs of all float32 (so a stride of 64 samples 16 chunks spread over the
 * whole range: NaNs, overflow, underflow, the interesting middle, the tiny arguments). Two stand-ins
 * for the backends: (float) Math.exp(x), and the same with subnormal results flushed to zero as
 * TensorFlow does. CPU time of the whole process (both cores' judging threads), per input.
 *
 * <pre>
 * java -cp engine/target/classes:engine/target/test-classes:$(cat engine.cp) \
 *   io.github.opcompare.engine.run.SweepJudgingBenchmark [stride] [offset] [rounds] [fast|straight]
 * </pre>
 */
public final class SweepJudgingBenchmark {
    private SweepJudgingBenchmark() {
    }

    public static void main(String[] args) {
        int stride = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int offset = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // "fast" or "straight" alone, for a quicker figure of one path
        String only = args.length > 3 ? args[3] : "";
        int chunk = ExhaustiveSweep.CHUNK;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ChunkJudge judge = new ChunkJudge(new ReferenceCalculator(), Op.EXP, DType.FLOAT32, 10);
        List<Long> starts = new ArrayList<>();
        for (long c = offset; c < (1L << 32) / chunk; c += stride) {
            starts.add(c * chunk);
        }
        ByteBuffer in = direct(chunk);
        ByteBuffer exact = direct(chunk);
        ByteBuffer flushed = direct(chunk);
        long first = Integer.MIN_VALUE;
        for (int r = 0; r < rounds; r++) {
            long[] total = new long[2];
            for (long start : starts) {
                for (int i = 0; i < chunk; i++) {
                    float x = Float.intBitsToFloat(ExhaustiveDomain.float32Bits(first + start + i));
                    float e = (float) Math.exp(x);
                    in.putFloat(i * 4, x);
                    exact.putFloat(i * 4, e);
                    flushed.putFloat(i * 4, Math.abs(e) < Float.MIN_NORMAL ? 0f : e);
                }
                List<ByteBuffer> outputs = List.of(flushed, exact);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "chunk from %-14s", 
                        Float.intBitsToFloat(ExhaustiveDomain.float32Bits(first + start))));
                for (int path = 0; path < 2; path++) {
                    if (only.equals(path == 0 ? "fast" : "straight")) {
                        continue;
                    }
                    long t0 = os.getProcessCpuTime();
                    ChunkJudge.Partial p = path == 0 ? judge.judgeStraight(in, outputs, new int[] {0, 1}, 2, chunk, start)
                            : judge.judge(in, outputs, new int[] {0, 1}, 2, chunk, start);
                    long t = os.getProcessCpuTime() - t0;
                    total[path] += t;
                    line.append(String.format(Locale.ROOT, "  %s %6.1f ns", path == 0 ? "straight" : "fast", (double) t / chunk));
                }
                System.out.println(line);
            }
            long inputs = (long) starts.size() * chunk;
            System.out.printf(Locale.ROOT, "round %d: %d inputs, CPU per input: straight %.1f ns, fast %.1f ns%n", r, inputs,
                    (double) total[0] / inputs, (double) total[1] / inputs);
        }
    }

    private static ByteBuffer direct(int n) {
        return ByteBuffer.allocateDirect(n * 4).order(ByteOrder.LITTLE_ENDIAN);
    }
}
