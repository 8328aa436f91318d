package io.github.opcompare.engine.worker;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.PreparedCall;
import io.github.opcompare.worker.UnsupportedOpException;
import io.github.opcompare.worker.WorkerServer;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A real worker for the engine's own tests: java.lang.Math behind the same protocol and files as
 * the library backends, started in a forked JVM. Setting OPCOMPARE_TEST_FAULT makes it misbehave
 * for real, the way a native library can, when it is asked to run an op:
 * <ul>
 *   <li>{@code exit}: exits with code 42;</li>
 *   <li>{@code hang}: never answers;</li>
 *   <li>{@code segv}: writes to address 0 through Unsafe, a real SIGSEGV that the JVM turns into a
 *       fatal error report and an abort;</li>
 *   <li>{@code abort}: sends itself SIGABRT, as a native library's failed assertion does;</li>
 *   <li>{@code oom}: allocates until the heap is exhausted;</li>
 *   <li>{@code garbage}: writes a line that is not JSON and one of broken JSON straight to the
 *       stdout file descriptor (as native code would), then answers normally;</li>
 *   <li>{@code throw}: throws, as a library that rejects an input does (the worker answers failed);</li>
 *   <li>{@code unsupported}: answers unsupported, as a recording asked for inputs it was not recorded on.</li>
 * </ul>
 * OPCOMPARE_TEST_FAULT_OP limits the fault to one op (e.g. {@code mul}); the others run normally.
 * OPCOMPARE_TEST_FAULT_ON=nan limits it to calls with a NaN among their inputs, as a library that
 * crashes on NaN: the case's own inputs run, its special inputs do not; {@code nonfinite} to calls with
 * a NaN or an infinity.
 *
 * <p>For the timing and reproducibility tests: OPCOMPARE_TEST_THREADS is the thread count it reports
 * (OMP_NUM_THREADS wins, as it does for OpenMP libraries); with more than one thread and
 * OPCOMPARE_TEST_NONDETERMINISTIC set, every second call returns each result one step up, as a
 * parallel reduction whose order changes would; OPCOMPARE_TEST_COST=overhead,perElement (nanoseconds)
 * makes each call busy-wait that long, a cost model the tests know exactly.
 *
 * <p>OPCOMPARE_TEST_NEW_LENGTH_MILLIS=m makes the first prepare at each length sleep m ms, the
 * fixed start-up cost a library pays for its first tensor or kernel of a shape.
 *
 * <p>OPCOMPARE_TEST_WRONG_AT=v makes the result for the input v one step too large, a planted error
 * that an accuracy check must find at exactly that input.
 *
 * <p>reduce_sum adds left to right in double from -0.0 (the identity of IEEE addition, so a sum of
 * -0s stays -0) and rounds once: correctly rounded in float32 for the short vectors the tests use.
 * With OPCOMPARE_TEST_WRONG_AT=v, a sum over a vector that holds v is one step too large.
 *
 * <p>OPCOMPARE_TEST_START_GATE=file holds the worker's start until the file exists.
 *
 * <p>OPCOMPARE_TEST_REFUSE=reason makes the executor's construction fail with that reason, as a
 * library that finds no usable device does.
 */
public final class JavaMathWorker {
    private JavaMathWorker() {
    }

    public static void main(String[] args) {
        WorkerServer.main(Executor::new);
    }

    static final class Executor implements OpExecutor {
        Executor() {
            String refusal = System.getenv("OPCOMPARE_TEST_REFUSE");
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            awaitStartGate();
        }

