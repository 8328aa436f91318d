package io.github.opcompare.engine.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.opcompare.worker.dtype.HalfBits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips against NumPy itself: files NumPy wrote are read here, files written here are read by
 * NumPy, and the values are compared through Python's exact {@code float.hex}. Skipped where no
 * Python with NumPy is installed (CI installs Debian's python3-numpy, so there it runs).
 */
class NpyNumpyRoundTripTest {
    private static String python;

    @BeforeAll
    static void findPython() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            if (run(candidate, "import numpy", null) != null) {
                python = candidate;
                return;
            }
        }
    }

    /** Special values in each format: signed zeros, subnormals, extremes, infinities and NaN. */
    private static final String VALUES = "[0.0, -0.0, 1.0, -2.5, 1/3, 65504.0, 6e-8, 6.1e-5, 1e-40, 3.4e38, 1e300,"
            + " float('inf'), float('-inf'), float('nan')]";

    @Test
    void readsWhatNumpyWrote(@TempDir Path dir) throws IOException {
        assumeTrue(python != null, "no python3 with numpy");
        String script = String.join("\n",
                "import numpy as np, sys, warnings",
                "warnings.simplefilter('ignore')",
                "d = sys.argv[1]",
                "for descr in ['<f2', '>f2', '<f4', '>f4', '<f8', '>f8']:",
                "    a = np.array(" + VALUES + ").astype(descr).reshape(2, 7)",
                "    for v in [(1, 0), (2, 0), (3, 0)]:",
                "        with open('%s/%s-%d.npy' % (d, descr[0] + descr[1:], v[0]), 'wb') as f:",
                "            np.lib.format.write_array(f, a, version=v)",
                "    with open('%s/%s.hex' % (d, descr), 'w') as f:",
                "        f.write('\\n'.join(float(x).hex() for x in a.reshape(-1)))",
                "");
        assertEquals("", run(python, script, dir.toString()));
        for (String descr : List.of("<f2", ">f2", "<f4", ">f4", "<f8", ">f8")) {
            double[] expected = Files.readAllLines(dir.resolve(descr + ".hex")).stream()
                    .mapToDouble(NpyNumpyRoundTripTest::parseHex).toArray();
            for (int version = 1; version <= 3; version++) {
                NpyArray a = NpyReader.read(dir.resolve(descr + "-" + version + ".npy"));
                assertEquals(descr, a.descr());
                assertArrayEquals(new int[] {2, 7}, a.shape());
                assertArrayEquals(expected, a.data(), descr + " version " + version);
            }
        }
    }

    @Test
    void numpyReadsWhatWeWrote(@TempDir Path dir) throws IOException {
        assumeTrue(python != null, "no python3 with numpy");
        double[] values = {0.0, -0.0, 1.0, -2.5, 1.0 / 3, 1e-7, 3.0e38, Double.POSITIVE_INFINITY, Double.NaN, 1e-310};
        List<String> descrs = List.of("<f2", ">f2", "<f4", ">f4", "<f8", ">f8");
        for (String descr : descrs) {
            NpyWriter.write(dir.resolve(name(descr)), descr, new int[] {values.length}, values);
        }
        NpyWriter.write(dir.resolve("scalar.npy"), "<f8", new int[0], new double[] {42.0});
        String script = String.join("\n",
                "import numpy as np, sys",
                "d = sys.argv[1]",
                "for n in " + descrs.stream().map(d -> "'" + name(d) + "'").toList() + ":",
                "    a = np.load(d + '/' + n)",
                "    print(n, a.dtype.str, a.shape, ' '.join(float(x).hex() for x in a))",
                "s = np.load(d + '/scalar.npy')",
                "print('scalar', s.dtype.str, s.shape, float(s).hex())",
                "");
        String out = run(python, script, dir.toString());
        List<String> lines = out.lines().toList();
        for (int i = 0; i < descrs.size(); i++) {
            String descr = descrs.get(i);
            String[] parts = lines.get(i).split(" ", 4);
            // NumPy names the byte order of one-byte-order types '<' or '>' explicitly in dtype.str.
            assertEquals(descr, parts[1], lines.get(i));
            assertEquals("(" + values.length + ",)", parts[2]);
            String[] hex = parts[3].split(" ");
            for (int k = 0; k < values.length; k++) {
                double expected = switch (descr.substring(1)) {
                    case "f2" -> HalfBits.toDouble(HalfBits.fromDouble(values[k]));
                    case "f4" -> (double) (float) values[k];
                    default -> values[k];
                };
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(parseHex(hex[k])), descr + " [" + k + "]");
            }
        }
        assertEquals("scalar <f8 () 0x1.5000000000000p+5", lines.get(descrs.size()));
    }

    private static String name(String descr) {
        return (descr.startsWith("<") ? "le-" : "be-") + descr.substring(1) + ".npy";
    }

    private static double parseHex(String text) {
        return switch (text.strip()) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(text.strip());
        };
    }

    /** Runs a Python script; its stdout, or null when it cannot run or fails (stderr shown in the assertion). */
    private static String run(String python, String script, String arg) {
        try {
            List<String> command = new ArrayList<>(List.of(python, "-c", script));
            if (arg != null) {
                command.add(arg);
            }
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
