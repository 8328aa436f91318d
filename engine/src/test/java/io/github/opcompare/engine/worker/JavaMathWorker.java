package io.github.opcompare.engine.worker;

import io.github.opcompare.engine.dtype.DType;
import io.github.opcompare.engine.op.Op;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A real worker for the engine's own tests: java.lang.Math behind the same protocol and files as
 * the library backends, started in a forked JVM. Setting OPCOMPARE_TEST_FAULT makes it misbehave
 * the way a native library can (die, hang).
 */
public final class JavaMathWorker {
    private JavaMathWorker() {
    }

    public static void main(String[] args) {
        WorkerServer.main(Executor::new);
    }

    static final class Executor implements OpExecutor {
        @Override
        public String library() {
            return "java-math";
        }

        @Override
        public String version() {
            return System.getProperty("java.version");
        }

        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public PreparedCall prepare(Op op, DType dtype, List<ByteBuffer> inputs, int length) throws UnsupportedOpException {
            String fault = System.getenv("OPCOMPARE_TEST_FAULT");
            if ("exit".equals(fault)) {
                Runtime.getRuntime().halt(42);
            }
            if ("hang".equals(fault)) {
                sleepForever();
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
                    in[k][i] = dtype == DType.FLOAT32 ? inputs.get(k).getFloat(i * 4) : inputs.get(k).getDouble(i * 8);
                }
            }
            double[] out = new double[length];
            return new PreparedCall() {
                @Override
                public void call() {
                    for (int i = 0; i < length; i++) {
                        double r = f.applyAsDouble(in[0][i], in.length > 1 ? in[1][i] : 0);
                        // Correctly rounded for the benign float32 inputs the tests use.
                        out[i] = dtype.round(r);
                    }
                }

                @Override
                public void writeResult(ByteBuffer target) {
                    for (int i = 0; i < length; i++) {
                        if (dtype == DType.FLOAT32) {
                            target.putFloat(i * 4, (float) out[i]);
                        } else {
                            target.putDouble(i * 8, out[i]);
                        }
                    }
                }

                @Override
                public void close() {
                }
            };
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