        /**
         * OPCOMPARE_TEST_START_GATE=file makes the worker's start (and so its hello) wait until that
         * file exists, at most a minute: a test opens the gate when the engine does something it
         * expects before this worker has said hello.
         */
        private static void awaitStartGate() {
            String gate = System.getenv("OPCOMPARE_TEST_START_GATE");
            if (gate == null) {
                return;
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!java.nio.file.Files.exists(java.nio.file.Path.of(gate)) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public String library() {
            return "java-math";
        }

        @Override
        public String version() {
            return System.getProperty("java.version");
        }

        /** OPCOMPARE_TEST_DEVICE, else cpu: lets a test pair a "CPU" and a "GPU" run of one library. */
        @Override
        public String device() {
            return System.getenv().getOrDefault("OPCOMPARE_TEST_DEVICE", "cpu");
        }

        @Override
        public int threads() {
            String omp = System.getenv("OMP_NUM_THREADS");
            String configured = omp != null ? omp : System.getenv("OPCOMPARE_TEST_THREADS");
            return configured == null ? 1 : Integer.parseInt(configured);
        }

        @Override
        public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
            String fault = System.getenv("OPCOMPARE_TEST_FAULT");
            String faultOp = System.getenv("OPCOMPARE_TEST_FAULT_OP");
            String faultOn = System.getenv("OPCOMPARE_TEST_FAULT_ON");
            if (fault != null && (faultOp == null || faultOp.equals(op.id())) && (faultOn == null || holds(faultOn, dtype, inputs, length))) {
                if (fault.equals("unsupported")) {
                    throw new UnsupportedOpException("planted: this input is not taken");
                }
                misbehave(fault);
            }
            payFirstCostOfLength(length);
            if (op == Op.REDUCE_SUM) {
                return sum(dtype, inputs.get(0), length);
            }
            DoubleBinaryOperator f = switch (op) {
                case SQRT -> (a, b) -> Math.sqrt(a);
                case ADD -> Double::sum;
                case MUL -> (a, b) -> a * b;
                default -> throw new UnsupportedOpException("java-math test worker has no " + op.id());
            };
            double[][] in = new double[inputs.size()][length];
            for (int k = 0; k < inputs.size(); k++) {
                for (int i = 0; i < length; i++) {
                    in[k][i] = switch (dtype) {
                        case FLOAT32 -> inputs.get(k).getFloat(i * 4);
                        case FLOAT64 -> inputs.get(k).getDouble(i * 8);
                        default -> dtype.decode(inputs.get(k).getShort(i * 2));
                    };
                }
            }
            double[] out = new double[length];
            boolean nondeterministic = threads() > 1 && System.getenv("OPCOMPARE_TEST_NONDETERMINISTIC") != null;
            String wrongAtText = System.getenv("OPCOMPARE_TEST_WRONG_AT");
            double wrongAt = wrongAtText == null ? Double.NaN : Double.parseDouble(wrongAtText);
            long cost = costNanos(length);
            return new PreparedCall() {
                long calls;

                @Override
                public void call() {
                    long start = System.nanoTime();
                    boolean bump = nondeterministic && calls++ % 2 == 1;
                    for (int i = 0; i < length; i++) {
                        double r = f.applyAsDouble(in[0][i], in.length > 1 ? in[1][i] : 0);
                        // Correctly rounded for the benign float32 inputs the tests use.
                        out[i] = dtype.round(r);
                        if (bump || in[0][i] == wrongAt) {
                            out[i] = switch (dtype) {
                                case FLOAT32 -> Math.nextUp((float) out[i]);
                                case FLOAT64 -> Math.nextUp(out[i]);
                                // The next 16-bit pattern: one step up for the positive values tests plant.
                                default -> dtype.decode(dtype.encode(out[i]) + 1);
                            };
                        }
                    }
                    while (System.nanoTime() - start < cost) {
                        Thread.onSpinWait();
                    }
                }

                @Override
                public void writeResult(ByteBuffer target) {
                    for (int i = 0; i < length; i++) {
                        switch (dtype) {
                            case FLOAT32 -> target.putFloat(i * 4, (float) out[i]);
                            case FLOAT64 -> target.putDouble(i * 8, out[i]);
                            default -> target.putShort(i * 2, (short) dtype.encode(out[i]));
                        }
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        private static PreparedCall sum(DType dtype, ByteBuffer input, int length) {
            String wrongAtText = System.getenv("OPCOMPARE_TEST_WRONG_AT");
            double wrongAt = wrongAtText == null ? Double.NaN : Double.parseDouble(wrongAtText);
            double s = -0.0;
            boolean bump = false;
            for (int i = 0; i < length; i++) {
                double x = dtype == DType.FLOAT32 ? input.getFloat(i * 4) : input.getDouble(i * 8);
                s += x;
                bump |= x == wrongAt;
            }
            double r = dtype.round(s);
            double result = bump ? (dtype == DType.FLOAT32 ? Math.nextUp((float) r) : Math.nextUp(r)) : r;
            return new PreparedCall() {
                @Override
                public void call() {
                }

                @Override
                public void writeResult(ByteBuffer target) {
                    if (dtype == DType.FLOAT32) {
                        target.putFloat(0, (float) result);
                    } else {
                        target.putDouble(0, result);
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        private final java.util.Set<Integer> lengthsSeen = new java.util.HashSet<>();

        private void payFirstCostOfLength(int length) {
            String millis = System.getenv("OPCOMPARE_TEST_NEW_LENGTH_MILLIS");
            if (millis != null && lengthsSeen.add(length)) {
                try {
                    Thread.sleep(Long.parseLong(millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static long costNanos(int length) {
            String cost = System.getenv("OPCOMPARE_TEST_COST");
            if (cost == null) {
                return 0;
            }
            String[] parts = cost.split(",");
            return Long.parseLong(parts[0]) + (long) (Double.parseDouble(parts[1]) * length);
        }

        /** Whether an input holds a NaN ({@code nan}), or a NaN or an infinity ({@code nonfinite}). */
        private static boolean holds(String what, DType dtype, List<ByteBuffer> inputs, int length) {
            for (ByteBuffer input : inputs) {
                for (int i = 0; i < length; i++) {
                    double x = switch (dtype) {
                        case FLOAT32 -> input.getFloat(i * 4);
                        case FLOAT64 -> input.getDouble(i * 8);
                        default -> dtype.decode(input.getShort(i * 2));
                    };
                    // "nan", "inf", or "from:<v>": an input at least v (a sweep's later chunks).
                    boolean hit = what.startsWith("from:") ? x >= Double.parseDouble(what.substring(5))
                            : what.equals("nan") ? Double.isNaN(x) : !Double.isFinite(x);
                    if (hit) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static void misbehave(String fault) {
            switch (fault) {
                case "throw" -> throw new IllegalStateException("planted failure: this input is refused");
                case "exit" -> Runtime.getRuntime().halt(42);
                case "hang" -> sleepForever();
                case "segv" -> segv();
                case "abort" -> abort();
                case "oom" -> exhaustHeap();
                case "garbage" -> garbage();
                default -> throw new IllegalArgumentException("unknown OPCOMPARE_TEST_FAULT '" + fault + "'");
            }
        }

        private static void segv() {
            try {
                java.lang.reflect.Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                f.setAccessible(true);
                Object unsafe = f.get(null);
                unsafe.getClass().getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 0L);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot reach Unsafe to crash", e);
            }
            throw new IllegalStateException("writing to address 0 did not crash");
        }

        private static void abort() {
            try {
                new ProcessBuilder("kill", "-ABRT", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot send SIGABRT", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sleepForever(); // the signal arrives asynchronously
        }

        static final List<long[]> HOARD = new java.util.ArrayList<>();

        private static void exhaustHeap() {
            while (true) {
                HOARD.add(new long[1 << 20]);
            }
        }

        private static void garbage() {
            try {
                java.io.FileOutputStream fd1 = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                fd1.write("this is not JSON\n{\"id\": \"broken\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                fd1.flush();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void sleepForever() {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
