package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of the cross-check against mpmath, for every op of the catalog in every dtype: the
 * dtype's own landmarks (signed zeros, the subnormal and normal extremes, 1 and its neighbours,
 * infinities, NaN), each op's own domain edges (overflow and underflow thresholds, poles, the ends
 * of its domain, where it saturates, huge trigonometric arguments, the values nearest π/2), published
 * hard-to-round arguments (CORE-MATH's worst-case files for float64) and the hardest arguments of the
 * narrow dtypes (found by an mpmath scan, see {@link HardCases}), all crossed for the binary ops, and
 * small vectors and matrices for the reductions, softmax and matmul.
 *
 * <p>Only which inputs to try comes from here; what they should give comes from mpmath.
 */
final class CrossCheckInputs {
    private static final double LN2 = Math.log(2);

    private final DType d;
    private final double max;
    private final double minSub;
    private final double minNormal;
    private final int p;
    private final List<CrossCheckCase> cases = new ArrayList<>();

    private CrossCheckInputs(DType d) {
        this.d = d;
        this.max = d.maxValue();
        this.minSub = d.minSubnormal();
        this.minNormal = d.minNormal();
        this.p = d.precision();
    }

    /** Every case, dtype by dtype and op by op. */
    static List<CrossCheckCase> all() {
        List<CrossCheckCase> all = new ArrayList<>();
        for (DType d : DType.values()) {
            all.addAll(new CrossCheckInputs(d).build());
        }
        return all;
    }

    private List<CrossCheckCase> build() {
        for (Op op : Op.values()) {
            if (op.kind() == OpKind.ELEMENTWISE && op.arity() == 1) {
                unary(op);
            } else if (op.kind() == OpKind.ELEMENTWISE) {
                binary(op);
            }
        }
        vectors();
        return cases;
    }

    // ---- elementwise --------------------------------------------------------------------------

    private void unary(Op op) {
        Map<Long, Double> inputs = new LinkedHashMap<>();
        for (double v : landmarks()) {
            add(inputs, v);
        }
        for (double v : edges(op)) {
            add(inputs, v);
            add(inputs, -v);
        }
        for (double v : HardCases.unary(op, d)) {
            add(inputs, v);
        }
        for (double x : inputs.values()) {
            cases.add(CrossCheckCase.of(op, d, x));
        }
    }

    private void add(Map<Long, Double> inputs, double v) {
        double r = d.round(v);
        inputs.putIfAbsent(d.encode(r), r);
    }

    /** Values every unary op is tried at. */
    private List<Double> landmarks() {
        List<Double> v = new ArrayList<>();
        for (double x : new double[] {0.0, minSub, 2 * minSub, 3 * minSub, minNormal - minSub, minNormal, step(minNormal, 1),
            0.1, 0.25, step(0.5, -1), 0.5, step(0.5, 1), step(1, -1), 1, step(1, 1), 1.5, 2, 2.5, 3, Math.PI, 10, 100, 1e4,
            step(max, -1), max, Double.POSITIVE_INFINITY}) {
            v.add(x);
            v.add(-x);
        }
        v.add(Double.NaN);
        return v;
    }

    /** Where each op changes behaviour, in this dtype; the cases try each edge and its negation. */
    private List<Double> edges(Op op) {
        List<Double> e = new ArrayList<>();
        double lnMax = Math.log(max);
        switch (op) {
            case EXP, EXPM1 -> {
                // exp(0x42b17217) = 3.4027985e38 is float32's last finite one; exp(0x42b17218) overflows.
                around(e, lnMax, 3);
                // The result reaches half the smallest subnormal, the smallest subnormal, the smallest normal.
                around(e, Math.log(minSub) - LN2, 3);
                around(e, Math.log(minSub), 2);
                around(e, Math.log(minNormal), 2);
                // expm1 = -1 + e^x rounds to -1 once e^x is below half an ulp of 1.
                around(e, -(p + 1) * LN2, 2);
                around(e, Math.scalb(1.0, -p), 2);
            }
            case EXP2 -> {
                for (int k : new int[] {d.minExponent() - p, d.minExponent() - p + 1, d.minExponent() - p + 2,
                    d.minExponent() - 1, d.minExponent(), d.maxExponent(), d.maxExponent() + 1}) {
                    around(e, k, 2);
                }
                around(e, d.minExponent() - p + 0.5, 1);
                around(e, d.maxExponent() + 0.5, 1);
            }
            case SINH, COSH -> {
                // Both reach the largest finite value near x = ln(2 max).
                around(e, lnMax + LN2, 3);
                around(e, lnMax, 1);
                around(e, Math.sqrt(Math.scalb(1.0, -p)), 2);
                around(e, Math.scalb(1.0, -p / 2), 1);
            }
            case LOG, LOG2, LOG10 -> {
                e.add(4 * minSub);
                around(e, 1, 3);
                around(e, 2, 1);
                around(e, 10, 1);
                around(e, Math.E, 1);
            }
            case LOG1P -> {
                // nextUp(-1): the steepest point of the domain; -1 itself is the pole.
                around(e, -1, 3);
                around(e, Math.scalb(1.0, -p), 2);
                around(e, Math.scalb(1.0, -p / 2), 2);
                around(e, Math.E - 1, 1);
            }
            case SQRT, RSQRT, CBRT -> {
                e.add(4 * minSub);
                e.add(5 * minSub);
                around(e, minNormal, 2);
                around(e, 4, 1);
                around(e, 27, 1);
                around(e, Math.scalb(1.0, d.maxExponent()), 1);
            }
            case SIN, COS, TAN -> {
                around(e, Math.PI / 2, 2);
                around(e, Math.PI, 2);
                around(e, 3 * Math.PI / 2, 2);
                around(e, 2 * Math.PI, 2);
                around(e, 1e22, 1);
                around(e, Math.scalb(1.0, d.maxExponent()), 1);
                around(e, max, 2);
                around(e, Math.scalb(1.0, -p / 2), 2);
                // The doubles and floats closest to an odd multiple of π/2 (tan there is -2.1e18 and
                // -6.2e8): 6381956970095103 * 2^797 (2^-60.9 away) and 16367173 * 2^72 (2^-29.2 away),
                // checked with mpmath at 3000 bits.
                if (d == DType.FLOAT64) {
                    e.add(6381956970095103.0 * 0x1p797);
                }
                if (d == DType.FLOAT32) {
                    e.add(16367173.0 * 0x1p72);
                }
            }
            case ASIN, ACOS, ATANH -> {
                around(e, 1, 3);
                around(e, 0.5, 1);
                around(e, Math.scalb(1.0, -p / 2), 2);
            }
            case ACOSH -> {
                around(e, 1, 4);
                around(e, 2, 1);
                around(e, Math.scalb(1.0, p), 1);
            }
            case ATAN, ASINH -> {
                around(e, Math.scalb(1.0, -p / 2), 2);
                around(e, Math.scalb(1.0, p / 2), 2);
                // atan(x) rounds to π/2 from about 2^(p+1) on.
                around(e, Math.scalb(1.0, p + 1), 2);
            }
            case TANH -> {
                around(e, Math.scalb(1.0, -p / 2), 2);
                // tanh(x) = 1 - 2e^-2x rounds to 1 from x ≈ (p+1) ln2 / 2 on.
                around(e, (p + 1) * LN2 / 2, 3);
                around(e, 9, 1);
                around(e, 20, 1);
            }
            case SIGMOID, SOFTPLUS -> {
                // Far negative both are e^x: underflow to the subnormals and to zero.
                around(e, Math.log(minSub) - LN2, 3);
                around(e, Math.log(minSub), 2);
                around(e, Math.log(minNormal), 2);
                around(e, -750, 1);
                // Far positive sigmoid rounds to 1 and softplus to x.
                around(e, (p + 1) * LN2, 3);
                around(e, (p + 8) * LN2, 2);
                around(e, 800, 1);
            }
            case ERF, ERFC -> {
                // Where erf rounds to 1 and erfc to 2 (x < 0), to the smallest normal, and to zero; found
                // with mpmath, only as centres of the neighbourhoods tried.
                around(e, erfSaturates(), 3);
                around(e, erfcTinyNormal(), 2);
                around(e, erfcTinySubnormal(), 3);
                around(e, Math.scalb(1.0, -p / 2), 2);
            }
            case FLOOR, CEIL, RINT -> {
                around(e, 0.5, 1);
                e.add(3.5);
                e.add(0.4);
                e.add(Math.scalb(1.0, p - 1) - 0.5);
                e.add(Math.scalb(1.0, p - 2) + 0.5);
                e.add(Math.scalb(1.0, p - 1));
            }
            case SQUARE -> {
                around(e, Math.sqrt(max), 2);
                around(e, Math.sqrt(minSub), 2);
                around(e, Math.sqrt(minSub / 2), 2);
                around(e, Math.sqrt(minNormal), 1);
                // (2^h + 1)^2 = 2^2h + 2^(h+1) + 1 has 2h + 1 bits: a midpoint when that is p + 1.
                e.add(Math.scalb(1.0, p / 2) + 1);
                e.add(Math.scalb(1.0, (p + 1) / 2) - 1);
            }
            case RECIPROCAL -> {
                around(e, 1 / max, 2);
                around(e, Math.scalb(1.0, -d.maxExponent() - 1), 1);
                around(e, 3, 1);
            }
            default -> {
                // abs, neg: the landmarks say it all.
            }
        }
        return e;
    }

    /** Per dtype (float16, bfloat16, float32, float64): erfc(x) = 2^-(p+1), the smallest normal, half the smallest subnormal. */
    private static final double[] ERF_SATURATES = {2.5939, 2.1901, 3.91921, 5.92159};
    private static final double[] ERFC_TINY_NORMAL = {2.83463, 9.19455, 9.19455, 26.5433};
    private static final double[] ERFC_TINY_SUBNORMAL = {3.91921, 9.48966, 10.0542, 27.226};

    private double erfSaturates() {
        return ERF_SATURATES[d.ordinal()];
    }

    private double erfcTinyNormal() {
        return ERFC_TINY_NORMAL[d.ordinal()];
    }

    private double erfcTinySubnormal() {
        return ERFC_TINY_SUBNORMAL[d.ordinal()];
    }

    private void binary(Op op) {
        double[] s = {0.0, -0.0, minSub, -minSub, minNormal, -minNormal, 1, -1, step(1, 1), 1.5, -2, 3, 0.5, step(max, -1),
            max, -max, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double x : s) {
            for (double y : s) {
                pair(op, x, y);
            }
        }
        switch (op) {
            case ADD, SUB -> {
                double sign = op == Op.ADD ? 1 : -1;
                // max + half an ulp of max is the overflow midpoint: ties to even go to infinity.
                pair(op, max, sign * Math.scalb(1.0, d.maxExponent() - p));
                pair(op, max, sign * Math.scalb(1.0, d.maxExponent() - p - 1));
                pair(op, 1, sign * Math.scalb(1.0, -p));
                pair(op, step(1, 1), sign * Math.scalb(1.0, -p));
                pair(op, 1, -sign * step(1, -1));
                pair(op, 3 * minSub, -sign * minSub);
                pair(op, minNormal, -sign * minSub);
            }
            case MUL -> {
                pair(op, Math.scalb(1.0, p / 2) + 1, Math.scalb(1.0, p / 2) + 1);
                pair(op, Math.scalb(1.0, (p + 1) / 2) - 1, Math.scalb(1.0, (p + 1) / 2) - 1);
                pair(op, minSub, 0.5);
                pair(op, -minSub, 0.5);
                pair(op, minSub, 0.75);
                pair(op, 3 * minSub, 0.5);
                pair(op, minNormal, step(1, -1));
                pair(op, step(max, -1), 2);
                pair(op, Math.sqrt(max), step(Math.sqrt(max), 1));
            }
            case DIV -> {
                pair(op, 1, 3);
                pair(op, minSub, 2);
                pair(op, -minSub, 2);
                pair(op, 3 * minSub, 2);
                pair(op, minSub, 1.5);
                pair(op, max, 0.5);
                pair(op, 1, max);
                pair(op, minNormal, step(1, 1));
            }
            case MOD -> {
                pair(op, -7, 3);
                pair(op, 7, -3);
                pair(op, -6, 3);
                pair(op, 5.5, 1.25);
                pair(op, max, 3);
                pair(op, max, minSub);
                pair(op, 3 * minSub, 2 * minSub);
                pair(op, 1e4, Math.PI);
            }
            case POW -> powEdges();
            case ATAN2 -> atan2Edges();
            default -> {
                // maximum, minimum: the crossed landmarks cover signed zeros, NaN and infinities.
            }
        }
        for (double[] xy : HardCases.binary(op, d)) {
            pair(op, xy[0], xy[1]);
        }
    }

    private void powEdges() {
        double[] bases = {0.5, 2, 3, 10, step(1, 1), step(1, -1), -2, -3};
        double[] exponents = {0.5, -0.5, 1.5, 2, 3, -1, -2, 10, 100, 1000, max, -max};
        for (double x : bases) {
            for (double y : exponents) {
                pair(Op.POW, x, y);
            }
        }
        // Near overflow and underflow: 2^(emax + 1 - tiny), 2^(subnormal edge ± a fraction), max^(1 ± ulp).
        for (double y : new double[] {d.maxExponent() + 1, d.maxExponent() + 0.5, d.minExponent() - p + 0.5, d.minExponent() - p - 0.5,
            d.minExponent() - p, d.minExponent() - p - 1}) {
            double[] ys = new double[5];
            for (int k = -2; k <= 2; k++) {
                ys[k + 2] = step(y, k);
            }
            for (double yk : ys) {
                pair(Op.POW, 2, yk);
                pair(Op.POW, 0.5, -yk);
            }
        }
        pair(Op.POW, max, step(1, 1));
        pair(Op.POW, max, step(1, -1));
        pair(Op.POW, minSub, step(1, -1));
        pair(Op.POW, minSub, step(1, 1));
        // (1 + ulp)^(2^p): e in float64; near the overflow in float16.
        pair(Op.POW, step(1, 1), Math.scalb(1.0, p));
        pair(Op.POW, step(1, -1), -Math.scalb(1.0, p + 1));
        // Exact midpoints: 4097^2 in float32; 257^3 = 66049^1.5 in float32; 17^2 in bfloat16; 134217727^2 in float64.
        pair(Op.POW, Math.scalb(1.0, p / 2) + 1, 2);
        pair(Op.POW, 66049, 1.5);
        pair(Op.POW, 17, 2);
        pair(Op.POW, 9, 1.5);
    }

    private void atan2Edges() {
        // atan2(3 * 2^-100, 2^50) is 2^-149 in float32: y/x is the midpoint 1.5 * 2^-149 and atan lies
        // just below it; float32(y / x) would round the tie to even, 2^-148.
        pair(Op.ATAN2, 3 * 0x1p-100, 0x1p50);
        // Results just above, at and below the smallest subnormal, and at the top of the subnormals.
        pair(Op.ATAN2, minSub, 1);
        pair(Op.ATAN2, minSub, 2);
        pair(Op.ATAN2, minSub, 3);
        pair(Op.ATAN2, minNormal, step(1, 1));
        pair(Op.ATAN2, minNormal, 1.5);
        pair(Op.ATAN2, 1, max);
        pair(Op.ATAN2, -1, max);
        pair(Op.ATAN2, max, minSub);
        pair(Op.ATAN2, -max, -minSub);
        pair(Op.ATAN2, minSub, -1);
        pair(Op.ATAN2, 1, step(1, 1));
        pair(Op.ATAN2, step(1, -1), 1);
    }

    private void pair(Op op, double x, double y) {
        cases.add(CrossCheckCase.of(op, d, d.round(x), d.round(y)));
    }

    // ---- reductions, softmax, matmul ------------------------------------------------------------

    private void vectors() {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        double half = Math.scalb(1.0, -p);
        List<double[]> common = List.of(
                v(1, 2, 3), v(0.0), v(-0.0), v(-0.0, -0.0), v(-0.0, 0.0), v(1, -1), v(max, max), v(max, -max), v(max, max, -max),
                v(-max, -max), v(inf, -inf), v(inf, 1), v(-inf, 1), v(nan, 1), v(1, nan), v(-inf, -inf), v(minSub, minSub),
                v(-minSub, 0.0), v(minSub, 0.0), v(minSub, -0.0), v(minSub, 0.5), v(-minSub, 0.5), v(minSub, 0.75),
                // 1 + half an ulp ties to 1; a tiny bit more (p + 40 bits down) tips it up.
                v(1, half), v(1, half, Math.scalb(half, -40)), v(1, half, -Math.scalb(half, -40)), v(step(1, 1), half),
                v(0.1, 0.2, 0.3, -0.6), v(1e4, 1, -1e4), v(3, 5, 7), v(-2, 3, -5), v(0.5, 0.25, 0.125),
                v(max, 2), v(max, 0.5, 3), v(minNormal, 0.5), v(minNormal, step(1, -1)), v(0.0, inf), v(-0.0, 1),
                v(-1, -1, -1), v(Math.PI, Math.E, 1.5, -0.25));
        for (Op op : new Op[] {Op.REDUCE_SUM, Op.REDUCE_MEAN, Op.REDUCE_MAX, Op.REDUCE_MIN, Op.REDUCE_PROD, Op.LOGSUMEXP, Op.SOFTMAX}) {
            for (double[] x : common) {
                vector(op, x);
            }
        }
        double ln2 = d.round(LN2);
        for (Op op : new Op[] {Op.LOGSUMEXP, Op.SOFTMAX}) {
            vector(op, v(0, 0, 0));
            vector(op, v(0, -20));
            vector(op, v(0, -1000));
            vector(op, v(-ln2, -ln2));
            vector(op, v(-1000, -1000, -1000, -1000));
            vector(op, v(Math.log(max), Math.log(max)));
            vector(op, v(0, Math.log(minSub)));
            vector(op, v(0, Math.log(minSub) - 1));
            vector(op, v(0, Math.log(minNormal)));
            vector(op, v(0, -inf));
            vector(op, v(5, -inf, 5));
            // The other term beyond e^-2500: log(1 + δ) is positive and below every subnormal.
            vector(op, v(0, -3000));
            vector(op, v(-0.0, -3000, -inf));
        }
        matrix(v(1, 2, 3, 4), v(5, 6, 7, 8));
        matrix(v(1, 1, 1, 1), v(max, max, -max, -max));
        matrix(v(max, max, max, max), v(1, 1, 1, 1));
        matrix(v(0, 1, 1, 0), v(inf, 1, 1, inf));
        matrix(v(-0.0, 1, -0.0, 1), v(1, -0.0, 1, -0.0));
        matrix(v(-0.0, -0.0, -0.0, -0.0), v(1, 1, 1, 1));
        matrix(v(1, half, 1, -half), v(1, 1, half, half));
        matrix(v(minSub, minSub, minSub, minSub), v(0.5, 0.5, 0.25, 0.25));
        matrix(v(nan, 1, 1, 1), v(1, 1, 1, 1));
        matrix(v(inf, 1, 1, 1), v(1, 1, -inf, 1));
        double a = Math.scalb(1.0, p / 2) + 1;
        matrix(v(a, 0, 0, a), v(a, 0, 0, a));
        matrix(v(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), v(-0.9, 0.8, -0.7, 0.6, -0.5, 0.4, -0.3, 0.2, -0.1));
    }

    private double[] v(double... x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = d.round(x[i]);
        }
        return r;
    }

    private void vector(Op op, double[] x) {
        cases.add(CrossCheckCase.of(op, d, x));
    }

    private void matrix(double[] a, double[] b) {
        cases.add(new CrossCheckCase(Op.MATMUL, d, new double[][] {a, b}));
    }

    // ---- stepping through the dtype's values --------------------------------------------------

    /** Adds the dtype value nearest c and its k neighbours on each side (finite ones). */
    private void around(List<Double> e, double c, int k) {
        double r = d.round(c);
        if (!Double.isFinite(r)) {
            r = Math.copySign(max, c);
        }
        for (int i = -k; i <= k; i++) {
            double v = step(r, i);
            if (Double.isFinite(v)) {
                e.add(v);
            }
        }
    }

    /** The value k steps of the dtype away from x (a value of the dtype), through zero if need be. */
    private double step(double x, int k) {
        long i = index(d.round(x)) + k;
        return i >= 0 ? d.decode(i) : -d.decode(-i);
    }

    /** Position of a finite value on the line of the dtype's values, +0 and -0 both at 0. */
    private long index(double x) {
        return x < 0 || (x == 0 && 1 / x < 0) ? -d.encode(-x) : d.encode(x);
    }
}
