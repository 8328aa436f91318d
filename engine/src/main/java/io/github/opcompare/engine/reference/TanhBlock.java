package io.github.opcompare.engine.reference;

/**
 * tanh's float32 first pass over a block ({@link FirstPassBlock#settle} for tanh): the values of
 * {@link FastPass#tanh}, bit for bit, settled by {@link FirstPassBlock}'s test, in four loops that
 * cost 11.8 ns per element on one thread where the one loop of the other ops, with FastPass.tanh in
 * it, cost 13.5 (benchmarks/README.md, the fourth round of the float32 reference).
 *
 * <p>Where the time went in that loop: the branch between tanh's two forms (a twentieth of the
 * default domain's arguments, |x| &lt; 0.55, at random places, so mispredicted) right after each
 * exponential's call, and the division and subtractions after it (2.5 ns per element on top of the
 * exponential's 5.9, though alone they cost 0.4 in vector instructions). Here:
 * <ol>
 *   <li>E = exp(2|x|) for every argument, with no branch around the call (for arguments the pass does
 *       not take, NaN, zeros, tiny or saturated ones, E is whatever it is and never used);
 *   <li>1 - 2/(E + 1) for all of them: a loop of arithmetic alone, which C2 turns into vector
 *       instructions;
 *   <li>the settling test on the result with x's sign, for 0.55 ≤ |x| ≤ 40 only; every other
 *       element is listed;
 *   <li>among the listed ones, those with TINY ≤ |x| &lt; 0.55 get the expm1 form and the same test.
 * </ol>
 *
 * <p>Why it settles exactly the elements the other path settles, with the same values: that path
 * settles x iff {@link FirstPassBlock#ordinary} holds (TINY ≤ |x| ≤ 40; NaN fails it) and the test
 * holds for d = FastPass.tanh(x). Loops 3 and 4 split those arguments at {@link
 * FastPass#TANH_EXP_FORM}, the threshold FastPass.tanh itself switches at (0.55 > TINY), and each
 * computes d with FastPass.tanh's own operations for its side: {@link FastPass#tanhOfExp} of
 * CheckedIntrinsics.exp(2|x|) (loops 1 and 2; 2|x| is exact), or {@link FastPass#tanhOfSmall}, then
 * Math.copySign(t, x). The same operations in IEEE 754 double (Java's arithmetic, whether C2 uses
 * scalar or vector instructions, rounds each one to nearest) give the same bits. An element listed in
 * loop 3 with |x| ≥ 0.55 stays listed in loop 4, whose test fails for it; loop 4 keeps the listed
 * indices in their order, so the list stays ascending. The test is {@link FirstPassBlock#settles},
 * which FirstPassBlock's decision loop calls too. FirstPassBlockTest and
 * BatchReferenceMatchesElementTest compare this block with the element-wise path over tanh's hard
 * regions (0.55, 40, tiny arguments).
 */
final class TanhBlock {
    private TanhBlock() {
    }

    /**
     * As {@link FirstPassBlock#settle} for tanh.
     *
     * @param values scratch of at least {@code to - from} doubles
     */
    static int settle(double factor, double[] x, int from, int to, double[] values, ExactResults into, int[] left) {
        int length = to - from;
        for (int k = 0; k < length; k++) {
            values[k] = CheckedIntrinsics.exp(2 * Math.abs(x[from + k]));
        }
        for (int k = 0; k < length; k++) {
            values[k] = FastPass.tanhOfExp(values[k]);
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            double a = Math.abs(v);
            boolean expForm = a >= FastPass.TANH_EXP_FORM && a <= ElementaryReference.TANH_SATURATED;
            if (!(expForm && FirstPassBlock.settles(factor, Math.copySign(values[i - from], v), i, into))) {
                left[n++] = i;
            }
        }
        int kept = 0;
        for (int j = 0; j < n; j++) {
            int i = left[j];
            double v = x[i];
            double a = Math.abs(v);
            boolean small = a >= SpecialValues.TINY && a < FastPass.TANH_EXP_FORM;
            if (!(small && FirstPassBlock.settles(factor, Math.copySign(FastPass.tanhOfSmall(a), v), i, into))) {
                left[kept++] = i;
            }
        }
        return kept;
    }
}
