package io.github.opcompare.engine.reference;

import static io.github.opcompare.worker.dtype.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.op.Op;
import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * Hard-to-round float64 arguments for round to nearest: Lefèvre and Muller's worst case for exp
 * (7.5417527749959590085206221e-10 = 0x1.9e9cbbfd6080bp-31, "Worst cases for correct rounding of the
 * elementary functions in double precision", 2001) and, for the other functions, arguments from
 * CORE-MATH's worst-case files (src/binary64/OP/OP.wc, collected from Lefèvre's searches), picked
 * with mpmath among those that are hard for round to nearest. Those files mix cases hard for directed
 * rounding (the value is near a double: easy to round to nearest); only the others are here.
 *
 * <p>The claim is checked, not trusted: for each argument the test evaluates the function with apfloat
 * at 100 digits and asserts that the value lies within 2^-98 (relative) of a midpoint between two
 * doubles, so any pass with a looser bound must escalate, and farther from it than the evaluation's
 * error, so the expected rounding is the side of the midpoint the value lies on
 * ({@link IndependentRounding}, BigDecimal comparisons only).
 */
class HardToRoundCasesTest {
    private static final int DIGITS = 100;
    /** apfloat's relative error at 100 digits, with room for the few digits expm1 loses to cancellation. */
    private static final BigDecimal ERROR = new BigDecimal("1e-90");
    private static final BigDecimal CLAIM = new BigDecimal(0x1p-98);

    private final ReferenceCalculator reference = new ReferenceCalculator();

    @BeforeAll
    static void setUp() {
        ApfloatSetup.ensure();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                hard(Op.EXP, 0x1.9e9cbbfd6080bp-31, ApfloatMath::exp),
                hard(Op.EXP, 0x1.0303c5638675fp-1, ApfloatMath::exp),
                hard(Op.EXP, 0x1.6e907dbde1469p-1, ApfloatMath::exp),
                hard(Op.EXP, 0x1.2f670c4302212p+0, ApfloatMath::exp),
                hard(Op.LOG, 0x1.b511b4be9cc84p+6, ApfloatMath::log),
                hard(Op.LOG, 0x1.561031d4db97cp+16, ApfloatMath::log),
                hard(Op.LOG, 0x1.53e26bdfeaad1p-454, ApfloatMath::log),
                hard(Op.LOG, 0x1.13d51463532c7p+143, ApfloatMath::log),
                hard(Op.LOG2, 0x1.4d7840d357b2p+3, x -> ApfloatMath.log(x).divide(ApfloatMath.log(new Apfloat(2, DIGITS)))),
                hard(Op.LOG10, 0x1.b5605895c33bcp-249, x -> ApfloatMath.log(x).divide(ApfloatMath.log(new Apfloat(10, DIGITS)))),
                hard(Op.SIN, 0x1.1c63df63d59dp-2, ApfloatMath::sin),
                hard(Op.SIN, 0x1.5cca3d687cec3p+7, ApfloatMath::sin),
                hard(Op.COS, 0x1.f94a6001526a3p+10, ApfloatMath::cos),
                hard(Op.TAN, 0x1.bf9f47347b021p-8, ApfloatMath::tan),
                hard(Op.ASIN, 0x1.f317ce4e1019dp-7, ApfloatMath::asin),
                hard(Op.ACOS, 0x1.40a5c3efe1fcfp-19, ApfloatMath::acos),
                hard(Op.ATAN, 0x1.70e83d4441252p+50, ApfloatMath::atan),
                hard(Op.SINH, 0x1.ac6fe500ab56fp-24, ApfloatMath::sinh),
                hard(Op.COSH, 0x1.80becd6226ce2p-1, ApfloatMath::cosh),
                hard(Op.TANH, 0x1.c3f025670d6a7p-22, ApfloatMath::tanh),
                hard(Op.ATANH, 0x1.d12ed0af1a27fp-27, ApfloatMath::atanh),
                hard(Op.ERF, 0x1.56be406619561p-43, ApfloatMath::erf),
                hard(Op.ERFC, 0x1.c5bf891b4ef6bp-55, ApfloatMath::erfc),
                hard(Op.ERFC, 0x1.ba2e6acba9406p+0, ApfloatMath::erfc),
                hard(Op.EXPM1, 0x1.1a4d6f93a29efp-24, x -> ApfloatMath.exp(x).subtract(new Apfloat(1))),
                hard(Op.EXPM1, 0x1.00091a4a0dae5p+2, x -> ApfloatMath.exp(x).subtract(new Apfloat(1))),
                hard(Op.EXP2, -0x1.ba84c6ebfb038p-9, x -> ApfloatMath.exp(x.multiply(ApfloatMath.log(new Apfloat(2, DIGITS))))),
                hard(Op.CBRT, 0x1.e3d8bd45f5f9fp-1, ApfloatMath::cbrt),
                hard(Op.RSQRT, 0x1.a6a9cc15abccep+0, x -> ApfloatMath.inverseRoot(x, 2)));
    }

    private static Arguments hard(Op op, double x, UnaryOperator<Apfloat> f) {
        return Arguments.of(op, x, f);
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("cases")
    void roundsToTheSideOfTheMidpointApfloatSays(Op op, double x, UnaryOperator<Apfloat> f) {
        BigDecimal value = new BigDecimal(f.apply(new Apfloat(new BigDecimal(x), DIGITS)).toString(true));
        BigDecimal distance = IndependentRounding.relativeDistanceToMidpoint(value, FLOAT64);
        String name = op + "(" + Double.toHexString(x) + ")";
        assertTrue(distance.compareTo(CLAIM) < 0, name + " is " + distance + " from a midpoint, not within 2^-98: not hard to round");
        assertTrue(distance.compareTo(ERROR.multiply(BigDecimal.TEN)) > 0, name + " is too close to a midpoint for 100 digits to decide");
        double expected = IndependentRounding.round(value, value.multiply(ERROR), FLOAT64);
        assertEquals(expected, reference.element(op, FLOAT64, x, 0).rounded(), name);
    }
}
