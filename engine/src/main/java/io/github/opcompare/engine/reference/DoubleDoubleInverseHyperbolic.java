package io.github.opcompare.engine.reference;

/**
 * Double-double asinh, acosh and atanh, each written as log1p of an argument formed from positive
 * terms only (so that no subtraction cancels), then {@link DoubleDoubleExpLog#log1p(DoubleDouble)}
 * (2^-78, derived 2^-87.7 on small arguments). log1p's condition number v/((1 + v) log1p v) is at
 * most 1 for v ≥ 0, so the argument's relative error passes on undiminished but not amplified.
 * Bounds in u = 2^-53.
 */
final class DoubleDoubleInverseHyperbolic {
    /** From here a² + 1 = a² to 2^-120: asinh a = log 2a + 1/(4a²) - ..., acosh a = log 2a - 1/(4a²) - .... */
    private static final double LARGE = 0x1p60;

    private DoubleDoubleInverseHyperbolic() {
    }

    /**
     * asinh x for 2^-500 ≤ |x| (smaller x round as x), a = |x|: log1p(a + a²/(1 + √(1 + a²))), the
     * identity a + √(1 + a²) - 1 = a + a²/(1 + √(1 + a²)) avoiding the cancellation near 0. a² is an
     * exact product (where its low part underflows, a² is below 2^-1000 of a and cannot matter);
     * 1 + a² 3u², the root half that plus 7u², 1 + root 3u², the quotient 15u², the sum 3u²: the
     * argument within 30u² < 2^-101. From 2^60 on, log a + log 2 (two positive terms, the dropped
     * 1/(4a²) below 2^-122). Bound 2^-78 + 2^-101.
     */
    static DoubleDouble asinh(double x) {
        double a = Math.abs(x);
        DoubleDouble r;
        if (a >= LARGE) {
            r = DoubleDoubleMath.log(a).add(Constants.LN2);
        } else {
            DoubleDouble a2 = DoubleDouble.twoProduct(a, a);
            DoubleDouble root = a2.add(1.0).sqrt();
            r = DoubleDoubleExpLog.log1p(a2.div(root.add(1.0)).add(a));
        }
        return x < 0 ? r.negate() : r;
    }

    /**
     * acosh x for x > 1: with t = x - 1 (an exact pair), log1p(t + √(t (t + 2))), all terms positive:
     * t + 2 3u², the product 4u², the root half of that plus 7u², the sum 3u²: argument within 14u².
     * Near 1 this keeps full relative precision (t is exact however small). From 2^60 on, log x +
     * log 2 (the dropped -1/(4x²) below 2^-122). Bound 2^-78 + 2^-102.
     */
    static DoubleDouble acosh(double x) {
        if (x >= LARGE) {
            return DoubleDoubleMath.log(x).add(Constants.LN2);
        }
        DoubleDouble t = DoubleDouble.twoSum(x, -1.0);
        return DoubleDoubleExpLog.log1p(t.add(t.mul(t.add(2.0)).sqrt()));
    }

    /**
     * atanh x for 2^-500 ≤ |x| < 1, a = |x|: log1p(2a/(1 - a))/2. 1 - a is exact (a double from 1/2
     * on by Sterbenz, a pair below), the quotient 15u², halving exact. Bound 2^-78 + 2^-102.
     */
    static DoubleDouble atanh(double x) {
        double a = Math.abs(x);
        DoubleDouble oneMinusA = DoubleDouble.twoSum(1.0, -a);
        DoubleDouble r = DoubleDoubleExpLog.log1p(DoubleDouble.of(2 * a).div(oneMinusA)).scalb(-1);
        return x < 0 ? r.negate() : r;
    }
}
