package io.github.opcompare.backend.vectorapi;

import io.github.opcompare.worker.functions.ArrayCall;
import io.github.opcompare.worker.op.Op;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One loop per op and element type, each naming its operator as a constant. C2 compiles a
 * {@code lanewise} call to its intrinsic (SVML on x86-64 for the transcendentals) only when the
 * operator is a constant where the call is compiled: one loop taking the operator as a parameter
 * ran exp at 27 ns per float, boxed, where this form runs it at 0.7 ns (Java 17, AVX2, 10^5
 * elements). So the same loop is written out once per case, on purpose: keep the cases alike.
 */
final class VectorApiKernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private VectorApiKernels() {
    }


    /** The loop of a unary op over floats, or null when the Vector API has no operator for it. */
    static ArrayCall.Body unary(Op op, float[] a, float[] out) {
        return switch (op) {
            case ABS -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.ABS).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.ABS).intoArray(out, i, tail);
                }
            };
            case NEG -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.NEG).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.NEG).intoArray(out, i, tail);
                }
            };
            case SQRT -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.SQRT).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.SQRT).intoArray(out, i, tail);
                }
            };
            case CBRT -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.CBRT).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.CBRT).intoArray(out, i, tail);
                }
            };
            case EXP -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.EXP).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.EXP).intoArray(out, i, tail);
                }
            };
            case EXPM1 -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.EXPM1).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.EXPM1).intoArray(out, i, tail);
                }
            };
            case LOG -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.LOG).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.LOG).intoArray(out, i, tail);
                }
            };
            case LOG10 -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.LOG10).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.LOG10).intoArray(out, i, tail);
                }
            };
            case LOG1P -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.LOG1P).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.LOG1P).intoArray(out, i, tail);
                }
            };
            case SIN -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.SIN).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.SIN).intoArray(out, i, tail);
                }
            };
            case COS -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.COS).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.COS).intoArray(out, i, tail);
                }
            };
            case TAN -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.TAN).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.TAN).intoArray(out, i, tail);
                }
            };
            case ASIN -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.ASIN).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.ASIN).intoArray(out, i, tail);
                }
            };
            case ACOS -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.ACOS).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.ACOS).intoArray(out, i, tail);
                }
            };
            case ATAN -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.ATAN).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.ATAN).intoArray(out, i, tail);
                }
            };
            case SINH -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.SINH).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.SINH).intoArray(out, i, tail);
                }
            };
            case COSH -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.COSH).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.COSH).intoArray(out, i, tail);
                }
            };
            case TANH -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.TANH).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.TANH).intoArray(out, i, tail);
                }
            };
            default -> null;
        };
    }

    /** The loop of a binary op over floats, or null when the Vector API has no operator for it. */
    static ArrayCall.Body binary(Op op, float[] a, float[] b, float[] out) {
        return switch (op) {
            case ADD -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.ADD, FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.ADD, FloatVector.fromArray(F, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case SUB -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.SUB, FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.SUB, FloatVector.fromArray(F, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case MUL -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.MUL, FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.MUL, FloatVector.fromArray(F, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case DIV -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.DIV, FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.DIV, FloatVector.fromArray(F, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case MAXIMUM -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.MAX, FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.MAX, FloatVector.fromArray(F, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case MINIMUM -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.MIN, FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.MIN, FloatVector.fromArray(F, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case POW -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.POW, FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.POW, FloatVector.fromArray(F, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case ATAN2 -> () -> {
                int i = 0;
                for (; i < F.loopBound(a.length); i += F.length()) {
                    FloatVector.fromArray(F, a, i).lanewise(VectorOperators.ATAN2, FloatVector.fromArray(F, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = F.indexInRange(i, a.length);
                    FloatVector.fromArray(F, a, i, tail).lanewise(VectorOperators.ATAN2, FloatVector.fromArray(F, b, i, tail)).intoArray(out, i, tail);
                }
            };
            default -> null;
        };
    }

    /** The loop of a unary op over doubles, or null when the Vector API has no operator for it. */
    static ArrayCall.Body unary(Op op, double[] a, double[] out) {
        return switch (op) {
            case ABS -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.ABS).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.ABS).intoArray(out, i, tail);
                }
            };
            case NEG -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.NEG).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.NEG).intoArray(out, i, tail);
                }
            };
            case SQRT -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.SQRT).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.SQRT).intoArray(out, i, tail);
                }
            };
            case CBRT -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.CBRT).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.CBRT).intoArray(out, i, tail);
                }
            };
            case EXP -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.EXP).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.EXP).intoArray(out, i, tail);
                }
            };
            case EXPM1 -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.EXPM1).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.EXPM1).intoArray(out, i, tail);
                }
            };
            case LOG -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.LOG).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.LOG).intoArray(out, i, tail);
                }
            };
            case LOG10 -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.LOG10).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.LOG10).intoArray(out, i, tail);
                }
            };
            case LOG1P -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.LOG1P).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.LOG1P).intoArray(out, i, tail);
                }
            };
            case SIN -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.SIN).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.SIN).intoArray(out, i, tail);
                }
            };
            case COS -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.COS).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.COS).intoArray(out, i, tail);
                }
            };
            case TAN -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.TAN).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.TAN).intoArray(out, i, tail);
                }
            };
            case ASIN -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.ASIN).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.ASIN).intoArray(out, i, tail);
                }
            };
            case ACOS -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.ACOS).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.ACOS).intoArray(out, i, tail);
                }
            };
            case ATAN -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.ATAN).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.ATAN).intoArray(out, i, tail);
                }
            };
            case SINH -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.SINH).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.SINH).intoArray(out, i, tail);
                }
            };
            case COSH -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.COSH).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.COSH).intoArray(out, i, tail);
                }
            };
            case TANH -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.TANH).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.TANH).intoArray(out, i, tail);
                }
            };
            default -> null;
        };
    }

    /** The loop of a binary op over doubles, or null when the Vector API has no operator for it. */
    static ArrayCall.Body binary(Op op, double[] a, double[] b, double[] out) {
        return switch (op) {
            case ADD -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.ADD, DoubleVector.fromArray(D, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.ADD, DoubleVector.fromArray(D, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case SUB -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.SUB, DoubleVector.fromArray(D, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.SUB, DoubleVector.fromArray(D, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case MUL -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.MUL, DoubleVector.fromArray(D, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.MUL, DoubleVector.fromArray(D, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case DIV -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.DIV, DoubleVector.fromArray(D, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.DIV, DoubleVector.fromArray(D, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case MAXIMUM -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.MAX, DoubleVector.fromArray(D, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.MAX, DoubleVector.fromArray(D, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case MINIMUM -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.MIN, DoubleVector.fromArray(D, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.MIN, DoubleVector.fromArray(D, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case POW -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.POW, DoubleVector.fromArray(D, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.POW, DoubleVector.fromArray(D, b, i, tail)).intoArray(out, i, tail);
                }
            };
            case ATAN2 -> () -> {
                int i = 0;
                for (; i < D.loopBound(a.length); i += D.length()) {
                    DoubleVector.fromArray(D, a, i).lanewise(VectorOperators.ATAN2, DoubleVector.fromArray(D, b, i)).intoArray(out, i);
                }
                if (i < a.length) {
                    var tail = D.indexInRange(i, a.length);
                    DoubleVector.fromArray(D, a, i, tail).lanewise(VectorOperators.ATAN2, DoubleVector.fromArray(D, b, i, tail)).intoArray(out, i, tail);
                }
            };
            default -> null;
        };
    }
}
