package io.github.opcompare.backend.nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves raw little-endian arrays into and out of ND4J's native memory in one bulk copy each way:
 * through the NIO view of the array's buffer, so a million floats cost a memcpy, not a million
 * put calls.
 */
final class Nd4jArrays {
    private Nd4jArrays() {
    }

    /**
     * A new rank-1 array of {@code length} elements, outside any workspace (so only
     * {@link INDArray#close()} or the GC frees it), holding the first {@code length} elements of
     * {@code raw}.
     */
    static INDArray fromLittleEndian(ByteBuffer raw, DataType type, int length) {
        INDArray array = Nd4j.createUninitializedDetached(type, length);
        ByteBuffer source = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        source.position(0).limit(Math.multiplyExact(length, type.width()));
        ByteBuffer target = nativeView(array, type, length);
        // Typed views copy in bulk, swapping bytes only where native order is not little-endian.
        if (type == DataType.FLOAT) {
            target.asFloatBuffer().put(source.asFloatBuffer());
        } else if (type == DataType.DOUBLE) {
            target.asDoubleBuffer().put(source.asDoubleBuffer());
        } else if (isSixteenBit(type)) {
            target.asShortBuffer().put(source.asShortBuffer());
        } else {
            array.close();
            throw new IllegalArgumentException("No raw copy for ND4J data type " + type);
        }
        return array;
    }

    /** Writes every element of {@code array} into {@code out} as little-endian elements, from position 0. */
    static void toLittleEndian(INDArray array, ByteBuffer out) {
        DataType type = array.dataType();
        int length = (int) array.length();
        ByteBuffer source = nativeView(array, type, length);
        ByteBuffer target = out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        target.position(0);
        if (type == DataType.FLOAT) {
            target.asFloatBuffer().put(source.asFloatBuffer());
        } else if (type == DataType.DOUBLE) {
            target.asDoubleBuffer().put(source.asDoubleBuffer());
        } else if (isSixteenBit(type)) {
            target.asShortBuffer().put(source.asShortBuffer());
        } else {
            throw new IllegalArgumentException("No raw copy for ND4J data type " + type);
        }
    }

    /**
     * ND4J's half (IEEE binary16) and bfloat16 store each element as its 16-bit pattern, the same
     * bits the protocol's raw files hold: copied as shorts, never converted through float.
     */
    private static boolean isSixteenBit(DataType type) {
        return type == DataType.HALF || type == DataType.BFLOAT16;
    }

    /** The array's own native memory as bytes, in native order, exactly {@code length} elements long. */
    private static ByteBuffer nativeView(INDArray array, DataType type, int length) {
        if (array.isView() || array.offset() != 0) {
            throw new IllegalArgumentException("Expected a dense array of its own, not a view");
        }
        ByteBuffer bytes = array.data().asNio().order(ByteOrder.nativeOrder());
        bytes.position(0).limit(Math.multiplyExact(length, type.width()));
        return bytes.slice().order(ByteOrder.nativeOrder());
    }
}
