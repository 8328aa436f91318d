package io.github.opcompare.worker.op;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The op catalog: every op opcompare knows, with its arity, kind, the domain a case gets when it
 * names only the op, and the meaning pinned down where libraries differ. Each backend maps these
 * names to its library's calls (or answers {@code unsupported}); the engine's reference
 * ({@code ReferenceCalculator}) computes each op's exact result. Adding an op means one entry here,
 * its reference, and its mapping per backend.
 *
 * <p>Default domains cover the region where the function is interesting and finite in float32:
 * exp-like functions stop before float32 overflows (88.7), inverse functions stay in their domain.
 */
public enum Op {
    ABS("abs", 1, OpKind.ELEMENTWISE, "gaussian(0,100)", "|x|; exact"),
    NEG("neg", 1, OpKind.ELEMENTWISE, "gaussian(0,100)", "-x; exact"),
    SQUARE("square", 1, OpKind.ELEMENTWISE, "gaussian(0,100)", "x*x, correctly rounded by IEEE multiplication"),
    RECIPROCAL("reciprocal", 1, OpKind.ELEMENTWISE, "binades(1e-30,1e30)", "1/x, correctly rounded by IEEE division"),
    SQRT("sqrt", 1, OpKind.ELEMENTWISE, "binades(1e-30,1e30)", "IEEE square root"),
    RSQRT("rsqrt", 1, OpKind.ELEMENTWISE, "binades(1e-30,1e30)", "1/sqrt(x) with one rounding"),
    CBRT("cbrt", 1, OpKind.ELEMENTWISE, "uniform(-1000,1000)", "real cube root, cbrt(-x) = -cbrt(x)"),
    EXP("exp", 1, OpKind.ELEMENTWISE, "uniform(-87,88)", "e^x"),
    EXP2("exp2", 1, OpKind.ELEMENTWISE, "uniform(-126,127)", "2^x"),
    EXPM1("expm1", 1, OpKind.ELEMENTWISE, "uniform(-10,10)", "e^x - 1 without cancellation near 0"),
    LOG("log", 1, OpKind.ELEMENTWISE, "binades(1e-30,1e30)", "natural logarithm"),
    LOG2("log2", 1, OpKind.ELEMENTWISE, "binades(1e-30,1e30)", "base-2 logarithm"),
    LOG10("log10", 1, OpKind.ELEMENTWISE, "binades(1e-30,1e30)", "base-10 logarithm"),
    LOG1P("log1p", 1, OpKind.ELEMENTWISE, "uniform(-0.99,10)", "log(1 + x) without cancellation near 0"),
    SIN("sin", 1, OpKind.ELEMENTWISE, "uniform(-10,10)", "sine, argument in radians"),
    COS("cos", 1, OpKind.ELEMENTWISE, "uniform(-10,10)", "cosine, argument in radians"),
    TAN("tan", 1, OpKind.ELEMENTWISE, "uniform(-10,10)", "tangent, argument in radians"),
    ASIN("asin", 1, OpKind.ELEMENTWISE, "uniform(-1,1)", "arcsine, result in [-pi/2, pi/2]"),
    ACOS("acos", 1, OpKind.ELEMENTWISE, "uniform(-1,1)", "arccosine, result in [0, pi]"),
    ATAN("atan", 1, OpKind.ELEMENTWISE, "uniform(-10,10)", "arctangent, result in (-pi/2, pi/2)"),
    SINH("sinh", 1, OpKind.ELEMENTWISE, "uniform(-20,20)", "hyperbolic sine"),
    COSH("cosh", 1, OpKind.ELEMENTWISE, "uniform(-20,20)", "hyperbolic cosine"),
    TANH("tanh", 1, OpKind.ELEMENTWISE, "uniform(-10,10)", "hyperbolic tangent"),
    ASINH("asinh", 1, OpKind.ELEMENTWISE, "uniform(-100,100)", "inverse hyperbolic sine"),
    ACOSH("acosh", 1, OpKind.ELEMENTWISE, "uniform(1,100)", "inverse hyperbolic cosine, x >= 1"),
    ATANH("atanh", 1, OpKind.ELEMENTWISE, "uniform(-1,1)", "inverse hyperbolic tangent, |x| < 1"),
    SIGMOID("sigmoid", 1, OpKind.ELEMENTWISE, "uniform(-20,20)", "logistic function 1 / (1 + e^-x)"),
    SOFTPLUS("softplus", 1, OpKind.ELEMENTWISE, "uniform(-20,20)", "log(1 + e^x)"),
    ERF("erf", 1, OpKind.ELEMENTWISE, "uniform(-4,4)", "error function"),
    ERFC("erfc", 1, OpKind.ELEMENTWISE, "uniform(-4,10)", "complementary error function 1 - erf(x), without cancellation"),
    FLOOR("floor", 1, OpKind.ELEMENTWISE, "uniform(-100,100)", "largest integer <= x; exact"),
    CEIL("ceil", 1, OpKind.ELEMENTWISE, "uniform(-100,100)", "smallest integer >= x; exact"),
    RINT("rint", 1, OpKind.ELEMENTWISE, "uniform(-100,100)",
            "nearest integer, halfway cases to even (IEEE roundToIntegralTiesToEven, NumPy rint, TF round); exact"),
    ADD("add", 2, OpKind.ELEMENTWISE, "gaussian(0,1);gaussian(0,1)", "IEEE addition"),
    SUB("sub", 2, OpKind.ELEMENTWISE, "gaussian(0,1);gaussian(0,1)", "IEEE subtraction"),
    MUL("mul", 2, OpKind.ELEMENTWISE, "gaussian(0,1);gaussian(0,1)", "IEEE multiplication"),
    DIV("div", 2, OpKind.ELEMENTWISE, "gaussian(0,1);gaussian(0,1)", "IEEE division"),
    POW("pow", 2, OpKind.ELEMENTWISE, "uniform(0,10);uniform(-10,10)", "x^y, C99 pow semantics for special values"),
    ATAN2("atan2", 2, OpKind.ELEMENTWISE, "gaussian(0,1);gaussian(0,1)", "C99 atan2(y, x) with y the first operand and x the second (NumPy arctan2(x1, x2), TF atan2(y, x))"),
    MAXIMUM("maximum", 2, OpKind.ELEMENTWISE, "gaussian(0,1);gaussian(0,1)", "IEEE 754-2019 maximum: NaN propagates, -0 < +0"),
    MINIMUM("minimum", 2, OpKind.ELEMENTWISE, "gaussian(0,1);gaussian(0,1)", "IEEE 754-2019 minimum: NaN propagates, -0 < +0"),
    MOD("mod", 2, OpKind.ELEMENTWISE, "uniform(-100,100);uniform(-10,10)",
            "C fmod (IEEE remainder truncated toward zero): x - trunc(x/y)*y, sign of x, exact. NumPy's mod and"
                    + " TensorFlow's floormod are floor-mod (sign of y), a different result, reported as such"),
    REDUCE_SUM("reduce_sum", 1, OpKind.REDUCTION, "uniform(0,1)", "exact sum, rounded once"),
    REDUCE_MEAN("reduce_mean", 1, OpKind.REDUCTION, "uniform(0,1)", "exact sum / n, rounded once"),
    REDUCE_MAX("reduce_max", 1, OpKind.REDUCTION, "gaussian(0,1)", "largest element, NaN if any is NaN"),
    REDUCE_MIN("reduce_min", 1, OpKind.REDUCTION, "gaussian(0,1)", "smallest element, NaN if any is NaN"),
    REDUCE_PROD("reduce_prod", 1, OpKind.REDUCTION, "uniform(0.5,2)", "exact product, rounded once"),
    LOGSUMEXP("logsumexp", 1, OpKind.REDUCTION, "gaussian(0,10)", "log of the sum of e^x over the whole vector"),
    SOFTMAX("softmax", 1, OpKind.VECTOR, "gaussian(0,10)", "e^x_i / sum_j e^x_j over the whole vector"),
    MATMUL("matmul", 2, OpKind.MATRIX, "uniform(-1,1);uniform(-1,1)",
            "product of two n x n matrices, each operand n*n values in row-major order; exact dot products rounded once");

