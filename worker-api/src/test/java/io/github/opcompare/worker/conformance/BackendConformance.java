package io.github.opcompare.worker.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.opcompare.worker.ArrayRef;
import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.TimingSpec;
import io.github.opcompare.worker.WorkerReply;
import io.github.opcompare.worker.WorkerRequest;
import io.github.opcompare.worker.data.RawArrayFiles;
import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * The conformance kit: what every backend must do, as one suite a backend module runs against its
 * own executor. A backend's test subclasses it, says how to make its {@link OpExecutor} and how the
 * plugin starts its worker, and passes when the backend is done:
 *
 * <pre>{@code
 * class JdkConformanceTest extends BackendConformance {
 *     protected OpExecutor executor() { return new JdkExecutor(false); }
 *     protected WorkerLaunch launch() { return WorkerLaunch.java(JdkWorker.class); }
 * }
 * }</pre>
 *
 * Each check runs twice: through the executor in this JVM (behind the worker server's own request
 * handling) and through a forked worker over the real protocol, which is how a worker in another
 * language (numpy_worker.py, whose {@link #executor()} is null) is held to the same spec. Expected
 * values are worked out by hand in the comments; none come from a library.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendConformance {
    /** The most a worker may grow by over the release check: a quarter of what kept results would add. */
    static final double RELEASE_TOLERANCE = 0.25;
    static final int RELEASE_CALLS = 10_000;
    static final int RELEASE_LENGTH = 1024;

    private final List<WorkerChannel> channels = new ArrayList<>();
    private final AtomicInteger files = new AtomicInteger();
    private ForkedWorker forked;
    private Path dir;

    /** The backend's executor for the checks in this JVM, or null for a worker not written in Java. */
    protected abstract OpExecutor executor();

    /** How the plugin starts this backend's worker process. */
    protected abstract WorkerLaunch launch();

    /**
     * Whether the library's kernels treat subnormal inputs of {@code dtype} as zero (denormals-are-zero),
     * so that an op returns a zero for them: TensorFlow 2.10's CPU kernels do. False by default: a
     * backend declares it, and only for the versions that do it.
     */
    protected boolean flushesSubnormalInputs(DType dtype) {
        return false;
    }

    /**
     * Whether this backend's module runs the kit once per tested version of its library, swapping the
     * library on the test classpath and naming the version it put there in the system property
     * {@code opcompare.conformance.libraryVersion}. False by default; TensorFlow and ND4J say true.
     */
    protected boolean runsPerLibraryVersion() {
        return false;
    }

    /**
     * For a backend run once per library version: the version that loaded is the one under test, so
     * that a swap that did not happen cannot pass as a tested version.
     */
    @Test
    void runsTheLibraryVersionUnderTest() {
        assumeTrue(runsPerLibraryVersion(), "the kit runs once, on the library version the backend's module depends on");
        String expected = System.getProperty("opcompare.conformance.libraryVersion");
        String loaded = executor().version();
        assertTrue(expected != null && (loaded.equals(expected) || loaded.startsWith(expected + " ")),
                "expected " + executor().library() + " " + expected + ", loaded " + loaded);
    }

    /**
     * Dtypes the library has no arithmetic in: every op must be answered {@code unsupported} with a
     * reason naming the dtype, never computed in a wider type and rounded (an emulation no user of
     * the library gets), e.g. the JDK's float16. By default those the backend's descriptor does not
     * claim ({@link DescriptorClaims}); none when there is no descriptor on the test's classpath.
     */
    protected Set<DType> dtypesWithoutArithmetic() {
        return DescriptorClaims.of(getClass()).map(DescriptorClaims::unclaimedDtypes).orElse(Set.of());
    }

    /** Ops the backend does not map: every dtype must answer them {@code unsupported}. By default those its descriptor does not claim. */
    protected Set<Op> opsNotMapped() {
        return DescriptorClaims.of(getClass()).map(DescriptorClaims::unclaimedOps).orElse(Set.of());
    }

    /**
     * The binary op the checks of the protocol's plumbing (failures, timing) run: {@code add}, or
     * {@code maximum} for a library that has no arithmetic of its own (Hipparchus' FastMath, whose
     * users write Java's + operator). Either gives exact results on small integers, checked by hand.
     */
    protected Op plumbingOp() {
        return Op.ADD;
    }

    /** The plumbing op on (1, 2) and (1, 2): 1 + 1 = 2 and 2 + 2 = 4; max(1, 1) = 1 and max(2, 2) = 2. */
    private double[] plumbingOpOnOneTwo() {
        return switch (plumbingOp()) {
            case ADD -> new double[] {2, 4};
            case MAXIMUM -> new double[] {1, 2};
            default -> throw new IllegalStateException("plumbingOp must be add or maximum, not " + plumbingOp());
        };
    }

    /** Why this backend cannot run on this machine (no GPU, no python3 with NumPy), or empty when it can. */
    protected Optional<String> unavailable() {
        return Optional.empty();
    }

    @BeforeAll
    void startBackend() throws Exception {
        Optional<String> why = unavailable();
        // Printed as well: surefire counts a class whose @BeforeAll aborts as no tests, without the reason.
        why.ifPresent(reason -> System.out.println(getClass().getSimpleName() + " skipped: " + reason));
        assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
        dir = Files.createTempDirectory("opcompare-conformance");
        OpExecutor executor = executor();
        if (executor != null) {
            channels.add(new InProcessChannel(executor));
        }
        forked = ForkedWorker.start(launch(), dir.resolve("worker-stderr.txt"));
        channels.add(forked);
    }

    @AfterAll
    void stopBackend() throws Exception {
        if (forked != null) {
            forked.close();
        }
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> helloNamesLibraryVersionDeviceAndThreads() {
        return onEachChannel(channel -> {
            WorkerReply hello = channel.send(WorkerRequest.hello());
            assertTrue(hello.ok(), String.valueOf(hello));
            assertFalse(blank(hello.library()), "library: " + hello);
            assertFalse(blank(hello.version()), "version: " + hello);
            assertFalse(blank(hello.device()), "device: " + hello);
            assertTrue(hello.threads() != null && hello.threads() >= 1, "threads: " + hello);
        });
    }

    @TestFactory
    Stream<DynamicTest> atan2TakesTheNumeratorFirst() {
        // C99 atan2(y, x) with y the first operand: (1, -1) is 3pi/4 (a swapped order gives -pi/4),
        // (-1, 0) is -pi/2, (0, -1) is pi. float32 nearest by hand from pi = 3.14159265358979...:
        // 2.3561945f, -1.5707964f, 3.1415927f; float64 within an ulp of the products of Math.PI.
        double[] y = {1, -1, 0};
        double[] x = {-1, 0, -1};
        return onEachChannelAndDtype(List.of(DType.FLOAT32, DType.FLOAT64), (channel, dtype) -> {
            double[] angle = okValues(channel, Op.ATAN2, dtype, y, x);
            if (dtype == DType.FLOAT32) {
                assertArrayBits(dtype, new double[] {2.3561945f, -1.5707964f, 3.1415927f}, angle, "atan2");
            } else {
                double[] exact = {3 * Math.PI / 4, -Math.PI / 2, Math.PI};
                for (int i = 0; i < exact.length; i++) {
                    assertEquals(exact[i], angle[i], Math.ulp(exact[i]), "atan2(" + y[i] + ", " + x[i] + ")");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> modIsCFmodWithTheSignOfTheDividend() {
        // fmod(x, y) = x - trunc(x / y) * y: fmod(-5.5, 2) = -5.5 - (-2) * 2 = -1.5, where a floor-mod
        // (NumPy's np.mod, TensorFlow's floormod) gives 0.5. The sign of y never matters.
        return onEachChannelAndDtype(List.of(DType.values()), (channel, dtype) -> assertArrayBits(dtype,
                new double[] {1.5, -1.5, 1.5, -1.5},
                okValues(channel, Op.MOD, dtype, new double[] {5.5, -5.5, 5.5, -5.5}, new double[] {2, 2, -2, -2}), "mod"));
    }

    @TestFactory
    Stream<DynamicTest> powTakesTheBaseFirst() {
        // pow(2, 3) = 8 where a swapped order gives 9; pow(3, 2) = 9; 2^-1 = 0.5; 4^0.5 = 2. All exact.
        return onEachChannelAndDtype(List.of(DType.values()), (channel, dtype) -> assertArrayBits(dtype,
                new double[] {8, 9, 0.5, 2},
                okValues(channel, Op.POW, dtype, new double[] {2, 3, 2, 4}, new double[] {3, 2, -1, 0.5}), "pow"));
    }

    @TestFactory
    Stream<DynamicTest> matmulReadsAndWritesRowMajor() {
        // The textbook 2x3 by 3x2 product, padded with zeros into the catalog's 3x3 operands:
        // [1 2 3; 4 5 6] x [7 8; 9 10; 11 12] = [1*7+2*9+3*11, 1*8+2*10+3*12; 4*7+5*9+6*11, 4*8+5*10+6*12]
        // = [58 64; 139 154]. Read column-major, the same 9 numbers give another product entirely.
        double[] a = {1, 2, 3, 4, 5, 6, 0, 0, 0};
        double[] b = {7, 8, 0, 9, 10, 0, 11, 12, 0};
        return onEachChannelAndDtype(List.of(DType.values()), (channel, dtype) -> assertArrayBits(dtype,
                new double[] {58, 64, 0, 139, 154, 0, 0, 0, 0}, okValues(channel, Op.MATMUL, dtype, a, b), "matmul"));
    }

    @TestFactory
    Stream<DynamicTest> sixteenBitArithmeticRoundsToItsFormat() {
        // float16 has 11 significand bits (spacing 2^-10 in [1, 2)) and tops out at 65504; bfloat16
        // has 8 (spacing 2^-7 in [1, 2)) and float32's exponent range. A result computed wider must
        // be rounded once to the format, to nearest, ties to even, overflowing past the midpoint.
        return onEachChannelAndDtype(List.of(DType.FLOAT16, DType.BFLOAT16), (channel, dtype) -> {
            if (dtype == DType.FLOAT16) {
                // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even give 1. 1 + 3 * 2^-11 is
                // halfway between 1 + 2^-10 (odd) and 1 + 2^-9 (even). 65504 + 15 = 65519 is below the
                // midpoint 65520 to 2^16: 65504; 65504 + 32 = 65536 is past it: Infinity.
                assertArrayBits(dtype, new double[] {1, 1 + 0x1p-9, 65504, Double.POSITIVE_INFINITY, -0.25},
                        okValues(channel, Op.ADD, dtype, new double[] {1, 1, 65504, 65504, -0.5},
                                new double[] {0x1p-11, 3 * 0x1p-11, 15, 32, 0.25}), "add");
            } else {
                // 1 + 2^-8 is halfway between 1 and 1 + 2^-7: 1. 2^126 + 2^126 = 2^127 is finite, as in
                // float32; 1.5 * 2^127 + 2^127 = 1.25 * 2^128 is not.
                assertArrayBits(dtype, new double[] {1, 0x1p127, Double.POSITIVE_INFINITY, 3.5},
                        okValues(channel, Op.ADD, dtype, new double[] {1, 0x1p126, 1.5 * 0x1p127, 3},
                                new double[] {0x1p-8, 0x1p126, 0x1p127, 0.5}), "add");
            }
            // sqrt(2) = 1.41421356...: 1448.15 steps of 2^-10 (float16), 181.02 steps of 2^-7
            // (bfloat16); both round down to 1448 * 2^-10 = 181 * 2^-7 = 1.4140625.
            Outcome sqrt = run(channel, Op.SQRT, dtype, new double[] {4, 0.25, 2, 0});
            if (sqrt.reply().ok()) {
                assertArrayBits(dtype, new double[] {2, 0.5, 1.4140625, 0}, sqrt.values(), "sqrt");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> reductionsCoverTheWholeVector() {
        // Six values, so that a reduction over rows of a 2x3 or 3x2 view would give a different count
        // of results. Every partial sum and product is exact in 8 bits: sum 15, mean 2.5, max 12,
        // min -4, product 2 * -4 * 0.5 * 12 * 3 * 1.5 = -216.
        double[] x = {2, -4, 0.5, 12, 3, 1.5};
        return onEachChannelAndDtype(List.of(DType.values()), (channel, dtype) -> {
            Object[][] expected = {{Op.REDUCE_SUM, 15.0}, {Op.REDUCE_MEAN, 2.5}, {Op.REDUCE_MAX, 12.0},
                {Op.REDUCE_MIN, -4.0}, {Op.REDUCE_PROD, -216.0}};
            int checked = 0;
            for (Object[] e : expected) {
                Outcome out = run(channel, (Op) e[0], dtype, x);
                if (out.reply().status().equals(WorkerReply.UNSUPPORTED)) {
                    continue;
                }
                assertTrue(out.reply().ok(), e[0] + ": " + out.reply());
                assertArrayBits(dtype, new double[] {(double) e[1]}, out.values(), e[0].toString());
                checked++;
            }
            assumeTrue(checked > 0, "no reduction in " + dtype);
        });
    }

    @TestFactory
    Stream<DynamicTest> rawBitPatternsRoundTripThroughNeg() {
        // neg flips the sign bit and nothing else (IEEE 754 negate is a bit operation), so the result
        // shows whether the copy into the library and out again kept every bit: zeros of both signs,
        // the smallest and largest subnormals, the smallest normal, 1, -2.5, the largest finite, the
        // infinities, and the quiet NaN without payload (any NaN comes back as a NaN).
        return onEachChannelAndDtype(List.of(DType.values()), (channel, dtype) -> {
            long[] bits = specialBits(dtype);
            long sign = 1L << (dtype.bytes() * 8 - 1);
            long mask = dtype.bytes() == 8 ? -1L : (1L << (dtype.bytes() * 8)) - 1;
            Path in = next("bits");
            RawFiles.writeBits(in, dtype, bits);
            Path outFile = next("neg");
            WorkerReply reply = channel.send(WorkerRequest.run(id(), Op.NEG.id(), dtype.id(),
                    List.of(new ArrayRef(in.toString(), bits.length)), new ArrayRef(outFile.toString(), bits.length), 1));
            assumeSupported(reply, Op.NEG, dtype);
            long[] negated = RawFiles.readBits(outFile, dtype, bits.length);
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < bits.length; i++) {
                boolean nan = Double.isNaN(dtype.decode(bits[i]));
                long expected = (bits[i] ^ sign) & mask;
                // neg(+0) may come back +0: a library that computes neg as 0 - x (ND4J in float16 and
                // bfloat16) gets +0 by IEEE 754 subtraction. That is the library's arithmetic, which a
                // backend reports as it is; the copies are still seen keeping -0 on the way in.
                boolean zeroAsZeroMinusX = bits[i] == 0 && negated[i] == 0;
                // A library whose kernels treat subnormal inputs as zero (DAZ) returns a zero for them:
                // its arithmetic, allowed only where the backend declares it.
                boolean flushed = flushesSubnormalInputs(dtype) && subnormal(dtype, bits[i]) && (negated[i] & ~sign & mask) == 0;
                if (nan ? !Double.isNaN(dtype.decode(negated[i])) : negated[i] != expected && !zeroAsZeroMinusX && !flushed) {
                    wrong.add("neg(0x" + Long.toHexString(bits[i]) + ") = 0x" + Long.toHexString(negated[i])
                            + (nan ? ", not a NaN" : ", not 0x" + Long.toHexString(expected)));
                }
            }
            assertTrue(wrong.isEmpty(), dtype + ": " + String.join("; ", wrong));
        });
    }

    private static boolean subnormal(DType dtype, long bits) {
        double value = Math.abs(dtype.decode(bits));
        double minNormal = switch (dtype) {
            case FLOAT16 -> 0x1p-14;
            case BFLOAT16, FLOAT32 -> 0x1p-126;
            case FLOAT64 -> 0x1p-1022;
        };
        return value != 0 && value < minNormal;
    }

    /** The special values of each format by their bit patterns, from the IEEE 754 layouts (bfloat16: float32's top half). */
    static long[] specialBits(DType dtype) {
        return switch (dtype) {
            // +0, -0, min subnormal 2^-24, max subnormal, min normal 2^-14, 1, -2.5, 65504, +Inf, -Inf, NaN
            case FLOAT16 -> new long[] {0x0000, 0x8000, 0x0001, 0x03ff, 0x0400, 0x3c00, 0xc100, 0x7bff, 0x7c00, 0xfc00, 0x7e00};
            case BFLOAT16 -> new long[] {0x0000, 0x8000, 0x0001, 0x007f, 0x0080, 0x3f80, 0xc020, 0x7f7f, 0x7f80, 0xff80, 0x7fc0};
            case FLOAT32 -> new long[] {0L, 0x80000000L, 0x1L, 0x007fffffL, 0x00800000L, 0x3f800000L, 0xc0200000L,
                0x7f7fffffL, 0x7f800000L, 0xff800000L, 0x7fc00000L};
            case FLOAT64 -> new long[] {0L, 0x8000000000000000L, 0x1L, 0x000fffffffffffffL, 0x0010000000000000L,
                0x3ff0000000000000L, 0xc004000000000000L, 0x7fefffffffffffffL, 0x7ff0000000000000L,
                0xfff0000000000000L, 0x7ff8000000000000L};
        };
    }

    @TestFactory
    Stream<DynamicTest> everyOpAndDtypeRunsOrIsUnsupportedWithAReason() {
        // Read once: by default both come from parsing the backend's descriptor.
        Set<DType> noArithmetic = dtypesWithoutArithmetic();
        Set<Op> notMapped = opsNotMapped();
        return onEachChannel(channel -> {
            List<String> wrong = new ArrayList<>();
            for (DType dtype : DType.values()) {
                for (Op op : Op.values()) {
                    int length = op.kind() == OpKind.MATRIX ? 4 : 5;
                    double[][] operands = new double[op.arity()][length];
                    for (int k = 0; k < op.arity(); k++) {
                        for (int i = 0; i < length; i++) {
                            // Inside every op's domain: acosh from 1 on, atanh, asin and acos below 1.
                            operands[k][i] = (op == Op.ACOSH ? 1.5 : 0.5) + (i + k) / 16.0;
                        }
                    }
                    WorkerReply reply = run(channel, op, dtype, operands).reply();
                    if (reply.status().equals(WorkerReply.UNSUPPORTED)) {
                        if (blank(reply.message())) {
                            wrong.add(op + " " + dtype + ": unsupported without a reason");
                        } else if (noArithmetic.contains(dtype) && !reply.message().contains(dtype.id())) {
                            wrong.add(op + " " + dtype + ": the reason does not name " + dtype + ": " + reply.message());
                        }
                    } else if (noArithmetic.contains(dtype)) {
                        wrong.add(op + " " + dtype + ": " + reply.status() + ", but the library has no " + dtype
                                + " arithmetic (an emulation?)");
                    } else if (notMapped.contains(op)) {
                        wrong.add(op + " " + dtype + ": " + reply.status() + ", but the descriptor does not claim " + op);
                    } else if (!reply.ok()) {
                        wrong.add(op + " " + dtype + ": " + reply.status() + ": " + reply.message());
                    }
                }
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        });
    }

    @TestFactory
    Stream<DynamicTest> aRequestThatCannotBeDoneIsFailedAndTheWorkerGoesOn() {
        // Portable ways to make any backend fail: an output file in a directory that does not exist,
        // and an input file that does not exist. Neither is unsupported (the library has the op).
        return onEachChannel(channel -> {
            DType dtype = firstSupported(channel, plumbingOp());
            Path a = next("a");
            RawArrayFiles.write(new Values(dtype, new double[] {1, 2}), a);
            List<ArrayRef> inputs = List.of(new ArrayRef(a.toString(), 2), new ArrayRef(a.toString(), 2));
            WorkerReply noDir = channel.send(WorkerRequest.run(id(), plumbingOp().id(), dtype.id(), inputs,
                    new ArrayRef(dir.resolve("no-such-dir").resolve("out.raw").toString(), 2), 1));
            assertEquals(WorkerReply.FAILED, noDir.status(), String.valueOf(noDir));
            assertFalse(blank(noDir.message()), String.valueOf(noDir));

            String missing = dir.resolve("no-such-input.raw").toString();
            WorkerReply noInput = channel.send(WorkerRequest.run(id(), plumbingOp().id(), dtype.id(),
                    List.of(new ArrayRef(missing, 2), new ArrayRef(missing, 2)), new ArrayRef(next("out").toString(), 2), 1));
            assertEquals(WorkerReply.FAILED, noInput.status(), String.valueOf(noInput));
            assertFalse(blank(noInput.message()), String.valueOf(noInput));

            // The worker is still there and still right.
            assertArrayBits(dtype, plumbingOpOnOneTwo(), okValues(channel, plumbingOp(), dtype, new double[] {1, 2}, new double[] {1, 2}),
                    plumbingOp().id() + " after failures");
        });
    }

    @TestFactory
    Stream<DynamicTest> timingFollowsTheTimingSpec() {
        // The rules of CallTimer and TimingSpec, checked from the replies alone (so from any worker):
        // the count of samples, the warm-up bounds, batches as long as a sample, and the budget.
        return onEachChannel(channel -> {
            DType dtype = firstSupported(channel, plumbingOp());
            int length = 16;

            // Up to the count: 7 samples of a fast op, never more, as the budget (10 s) is far off.
            WorkerReply seven = time(channel, dtype, length,
                    new TimingSpec(20_000_000L, 10_000_000, 7, 7, 20_000L, 1_000_000L, 10_000_000_000L));
            assertEquals(7, seven.sampleNanos().size(), String.valueOf(seven));
            assertTrue(seven.sampleNanos().stream().allMatch(t -> t > 0), String.valueOf(seven));
            // Copies are timed as a few samples with one warm-up copy (TimingRules.transferSamples at most).
            for (List<Double> copies : List.of(seven.transferInNanos(), seven.transferOutNanos())) {
                assertTrue(!copies.isEmpty() && copies.size() <= 10, "copy samples: " + copies);
            }
            assertTrue(seven.setupNanos() != null && seven.setupNanos() >= 0, String.valueOf(seven));

            // Warm-up stops at maxWarmupCalls: with 1, the first call is the whole warm-up.
            WorkerReply once = time(channel, dtype, length,
                    new TimingSpec(1_000_000_000L, 1, 5, 5, 20_000L, 1_000_000L, 10_000_000_000L));
            assertEquals(1L, once.warmupCalls(), String.valueOf(once));
            assertEquals(5, once.sampleNanos().size(), String.valueOf(once));

            // Batching: calls shorter than minSampleNanos (1 ms) are timed together, the fewest that
            // last 1 ms at warm-up's pace. A sample then lasts about 1 ms: at most 3 ms (a batch of
            // the fewest calls, with room for a busy machine), and at least a twentieth of it, since the
            // pace may still quicken after a warm-up that its time limit ended (TensorFlow Java's
            // eager calls get several times faster as the JIT compiles their glue; ND4J's batch of
            // 1 ms was seen at 94 µs once on a machine running four builds). A worker that ignores
            // minSampleNanos times one call per sample, which the first assertion catches.
            WorkerReply batched = time(channel, dtype, length,
                    new TimingSpec(2_000_000_000L, 10_000_000, 20, 5, 1_000_000L, 1_000_000L, 10_000_000_000L));
            long calls = batched.callsPerSample();
            assertTrue(calls > 1, "an add of 16 elements is shorter than 1 ms, yet timed alone: " + batched);
            double sample = median(batched.sampleNanos()) * calls;
            assertTrue(sample >= 50_000 && sample <= 3_000_000, "median sample of " + sample + " ns: " + batched);
            // And calls of at least minSampleNanos are timed one by one.
            WorkerReply alone = time(channel, dtype, length,
                    new TimingSpec(20_000_000L, 10_000_000, 5, 5, 1L, 1_000_000L, 10_000_000_000L));
            assertEquals(1L, alone.callsPerSample(), String.valueOf(alone));

            // The budget: sampling stops before the next sample would overrun the op's share of it
            // (1 - transferInShare - transferOutShare = 0.8); warm-up keeps to a quarter of the budget.
            long budget = 100_000_000L;
            long t0 = System.nanoTime();
            WorkerReply budgeted = time(channel, dtype, length,
                    new TimingSpec(2_000_000_000L, 10_000_000, 20_000, 1, 20_000L, 1_000_000L, budget));
            long wall = System.nanoTime() - t0;
            List<Double> samples = budgeted.sampleNanos();
            double longest = samples.stream().mapToDouble(Double::doubleValue).max().orElseThrow() * budgeted.callsPerSample();
            double sampling = samples.stream().mapToDouble(Double::doubleValue).sum() * budgeted.callsPerSample();
            assertTrue(samples.size() < 20_000, "the budget did not stop sampling: " + samples.size());
            assertTrue(sampling <= 0.8 * budget + longest, "sampled " + sampling + " ns of an op budget of " + 0.8 * budget);
            // Warm-up keeps to its quarter of the budget. Its calls' time is estimated at the fastest
            // sample's pace, with twice the quarter as the limit: warm-up uses its quarter to the full
            // by design, so any pace taken from the samples (the median was, once) puts an honest
            // worker at the limit whenever the machine slows down between warm-up and sampling (2,315
            // calls at a median of 11.4 µs read 26.4 ms against 25 ms, on CI). A worker that ignores
            // the quarter warms up for warmupNanos (2 s here), 80 times the quarter, and is still caught.
            double fastest = samples.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double warmup = budgeted.warmupCalls() * fastest;
            assertTrue(warmup <= 0.5 * budget + longest, budgeted.warmupCalls() + " warm-up calls take at least about " + warmup + " ns");
            // The whole request keeps to the budget, besides its setup. The slack (1 s) is for a busy
            // machine, where a worker waits for a core; a worker that ignores the budget is caught by
            // the sample count above (20,000 samples of at least 20 µs last 0.4 s and more).
            assertTrue(wall - budgeted.setupNanos() <= budget + 1_000_000_000L,
                    "the request took " + wall / 1e6 + " ms, setup " + budgeted.setupNanos() / 1e6 + " ms, budget 100 ms");
        });
    }

    @Test
    void resultsAreReleasedOverTenThousandCalls() throws Exception {
        assumeTrue(ProcessStatus.procAvailable(), "needs Linux /proc to read the worker's resident memory");
        // One run request of 10,000 calls of exp on 1,024 elements: each call must release the result
        // of the one before. Kept results would be 10,000 x 4 KiB = 40 MiB (float32; 80 in float64) of anonymous memory
        // (the output file is mapped, so it counts as file-backed, not anonymous). The tolerance, a
        // quarter of that (10 MiB in float32, 20 in float64), leaves room for what a worker
        // legitimately grows by after its warm-up (JIT-compiled code, the malloc arenas of a library's
        // threads) and still catches a leak. The warm-up is as long as the measure: after only 1,000
        // calls TensorFlow's arenas were still growing (float64, measured over 4 x 10,000 calls: 0.5.0
        // grew 17.5, 19.7, 19.7, 19.7 MiB; 1.1.0 12.2, 18.6, 20.1, 20.1), so the first 10,000 calls sat
        // at the tolerance; after 10,000 the next 10,000 grew 2.2 to 6.4 MiB, where a kept result grows 80.
        DType dtype = firstSupported(forked, Op.EXP);
        double[] x = new double[RELEASE_LENGTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 1024.0;
        }
        Path in = next("x");
        RawArrayFiles.write(new Values(dtype, x), in);
        repeat(in, dtype, RELEASE_CALLS);
        long before = ProcessStatus.residentAnonymousKb(forked.pid());
        repeat(in, dtype, RELEASE_CALLS);
        long grown = ProcessStatus.residentAnonymousKb(forked.pid()) - before;
        System.out.printf("%s: %,d calls of exp(%d %s) grew the worker's anonymous resident memory by %,d KiB%n",
                getClass().getSimpleName(), RELEASE_CALLS, RELEASE_LENGTH, dtype, grown);
        long keptKb = (long) RELEASE_CALLS * RELEASE_LENGTH * dtype.bytes() / 1024;
        assertTrue(grown <= keptKb * RELEASE_TOLERANCE, "the worker grew by " + grown + " KiB over " + RELEASE_CALLS
                + " calls (kept results would be " + keptKb + " KiB)");
    }

    private void repeat(Path in, DType dtype, int calls) throws IOException {
        Path out = next("repeated");
        WorkerReply reply = forked.send(WorkerRequest.run(id(), Op.EXP.id(), dtype.id(),
                List.of(new ArrayRef(in.toString(), RELEASE_LENGTH)), new ArrayRef(out.toString(), RELEASE_LENGTH * calls), calls));
        assertTrue(reply.ok(), String.valueOf(reply));
        Files.delete(out);
    }

    @Test
    void theWorkerEndsWhenTheProcessThatStartedItIsGone() throws Exception {
        assumeTrue(ProcessStatus.procAvailable() && Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh and /proc");
        // A shell starts the worker and is then killed, as a Maven killed with -9 would be. The
        // worker reads its requests from a named pipe this test keeps open for writing, so its stdin
        // never ends (a pipe from the shell's Process would be closed by the JDK when the shell
        // dies): only a watchdog on the worker's parent can end it.
        Path fifo = dir.resolve("orphan-stdin");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" < \"$0\" & echo $!; wait", fifo.toString()));
        command.addAll(launch().command());
        Path stderr = dir.resolve("orphan-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(launch().environment());
        Process shell = builder.start();
        long worker = -1;
        // Opening a named pipe for writing waits for its reader: the worker's redirected stdin.
        try (Writer requests = new OutputStreamWriter(Files.newOutputStream(fifo), StandardCharsets.UTF_8)) {
            BufferedReader replies = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
            worker = Long.parseLong(replies.readLine().strip());
            // A reply proves the worker is up, its watchdog started, and it reads the pipe.
            requests.write(io.github.opcompare.worker.WorkerJson.line(WorkerRequest.hello()) + "\n");
            requests.flush();
            assertNotNull(replies.readLine(), "no hello from the worker; stderr: " + Files.readString(stderr));
            assertTrue(ProcessStatus.running(worker));

            shell.destroyForcibly();
            assertTrue(shell.waitFor(10, TimeUnit.SECONDS), "the shell did not die");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ProcessStatus.running(worker) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(ProcessStatus.running(worker), "the worker " + worker + " outlived its parent by 10 s");
        } finally {
            if (worker > 0) {
                ProcessHandle.of(worker).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    // ---- driving a backend

    /** A reply, and the output values when it is ok. */
    record Outcome(WorkerReply reply, double[] values) {
    }

    Outcome run(WorkerChannel channel, Op op, DType dtype, double[]... operands) {
        List<ArrayRef> inputs = new ArrayList<>();
        for (double[] operand : operands) {
            Path file = next("in");
            RawArrayFiles.write(new Values(dtype, operand), file);
            inputs.add(new ArrayRef(file.toString(), operand.length));
        }
        int outLength = op.outputLength(operands[0].length);
        Path output = next("out");
        WorkerReply reply = channel.send(WorkerRequest.run(id(), op.id(), dtype.id(), inputs,
                new ArrayRef(output.toString(), outLength), 1));
        return new Outcome(reply, reply.ok() ? RawArrayFiles.read(output, dtype, outLength).array() : null);
    }

    /** The op's outputs; the check is skipped for a dtype the backend answers unsupported. */
    private double[] okValues(WorkerChannel channel, Op op, DType dtype, double[]... operands) {
        Outcome out = run(channel, op, dtype, operands);
        assumeSupported(out.reply(), op, dtype);
        return out.values();
    }

    private static void assumeSupported(WorkerReply reply, Op op, DType dtype) {
        assumeTrue(!WorkerReply.UNSUPPORTED.equals(reply.status()), () -> op + " " + dtype + " unsupported: " + reply.message());
        assertTrue(reply.ok(), op + " " + dtype + ": " + reply);
    }

    private WorkerReply time(WorkerChannel channel, DType dtype, int length, TimingSpec spec) {
        double[] x = new double[length];
        Arrays.fill(x, 0.5);
        Path a = next("t");
        RawArrayFiles.write(new Values(dtype, x), a);
        WorkerReply reply = channel.send(WorkerRequest.time(id(), plumbingOp().id(), dtype.id(),
                List.of(new ArrayRef(a.toString(), length), new ArrayRef(a.toString(), length)),
                new ArrayRef(next("timed").toString(), length), spec));
        assertTrue(reply.ok(), String.valueOf(reply));
        assertNotNull(reply.sampleNanos(), String.valueOf(reply));
        assertNotNull(reply.warmupCalls(), "a time reply names its warm-up calls: " + reply);
        return reply;
    }

    /** float64, else float32: every backend has the op in one of them. */
    private DType firstSupported(WorkerChannel channel, Op op) {
        for (DType dtype : List.of(DType.FLOAT64, DType.FLOAT32)) {
            double[][] operands = new double[op.arity()][];
            Arrays.fill(operands, new double[] {1, 2});
            if (run(channel, op, dtype, operands).reply().ok()) {
                return dtype;
            }
        }
        throw new AssertionError(op + " runs in neither float64 nor float32");
    }

    private Path next(String what) {
        return dir.resolve(what + "-" + files.incrementAndGet() + ".raw");
    }

    private String id() {
        return "conformance-" + files.incrementAndGet();
    }

    // ---- the suite's shape

    interface ChannelCheck {
        void check(WorkerChannel channel) throws Throwable;
    }

    interface DtypeCheck {
        void check(WorkerChannel channel, DType dtype) throws Throwable;
    }

    private Stream<DynamicTest> onEachChannel(ChannelCheck check) {
        return channels.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check.check(c)));
    }

    private Stream<DynamicTest> onEachChannelAndDtype(List<DType> dtypes, DtypeCheck check) {
        return channels.stream().flatMap(c -> dtypes.stream().map(d -> DynamicTest.dynamicTest(
                d + ", " + c.name(), (Executable) () -> check.check(c, d))));
    }

    private static void assertArrayBits(DType dtype, double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " in " + dtype);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(dtype.encode(expected[i]), dtype.encode(actual[i]),
                    what + " in " + dtype + ", element " + i + ": expected " + expected[i] + ", got " + actual[i]);
        }
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
