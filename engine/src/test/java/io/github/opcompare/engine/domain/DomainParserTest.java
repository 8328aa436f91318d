package io.github.opcompare.engine.domain;

import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.worker.dtype.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainParserTest {
    private static final String VALID = "valid domains are: range(start,stop[,step]), uniform(lo,hi), gaussian(mean,sd), "
            + "binades(lo,hi), -binades(lo,hi), values(v1,v2,...), special, exhaustive, exhaustive(lo,hi), file(path.npy)";

    @Test
    void rangeFollowsNumpyArange() {
        // np.arange(0, 1, 0.25) -> [0, 0.25, 0.5, 0.75]
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, gen("range(0,1,0.25)", FLOAT64));
        // np.arange(0, 1, 0.3): ceil(3.33) = 4 values, the last 3*0.3 = 0.8999999999999999 in double.
        assertArrayEquals(new double[] {0, 0.3, 0.6, 0.8999999999999999}, gen("range(0,1,0.3)", FLOAT64));
        // .astype(float32) of the same.
        assertArrayEquals(new double[] {0, 0.3f, 0.6f, 0.9f}, gen("range(0,1,0.3)", FLOAT32));
        assertArrayEquals(new double[] {10, 7, 4, 1}, gen("range(10,0,-3)", FLOAT64));
        assertEquals(10, DomainParser.parse("range(0,10)").fixedLength(FLOAT32));
        assertEquals(0, DomainParser.parse("range(1,0)").fixedLength(FLOAT32));
    }

    @Test
    void valuesAcceptJavaLiteralsAndSpecialNames() {
        double[] v = gen("values(1, nan, inf, -inf, -0.0, 0x1p-3, 1e-50, 2.5f)", FLOAT32);
        assertEquals(1.0, v[0]);
        assertTrue(Double.isNaN(v[1]));
        assertEquals(Double.POSITIVE_INFINITY, v[2]);
        assertEquals(Double.NEGATIVE_INFINITY, v[3]);
        assertEquals(Long.MIN_VALUE, Double.doubleToRawLongBits(v[4]));
        assertEquals(0.125, v[5]);
        assertEquals(0.0, v[6], "1e-50 underflows to 0 in float32");
        assertEquals(2.5, v[7]);
        assertEquals(1e-50, gen("values(1e-50)", FLOAT64)[0]);
    }

    @Test
    void specialHoldsTheEdgesOfTheDtype() {
        double[] f = gen("special", FLOAT32);
        assertEquals(15, f.length);
        List<Double> list = java.util.Arrays.stream(f).boxed().toList();
        for (double expected : new double[] {0.0, Float.MIN_VALUE, -Float.MIN_VALUE, 0x1p-126 - 0x1p-149, Float.MIN_NORMAL,
            -Float.MIN_NORMAL, 1, -1, Float.MAX_VALUE, -Float.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertTrue(list.contains(expected), "missing " + expected);
        }
        assertTrue(list.stream().anyMatch(x -> Double.doubleToRawLongBits(x) == Long.MIN_VALUE), "missing -0");
        assertTrue(list.stream().anyMatch(x -> x.isNaN()), "missing NaN");
        double[] d = gen("special", FLOAT64);
        assertTrue(java.util.Arrays.stream(d).anyMatch(x -> x == Double.MIN_VALUE));
        assertTrue(java.util.Arrays.stream(d).anyMatch(x -> x == Double.MAX_VALUE));
        assertTrue(java.util.Arrays.stream(d).anyMatch(x -> x == Double.MIN_NORMAL - Double.MIN_VALUE));
    }

    @Test
    void randomDomainsAreDeterministicRoundedAndWithinBounds() {
        InputDomain u = DomainParser.parse(" uniform ( -2 , 3 ) ");
        assertEquals("uniform(-2,3)", u.expression());
        assertEquals(-1, u.fixedLength(FLOAT32));
        double[] a = u.generate(FLOAT32, 10_000, 5).array();
        assertArrayEquals(a, u.generate(FLOAT32, 10_000, 5).array());
        assertNotEquals(a[0], u.generate(FLOAT32, 10_000, 6).array()[0]);
        for (double x : a) {
            assertTrue(x >= -2 && x <= 3 && FLOAT32.represents(x));
        }

        double[] g = gen("gaussian(10, 2)", FLOAT64, 20_000);
        double mean = java.util.Arrays.stream(g).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(g).map(x -> (x - mean) * (x - mean)).sum() / g.length);
        assertEquals(10, mean, 0.05);
        assertEquals(2, sd, 0.05);

        // Half of log2-uniform samples over [2^-10, 2^10] lie below 1.
        double[] b = gen("binades(0x1p-10, 1024)", FLOAT32, 20_000);
        long below = java.util.Arrays.stream(b).filter(x -> x < 1).count();
        assertEquals(0.5, below / 20_000.0, 0.02);
        assertTrue(java.util.Arrays.stream(b).allMatch(x -> x >= 0x1p-10 && x <= 1024));
        double[] nb = gen("-binades(1e-300, 1e300)", FLOAT64, 1000);
        assertTrue(java.util.Arrays.stream(nb).allMatch(x -> x <= -1e-300 && x >= -1e300));
    }

    @Test
    void errorsNameTheCulpritTheColumnAndTheValidForms() {
        assertEquals("Cannot parse input domain 'unifrom(0,1)' at column 1: unknown domain 'unifrom'; " + VALID, error("unifrom(0,1)"));
        assertTrue(error("uniform(1,0)").contains("at column 9: lo must be less than hi"));
        assertTrue(error("binades(0,1)").contains("at column 9: lo must be greater than 0"));
        assertTrue(error("gaussian(0, -1)").contains("at column 13: sd must be greater than 0"));
        assertTrue(error("range(0,1,0)").contains("at column 11: step must not be 0"));
        assertTrue(error("range(0,1e9)").contains("at column 7: range has more than 100000000 values"));
        assertTrue(error("uniform(0,x)").contains("at column 11: 'x' is not a number"));
        assertTrue(error("uniform(0,1").contains("at column 8: missing ')'"));
        assertTrue(error("uniform(0)").contains("at column 8: uniform takes 2 argument(s), got 1"));
        assertTrue(error("  special(1)").contains("at column 10: unexpected '(1)'"));
        assertTrue(error("-uniform(0,1)").contains("at column 1: unknown domain '-uniform'"));
        assertTrue(error("uniform(0,inf)").contains("must be a finite number"));
        assertTrue(error("").contains("at column 1: no domain given"));
        assertTrue(error("range(0,1,0)").endsWith(VALID));
    }

    @Test
    void splitsOperands() {
        assertEquals(List.of("uniform(0,1)", "values(1,2)"), DomainParser.splitOperands("uniform(0,1); values(1,2)"));
        assertEquals(List.of("special"), DomainParser.splitOperands(" special "));
        assertThrows(IllegalArgumentException.class, () -> DomainParser.splitOperands("uniform(0,1);;special"));
    }

    @Test
    void inputPlanGivesOperandsOneLengthAndTheirOwnSeeds() {
        List<Values> two = InputPlan.generate(List.of(DomainParser.parse("uniform(0,1)"), DomainParser.parse("uniform(0,1)")), FLOAT64, 100, 1);
        assertEquals(100, two.get(0).length());
        assertNotEquals(two.get(0).get(0), two.get(1).get(0));
        assertArrayEquals(two.get(0).array(),
                InputPlan.generate(List.of(DomainParser.parse("uniform(0,1)")), FLOAT64, 100, 1).get(0).array());

        List<Values> mixed = InputPlan.generate(List.of(DomainParser.parse("uniform(0,1)"), DomainParser.parse("values(1,2,3)")), FLOAT32, 100, 1);
        assertEquals(3, mixed.get(0).length());
        assertEquals(3, mixed.get(1).length());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputPlan.generate(List.of(DomainParser.parse("values(1,2)"), DomainParser.parse("range(0,3)")), FLOAT32, 100, 1));
        assertTrue(e.getMessage().contains("'values(1,2)' has 2") && e.getMessage().contains("'range(0,3)' has 3"), e.getMessage());
    }

    private static double[] gen(String expr, DType dtype) {
        return gen(expr, dtype, 0);
    }

    private static double[] gen(String expr, DType dtype, int size) {
        return DomainParser.parse(expr).generate(dtype, size, 123).array();
    }

    private static String error(String expr) {
        return assertThrows(IllegalArgumentException.class, () -> DomainParser.parse(expr)).getMessage();
    }
}
