package io.github.opcompare.engine.reference;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.stream.IntStream;

/**
 * The exact product of two n x n matrices given row-major as n² values each: every entry is an
 * exact dot product (each product of two doubles split exactly by TwoProduct, or formed in
 * integers where it would overflow or underflow, all summed in an {@link ExactSum}) rounded once.
 * IEEE semantics for special values: a NaN in the row or column, or ∞ * 0, or +∞ + -∞ gives NaN.
 */
final class MatmulReference {
    private MatmulReference() {
    }

    static ExactResults compute(double[] a, double[] b, DType dtype) {
        int n = Op.matrixSide(a.length);
        if ((long) n * n != a.length || b.length != a.length) {
            throw new IllegalArgumentException(Op.MATMUL.lengthProblem(a.length).orElse("matmul operands differ in length"));
        }
        ExactResults r = new ExactResults(dtype, a.length);
        ThreadLocal<ExactSum> sums = ThreadLocal.withInitial(ExactSum::new);
        IntStream.range(0, n).parallel().forEach(i -> {
            ExactSum acc = sums.get();
            for (int j = 0; j < n; j++) {
                acc.reset();
                r.set(i * n + j, dot(a, b, i, j, n, acc, dtype));
            }
        });
        return r;
    }

    private static ExactElement dot(double[] a, double[] b, int i, int j, int n, ExactSum acc, DType dtype) {
        boolean nan = false;
        boolean posInf = false;
        boolean negInf = false;
        boolean allNegativeZero = true;
        for (int k = 0; k < n; k++) {
            double x = a[i * n + k];
            double y = b[k * n + j];
            double p = x * y;
            if (Double.isNaN(p)) {
                nan = true; // NaN operand or ∞ * 0
                continue;
            }
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                posInf |= p > 0;
                negInf |= p < 0;
                continue;
            }
            allNegativeZero &= Double.doubleToRawLongBits(p) == Long.MIN_VALUE;
            double ap = Math.abs(p);
            if (ap >= 0x1p-960 && ap < 0x1p1000) {
                DoubleDouble t = DoubleDouble.twoProduct(x, y);
                acc.add(t.hi());
                acc.add(t.lo());
            } else if (x != 0 && y != 0) {
                ExactRounding.Binary bx = ExactRounding.binary(x);
                ExactRounding.Binary by = ExactRounding.binary(y);
                acc.add(new ExactRounding.Binary(bx.mantissa().multiply(by.mantissa()), bx.exponent() + by.exponent()));
            }
        }
        if (nan || (posInf && negInf)) {
            return ExactElement.nan();
        }
        if (posInf || negInf) {
            return ExactElement.exactly(posInf ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
        ExactRounding.Binary total = acc.value();
        if (total.mantissa().signum() == 0) {
            return ExactElement.exactly(allNegativeZero && n > 0 ? -0.0 : 0.0);
        }
        return new ExactElement(ExactRounding.round(total, dtype), ExactValue.of(total), 0);
    }
}
