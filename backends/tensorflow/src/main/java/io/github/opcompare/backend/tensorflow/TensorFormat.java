package io.github.opcompare.backend.tensorflow;

import io.github.opcompare.worker.dtype.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DoubleDataBuffer;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.ndarray.buffer.ShortDataBuffer;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TNumber;

/**
 * One dtype's TensorFlow tensor type and the copies between it and the protocol's raw little-endian
 * arrays.
 *
 * <p>Copies go through a bounded Java array in chunks: NIO's bulk get/put and TF Java's bulk
 * array write/read are each a memory copy, whereas TF Java's own NIO-to-tensor {@code copyTo}
 * falls back to one element at a time for a memory-mapped (direct) buffer. Reading the mapped file
 * through a little-endian view keeps the copy correct on a big-endian host too, where TensorFlow's
 * tensors are in that host's order.
 */
abstract class TensorFormat {
    /** Elements per chunk: 256 KiB of float32, small enough to stay in cache between the two copies. */
    static final int CHUNK = 1 << 16;

    /** A new host tensor of shape {@code [length]} holding the buffer's elements; the caller closes it. */
    abstract TNumber tensorOf(ByteBuffer littleEndian, int length);

    /** Writes the tensor's first {@code length} elements into the buffer, little-endian, from index 0. */
    abstract void write(TNumber tensor, ByteBuffer littleEndian, int length);

    /** The formats this backend has, by dtype. */
    static Map<DType, TensorFormat> all() {
        Map<DType, TensorFormat> formats = new EnumMap<>(DType.class);
        formats.put(DType.FLOAT16, new Bits16(TFloat16::tensorOf));
        formats.put(DType.BFLOAT16, new Bits16(TBfloat16::tensorOf));
        formats.put(DType.FLOAT32, new Float32());
        formats.put(DType.FLOAT64, new Float64());
        return Collections.unmodifiableMap(formats);
    }

    private static ByteBuffer littleEndian(ByteBuffer buffer) {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static final class Float32 extends TensorFormat {
        @Override
        TNumber tensorOf(ByteBuffer littleEndian, int length) {
            TFloat32 tensor = TFloat32.tensorOf(Shape.of(length));
            FloatBuffer src = littleEndian(littleEndian).asFloatBuffer();
            FloatDataBuffer dst = tensor.asRawTensor().data().asFloats();
            float[] chunk = new float[Math.min(CHUNK, length)];
            for (int from = 0; from < length; from += chunk.length) {
                int n = Math.min(chunk.length, length - from);
                src.get(from, chunk, 0, n);
                dst.offset(from).write(chunk, 0, n);
            }
            return tensor;
        }

        @Override
        void write(TNumber tensor, ByteBuffer littleEndian, int length) {
            FloatDataBuffer src = tensor.asRawTensor().data().asFloats();
            FloatBuffer dst = littleEndian(littleEndian).asFloatBuffer();
            float[] chunk = new float[Math.min(CHUNK, length)];
            for (int from = 0; from < length; from += chunk.length) {
                int n = Math.min(chunk.length, length - from);
                src.offset(from).read(chunk, 0, n);
                dst.put(from, chunk, 0, n);
            }
        }
    }

    private static final class Float64 extends TensorFormat {
        @Override
        TNumber tensorOf(ByteBuffer littleEndian, int length) {
            TFloat64 tensor = TFloat64.tensorOf(Shape.of(length));
            DoubleBuffer src = littleEndian(littleEndian).asDoubleBuffer();
            DoubleDataBuffer dst = tensor.asRawTensor().data().asDoubles();
            double[] chunk = new double[Math.min(CHUNK, length)];
            for (int from = 0; from < length; from += chunk.length) {
                int n = Math.min(chunk.length, length - from);
                src.get(from, chunk, 0, n);
                dst.offset(from).write(chunk, 0, n);
            }
            return tensor;
        }

        @Override
        void write(TNumber tensor, ByteBuffer littleEndian, int length) {
            DoubleDataBuffer src = tensor.asRawTensor().data().asDoubles();
            DoubleBuffer dst = littleEndian(littleEndian).asDoubleBuffer();
            double[] chunk = new double[Math.min(CHUNK, length)];
            for (int from = 0; from < length; from += chunk.length) {
                int n = Math.min(chunk.length, length - from);
                src.offset(from).read(chunk, 0, n);
                dst.put(from, chunk, 0, n);
            }
        }
    }

    /**
     * float16 and bfloat16: the raw file holds each value's bit pattern as a little-endian uint16,
     * which is exactly what a TFloat16 / TBfloat16 tensor stores (IEEE binary16, or the top half of a
     * float32). So the bits are copied as shorts through the tensor's raw buffer, never converted:
     * TF Java's typed float view of these tensors would widen to float and narrow back on every
     * element, and its narrowing is not what TensorFlow's own kernels read.
     */
    private static final class Bits16 extends TensorFormat {
        private final Function<Shape, ? extends TNumber> allocate;

        Bits16(Function<Shape, ? extends TNumber> allocate) {
            this.allocate = allocate;
        }

        @Override
        TNumber tensorOf(ByteBuffer littleEndian, int length) {
            TNumber tensor = allocate.apply(Shape.of(length));
            ShortBuffer src = littleEndian(littleEndian).asShortBuffer();
            ShortDataBuffer dst = tensor.asRawTensor().data().asShorts();
            short[] chunk = new short[Math.min(CHUNK, length)];
            for (int from = 0; from < length; from += chunk.length) {
                int n = Math.min(chunk.length, length - from);
                src.get(from, chunk, 0, n);
                dst.offset(from).write(chunk, 0, n);
            }
            return tensor;
        }

        @Override
        void write(TNumber tensor, ByteBuffer littleEndian, int length) {
            ShortDataBuffer src = tensor.asRawTensor().data().asShorts();
            ShortBuffer dst = littleEndian(littleEndian).asShortBuffer();
            short[] chunk = new short[Math.min(CHUNK, length)];
            for (int from = 0; from < length; from += chunk.length) {
                int n = Math.min(chunk.length, length - from);
                src.offset(from).read(chunk, 0, n);
                dst.put(from, chunk, 0, n);
            }
        }
    }
}
