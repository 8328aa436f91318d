package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.BFLOAT16;
import static io.github.opcompare.worker.dtype.DType.FLOAT16;
import static io.github.opcompare.worker.dtype.DType.FLOAT32;
import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.data.Values;
import io.github.opcompare.engine.domain.DomainParser;
import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * reduce_prod where the exact product lies on a rounding boundary: halfway between two neighbours,
 * exactly at the overflow threshold, exactly half the smallest subnormal. No approximation can
 * decide these, so before they were computed exactly the reference never finished on them; every
 * test here runs under a timeout. Expected values are worked out by hand in the comments: an odd
 * integer N of p + 1 bits lies halfway between N - 1 and N + 1, and ties go to the neighbour whose
 * significand (N ± 1)/2 is even; at the overflow threshold the even neighbour is 2^(emax+1), so the
 * result is infinite; half the smallest subnormal ties to 0.
 */
class HalfwayProductTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final ReferenceCalculator reference = new ReferenceCalculator();

    private double product(DType dtype, double... x) {
        for (double v : x) {
            assertTrue(dtype.represents(v), v + " is no " + dtype.id());
        }
        return reference.compute(Op.REDUCE_PROD, dtype, List.of(new Values(dtype, x))).rounded(0);
    }

    /** Bit for bit, so that -0.0 and +0.0 differ. */
    private void check(double expected, DType dtype, double... x) {
        double rounded = assertTimeoutPreemptively(LIMIT, () -> product(dtype, x),
                () -> "reduce_prod" + Arrays.toString(x) + " in " + dtype.id() + " did not finish");
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(rounded),
                () -> "reduce_prod" + Arrays.toString(x) + " in " + dtype.id() + ": expected " + expected + ", got " + rounded);
    }

    @Test
    void twoFactorsHalfway() {
        // 4097² = 16785409 = 2^24 + 2^13 + 1, odd with 25 bits: between 16785408 (significand 8392704, even) and 16785410.
        check(16785408, FLOAT32, 4097, 4097);
        check(-16785408, FLOAT32, -4097, 4097);
        // 4097 × 4099 = 4098² - 1 = 16793603: 16793602 has significand 8396801 (odd), 16793604 has 8396802: up.
        check(16793604, FLOAT32, 4097, 4099);
        // 134217727² = (2^27 - 1)² = 2^54 - 2^28 + 1, odd with 54 bits: 2^54 - 2^28 (significand 2^53 - 2^27, even).
        check(18014398241046528.0, FLOAT64, 134217727, 134217727);
        // 1.0625² = (17/16)² = 289/256 = 144.5/128: between 1.125 (significand 144, even) and 145/128.
        check(1.125, BFLOAT16, 1.0625, 1.0625);
        // 33 × 65 = 2145, odd with 12 bits: between 2144 (significand 1072, even) and 2146.
        check(2144, FLOAT16, 33, 65);
    }

    @Test
    void moreFactorsHalfway() {
        // 97 × 257 × 673 = 16777217 = 2^24 + 1: between 2^24 (significand 2^23, even) and 2^24 + 2.
        check(16777216, FLOAT32, 97, 257, 673);
        check(16777216, FLOAT32, -97, 257, -673);
        check(-16777216, FLOAT32, -97, 257, 673);
        // 3 × 107 × 28059810762433 = 2^53 + 1: between 2^53 (significand 2^52, even) and 2^53 + 2.
        check(9007199254740992.0, FLOAT64, 3, 107, 28059810762433.0);
        // 5 × 5 × 11 = 275, odd with 9 bits: 274 has significand 137 (odd), 276 has 138: up.
        check(276, BFLOAT16, 5, 5, 11);
        // 3 × 5 × 137 = 2055, odd with 12 bits: 2054 has significand 1027 (odd), 2056 has 1028: up.
        check(2056, FLOAT16, 3, 5, 137);
        // Powers of two and ones change nothing but the exponent: 1.0625 × 2^-3 × 2^3 × 1.0625 × 1 ... = 289/256 again.
        double[] many = new double[1000];
        Arrays.fill(many, 1.0);
        many[0] = 1.0625 * 0x1p-3;
        many[17] = 0x1p3;
        many[500] = 1.0625;
        many[999] = -1;
        check(-1.125, BFLOAT16, many);
    }

    @Test
    void exactlyAtTheOverflowThreshold() {
        // float32: 31 × 601 × 1801 = 2^25 - 1, so the product is (2^25 - 1) 2^103 = MAX + 2^103, half an ulp above
        // MAX = (2^24 - 1) 2^104, whose significand is odd: ties to even give 2^128, +Infinity.
        check(Double.POSITIVE_INFINITY, FLOAT32, 31, 601, 1801 * 0x1p103);
        check(Double.NEGATIVE_INFINITY, FLOAT32, -31, 601, 1801 * 0x1p103);
        // 4095 × 4097 = 2^24 - 1: the product is MAX itself.
        check(Float.MAX_VALUE, FLOAT32, 4095, 4097 * 0x1p104);
        // float64: (2^27 - 1)(2^27 + 1) = 2^54 - 1, times 2^970: MAX + 2^970 = MAX + half an ulp: +Infinity.
        check(Double.POSITIVE_INFINITY, FLOAT64, 134217727, 134217729 * 0x1p970);
        // bfloat16: 7 × 73 = 511 = 2^9 - 1, times 2^119: MAX (255 × 2^120) + 2^119: +Infinity; 15 × 17 × 2^120 is MAX.
        check(Double.POSITIVE_INFINITY, BFLOAT16, 7, 73 * 0x1p119);
        check(255 * 0x1p120, BFLOAT16, 15, 17 * 0x1p120);
        // float16: 63 × 1040 = 65520 = 65504 + 16, half an ulp above MAX: +Infinity; 23 × 2848 = 65504 is MAX.
        check(Double.POSITIVE_INFINITY, FLOAT16, 63, 1040);
        check(65504, FLOAT16, 23, 2848);
    }

    @Test
    void exactlyHalfTheSmallestSubnormal() {
        // float32: 2^-150 is halfway between 0 and 2^-149: ties to even give 0, signed like the product.
        check(0.0, FLOAT32, 0x1p-75, 0x1p-75);
        check(-0.0, FLOAT32, -0x1p-75, 0x1p-75);
        // 3 × 2^-150 = 1.5 × 2^-149: between 2^-149 (significand 1, odd) and 2^-148: up.
        check(0x1p-148, FLOAT32, 3 * 0x1p-75, 0x1p-75);
        // Just above the threshold: 2^-150 (1 + 2^-23) rounds up to the smallest subnormal.
        check(Float.MIN_VALUE, FLOAT32, 0x1p-75, 0x1p-75, 1 + 0x1p-23);
        // float64: 2^-1075 ties to 0; 3 × 2^-1075 to 2^-1073.
        check(0.0, FLOAT64, 0x1p-600, 0x1p-475);
        check(-0.0, FLOAT64, 0x1p-600, -0x1p-475);
        check(0x1p-1073, FLOAT64, 3 * 0x1p-600, 0x1p-475);
        // float16: half the smallest subnormal is 2^-25; bfloat16: 2^-134.
        check(0.0, FLOAT16, 0x1p-12, 0x1p-13);
        check(-0.0, FLOAT16, -0x1p-12, 0x1p-13);
        check(0.0, BFLOAT16, 0x1p-67, 0x1p-67);
        check(-0.0, BFLOAT16, 0x1p-67, -0x1p-67);
    }

    /**
     * Pairs from reduce_prod's default domain in bfloat16, about 1.7% of them halfway. The product of
     * two 8-bit significands is exact in a float; the expected value rounds it to bfloat16 here by
     * hand (the top 16 bits of the float, ties to the even one).
     */
    @Test
    void randomBfloat16PairsFromTheDefaultDomainAllFinish() {
        Values v = DomainParser.parse(Op.REDUCE_PROD.defaultInputs()).generate(BFLOAT16, 20_000, 42);
        int halfway = assertTimeoutPreemptively(LIMIT, () -> {
            int ties = 0;
            for (int i = 0; i + 1 < v.length(); i += 2) {
                double x = v.get(i);
                double y = v.get(i + 1);
                float exact = (float) (x * y);
                assertEquals(0, new BigDecimal(x).multiply(new BigDecimal(y)).compareTo(new BigDecimal(exact)), "not exact");
                int bits = Float.floatToRawIntBits(exact);
                float below = Float.intBitsToFloat(bits & 0xffff0000);
                float above = Float.intBitsToFloat((bits & 0xffff0000) + 0x10000);
                double expected;
                if (exact - below == above - exact && below != exact) {
                    ties++;
                    expected = ((bits >>> 16) & 1) == 0 ? below : above;
                } else {
                    expected = exact - below < above - exact ? below : above;
                }
                double rounded = product(BFLOAT16, x, y);
                assertEquals(expected, rounded, x + " × " + y);
            }
            return ties;
        });
        // About 1.7% of 10000 pairs: the test is about them, so make sure they are there.
        assertTrue(halfway > 100, halfway + " halfway pairs");
    }

    /**
     * Random products of 2 to 6 small odd integers times powers of two, many of them halfway in the
     * dtype. Their products have at most 48 bits, so the double product is exact (checked with
     * BigDecimal); rounding that double to the dtype is the expected value, by the JDK's own
     * conversion for float32 and the dtype's rounding of a double for the 16-bit formats.
     */
    @Test
    void randomProductsOfSeveralFactorsAllFinish() {
        long[] odd = {1, 3, 5, 7, 9, 11, 13, 15, 17, 31, 33, 63, 65, 127, 129, 255, 257};
        Random random = new Random(7);
        for (DType dtype : new DType[] {FLOAT16, BFLOAT16, FLOAT32}) {
            assertTimeoutPreemptively(LIMIT, () -> {
                for (int t = 0; t < 3000; t++) {
                    int n = 2 + random.nextInt(5);
                    double[] x = new double[n];
                    double exact = 1;
                    BigDecimal check = BigDecimal.ONE;
                    for (int i = 0; i < n; i++) {
                        do {
                            x[i] = Math.scalb((double) odd[random.nextInt(odd.length)], random.nextInt(7) - 3) * (random.nextBoolean() ? 1 : -1);
                        } while (!dtype.represents(x[i]));
                        exact *= x[i];
                        check = check.multiply(new BigDecimal(x[i]));
                    }
                    assertEquals(0, check.compareTo(new BigDecimal(exact)), "not exact");
                    double expected = dtype == FLOAT32 ? (double) (float) exact : dtype.round(exact);
                    assertEquals(expected, product(dtype, x), () -> Arrays.toString(x) + " in " + dtype.id());
                }
            });
        }
    }
}
