package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hard-to-round arguments (for round to nearest) per op and dtype, for the mpmath cross-check.
 *
 * <ul>
 * <li>float64: the arguments of HardToRoundCasesTest (Lefèvre and Muller's exp worst case and
 * CORE-MATH's worst-case files, each within 2^-98 of a midpoint) and two more per function from
 * those files, ranked by their distance to a midpoint with mpmath at 320 bits; CORE-MATH's asinh
 * and acosh files hold only cases hard for directed rounding, so those have none here.
 * <li>float16 and bfloat16: the three arguments whose value lies closest to a midpoint, over all
 * 65,536 bit patterns (an exhaustive mpmath scan at 90 bits).
 * <li>float32: the three closest among 40,000 random bit patterns (the same scan, sampled).
 * </ul>
 * The scans only chose inputs; the expected values are mpmath's, computed when the test runs.
 */
final class HardCases {
    private static final String[] FLOAT16_CASES = {
        "cbrt", "0551 1151 1d51", "rsqrt", "03ff 0bfe 13fe", "exp", "1f79 25cf a954",
        "exp2", "ce40 11c5 a86d", "expm1", "11a8 bdd3 9000", "log", "305f 4131 1d78",
        "log2", "3489 4089 06a3", "log10", "57e1 338f 33f8", "log1p", "1e03 9dfd 3e62",
        "sin", "32b3 b2b3 5cb0", "cos", "2b7c ab7c 6052", "tan", "55ed d5ed 774a",
        "asin", "305e b05e 29c4", "acos", "acaf 804b b874", "atan", "466e c66e 32b5",
        "sinh", "4758 c758 40f2", "cosh", "3def bdef 2800", "tanh", "2745 a745 3ec4",
        "asinh", "4b1f cb1f 32bd", "acosh", "3ce4 7ab2 5716", "atanh", "2894 a894 2fef",
        "sigmoid", "9000 1400 9600", "softplus", "8430 842f 9822", "erf", "3661 b661 1612",
        "erfc", "8f17 0b17 257c",
    };
    private static final String[] BFLOAT16_CASES = {
        "cbrt", "019d 031d 049d", "rsqrt", "011b 021b 031b", "exp", "40db be66 3cdd",
        "exp2", "c306 bc68 bb39", "expm1", "41f9 4264 bf9e", "log", "256c 35e5 0e99",
        "log2", "1fa6 2026 20a6", "log10", "4649 1786 0945", "log1p", "6c1a bd27 6ca3",
        "sin", "7d29 fd29 6881", "cos", "4f08 cf08 5a16", "tan", "613a e13a 4378",
        "asin", "3e52 be52 3e12", "acos", "bcdc bd0e bc9c", "atan", "41b8 c1b8 4364",
        "sinh", "41f9 c1f9 4264", "cosh", "41f9 c1f9 3db5", "tanh", "3db9 bdb9 405e",
        "asinh", "6b9a eb9a 6c23", "acosh", "6b9a 6c23 7bbb", "atanh", "3edd bedd 3db8",
        "sigmoid", "bb80 3c00 3e69", "softplus", "bc7a 3f92 bf4c", "erf", "004a 804a 3ade",
        "erfc", "3eba 3c9c bb63",
    };
    private static final String[] FLOAT32_CASES = {
        "cbrt", "08fd58cc 113f2d9c 49030ce6", "rsqrt", "4d6b0903 48614032 79b87b45", "exp", "b83a210e 408f5a49 35500275",
        "exp2", "c11468b4 b85f7109 3e9fe1fa", "expm1", "408f5a49 c059c66f ba880bac", "log", "73c363c9 2bfb5db5 4da98f1d",
        "log2", "6bd6aa4f 60667235 5e18abc5", "log10", "027090fc 5a6cfb4e 3e1286f1", "log1p", "4ca5d542 73c363c9 bce82258",
        "sin", "3c8f0e68 e1a4a617 bfb89976", "cos", "6e44dda1 3bace1b6 5adbb712", "tan", "fdc7f71e 7886ad03 63741293",
        "asin", "3f637df1 bc2f60b6 3b5d21ca", "acos", "b9643bbb b9cf3dde 3c0a0aa6", "atan", "4c700c91 cc6fe68a 3aac4314",
        "sinh", "4069a0fa 3db1270e 3b5d21ca", "cosh", "3e84ab38 3aaf44bc bc761e99", "tanh", "c0dc9a7f 3ecaab18 3aac4314",
        "asinh", "64f9c28d 64451319 e25418a2", "acosh", "64f9c28d 64451319 64275319", "atanh", "3aac4314 3b9c2cec 3a8c22a9",
        "sigmoid", "bf0f5da1 40dcfbb1 b7968022", "softplus", "387ec319 be693aaf 3aa620a7", "erf", "11f98ac9 2e1288db 31b9c11f",
        "erfc", "3569f755 bf005ac5 349bfd44",
    };
    private static final double[][] FLOAT64_UNARY = {
        {Op.EXP.ordinal(), 0x1.9e9cbbfd6080bp-31, 0x1.0303c5638675fp-1, 0x1.6e907dbde1469p-1, 0x1.2f670c4302212p+0},
        {Op.LOG.ordinal(), 0x1.b511b4be9cc84p+6, 0x1.561031d4db97cp+16, 0x1.53e26bdfeaad1p-454, 0x1.13d51463532c7p+143,
            0x1.6cf2efbe7c8b7p-259, 0x1.fd01447920105p+694},
        {Op.LOG2.ordinal(), 0x1.4d7840d357b2p+3, 0x1.f4efcd4df5e1fp+1, 0x1.af4e9039f2511p-17},
        {Op.LOG10.ordinal(), 0x1.b5605895c33bcp-249, 0x1.6848181b7571cp+318, 0x1.76efabe6ee91p-80},
        {Op.SIN.ordinal(), 0x1.1c63df63d59dp-2, 0x1.5cca3d687cec3p+7, 0x1.289869cfcd01dp-6},
        {Op.COS.ordinal(), 0x1.f94a6001526a3p+10, 0x1.b26f6acbb5038p+7, 0x1.07b6816807de8p-18},
        {Op.TAN.ordinal(), 0x1.bf9f47347b021p-8, 0x1.6a23dede62e9p-10, 0x1.a4323b201efb1p-12},
        {Op.ASIN.ordinal(), 0x1.f317ce4e1019dp-7, 0x1.ff0f3022b2e9dp-16, 0x1.af2a09dd5382fp-11},
        {Op.ACOS.ordinal(), 0x1.40a5c3efe1fcfp-19, 0x1.0c953f31a6263p-26, 0x1.77c69898cc517p-44},
        {Op.ATAN.ordinal(), 0x1.70e83d4441252p+50, 0x1.0fcc850fd339dp-3, 0x1.61246d6ad9afp-25},
        {Op.SINH.ordinal(), 0x1.ac6fe500ab56fp-24, 0x1.c6adb85d9e00fp-6, 0x1.394be51542d1dp+5},
        {Op.COSH.ordinal(), 0x1.80becd6226ce2p-1, 0x1.e9cc7ed2e1a7ep+0, 0x1.9cd6b6d99965bp+8},
        {Op.TANH.ordinal(), 0x1.c3f025670d6a7p-22, 0x1.0a90d36059a04p-6, 0x1.d88d7550b2826p-2},
        {Op.ATANH.ordinal(), 0x1.d12ed0af1a27fp-27, 0x1.6e9524b79d8e4p-8, 0x1.b96b870ff8ecp-7},
        {Op.ERF.ordinal(), 0x1.56be406619561p-43, 0x1.c5a8541a27dcep-48, 0x1.7f343e2ba9e86p-27},
        {Op.ERFC.ordinal(), 0x1.c5bf891b4ef6bp-55, 0x1.ba2e6acba9406p+0, -0x1.93dc843f4899cp-9, -0x1.972f2518c82c9p+1},
        {Op.EXPM1.ordinal(), 0x1.1a4d6f93a29efp-24, 0x1.00091a4a0dae5p+2, -0x1.a887293fd6f36p-50, -0x1.7d71877b0c467p-22},
        {Op.EXP2.ordinal(), -0x1.ba84c6ebfb038p-9, -0x1.94e8b9b72d9a6p-27, 0x1.c1b805b158939p-30},
        {Op.CBRT.ordinal(), 0x1.e3d8bd45f5f9fp-1, 0x1.4027ebbb30916p+0, 0x1.4aade3afa96f3p-1},
        {Op.RSQRT.ordinal(), 0x1.a6a9cc15abccep+0, 0x0.4067cc617301ep-1022, 0x1.019f3185cc078p+0},
    };

    /**
     * atan2 (y first): CORE-MATH's binary64 and binary32 atan2 files; the first of each has y/x an odd
     * multiple of half the smallest subnormal (a midpoint in the subnormals) and atan2 just below it.
     */
    private static final double[][] ATAN2_FLOAT64 = {{0x1.c567c24bd3c05p-570, 0x1p+453}, {0x1.07a11ffd843abp+53, 0x1.f9982dddc9cccp+52},
        {0x1.67bb337d216b9p+53, 0x1.f8d20e4ccf641p+52}, {0x1.d0b8be2bed534p+51, 0x1.94458d52d490cp+51}};
    private static final double[][] ATAN2_FLOAT32 = {{0x1.fdfe84p-105, 0x1p+23}, {-0x1.fdfe94p-105, 0x1p+23}, {0x1.fdfea4p-105, 0x1p+23}};

    private HardCases() {
    }

    static double[] unary(Op op, DType d) {
        if (d == DType.FLOAT64) {
            return Arrays.stream(FLOAT64_UNARY).filter(row -> row[0] == op.ordinal())
                    .flatMapToDouble(row -> Arrays.stream(row, 1, row.length)).toArray();
        }
        String[] table = switch (d) {
            case FLOAT16 -> FLOAT16_CASES;
            case BFLOAT16 -> BFLOAT16_CASES;
            default -> FLOAT32_CASES;
        };
        for (int i = 0; i < table.length; i += 2) {
            if (table[i].equals(op.id())) {
                return Arrays.stream(table[i + 1].split(" ")).mapToDouble(h -> d.decode(Long.parseLong(h, 16))).toArray();
            }
        }
        return new double[0];
    }

    static List<double[]> binary(Op op, DType d) {
        List<double[]> pairs = new ArrayList<>();
        if (op == Op.ATAN2 && d == DType.FLOAT64) {
            pairs.addAll(List.of(ATAN2_FLOAT64));
        }
        if (op == Op.ATAN2 && d == DType.FLOAT32) {
            pairs.addAll(List.of(ATAN2_FLOAT32));
        }
        return pairs;
    }
}