    private final String id;
    private final int arity;
    private final OpKind kind;
    private final String defaultInputs;
    private final String meaning;

    Op(String id, int arity, OpKind kind, String defaultInputs, String meaning) {
        this.id = id;
        this.arity = arity;
        this.kind = kind;
        this.defaultInputs = defaultInputs;
        this.meaning = meaning;
    }

    /** The name used in configuration, results.json and the worker protocol. */
    public String id() {
        return id;
    }

    /** Number of operands. */
    public int arity() {
        return arity;
    }

    public OpKind kind() {
        return kind;
    }

    /** The inputs a case gets when it names only the op, one domain per operand, ';'-separated. */
    public String defaultInputs() {
        return defaultInputs;
    }

    /** What the op computes, in particular where libraries disagree on the meaning. */
    public String meaning() {
        return meaning;
    }

    /** Number of outputs for inputs of the given length. */
    public int outputLength(int inputLength) {
        return kind == OpKind.REDUCTION ? 1 : inputLength;
    }

    /** Why inputs of this length cannot be given to the op, or empty when they can. */
    public Optional<String> lengthProblem(int inputLength) {
        if (kind == OpKind.MATRIX) {
            int n = matrixSide(inputLength);
            if (n < 1 || (long) n * n != inputLength) {
                return Optional.of(id + " takes n x n matrices as n*n values per operand, but got " + inputLength
                        + " values (nearest squares: " + squareBelow(inputLength) + ", " + squareAbove(inputLength) + ")");
            }
        }
        return Optional.empty();
    }

    /** The side n of an n x n operand of the given length (floor of the square root). */
    public static int matrixSide(int inputLength) {
        int n = (int) Math.sqrt(inputLength);
        while ((long) n * n > inputLength) {
            n--;
        }
        while ((long) (n + 1) * (n + 1) <= inputLength) {
            n++;
        }
        return n;
    }

    /** The nearest length this op accepts to a requested one (a timing size): n² for matmul, else itself. */
    public int nearestValidLength(int requested) {
        if (kind != OpKind.MATRIX) {
            return requested;
        }
        long below = squareBelow(requested);
        long above = squareAbove(requested);
        long pick = requested - below <= above - requested || above > Integer.MAX_VALUE ? below : above;
        return (int) Math.max(1, pick);
    }

    private static long squareBelow(int length) {
        long n = matrixSide(Math.max(0, length));
        return n * n;
    }

    private static long squareAbove(int length) {
        long n = matrixSide(Math.max(0, length));
        return n * n == length ? length : (n + 1) * (n + 1);
    }

    /** Looks up an op by id; the error names the culprit and lists the valid ops. */
    public static Op of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Op op : values()) {
            if (op.id.equals(wanted)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown op '" + id + "'; valid ops are: " + validIds());
    }

    public static String validIds() {
        return Arrays.stream(values()).map(Op::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
