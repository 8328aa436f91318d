// Writes mylib's outputs as .npy (format 1.0, little-endian float64): good.npy holds the correctly
// rounded square roots (IEEE sqrt is correctly rounded, so Math.sqrt gives them); degraded.npy the same
// with sqrt(2) moved 3 representable values up.
import java.nio.ByteBuffer
import java.nio.ByteOrder

def write(File file, double[] values) {
    def header = "{'descr': '<f8', 'fortran_order': False, 'shape': (${values.length},), }"
    int total = 10 + header.length() + 1
    header = header + ' ' * ((64 - total % 64) % 64) + '\n'
    def buf = ByteBuffer.allocate(10 + header.length() + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN)
    buf.put((byte) 0x93).put('NUMPY'.bytes).put((byte) 1).put((byte) 0).putShort((short) header.length()).put(header.getBytes('US-ASCII'))
    values.each { buf.putDouble(it) }
    file.parentFile.mkdirs()
    file.bytes = buf.array()
}

double[] good = [2, 3, 5, 7].collect { Math.sqrt(it as double) } as double[]
double[] bad = good.clone()
bad[0] = Math.nextUp(Math.nextUp(Math.nextUp(bad[0])))
write(new File(basedir, 'target/npy/good.npy'), good)
write(new File(basedir, 'target/npy/degraded.npy'), bad)
return true
