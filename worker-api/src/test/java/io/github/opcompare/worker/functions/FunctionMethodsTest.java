package io.github.opcompare.worker.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionMethodsTest {
    private static final String FIXTURES = SignatureFixtures.class.getName();

    private static FunctionMethods.Found find(String method, Op op, DType dtype) {
        return FunctionMethods.find(MethodReference.parse(FIXTURES + "#" + method), op, dtype, FunctionMethodsTest.class.getClassLoader());
    }

    private static String error(String method, Op op, DType dtype) {
        return assertThrows(IllegalArgumentException.class, () -> find(method, op, dtype)).getMessage();
    }

    @Test
    void acceptedSignaturesFollowTheDtypeAndTheArityArrayFormsFirst() {
        assertEquals(List.of("void f(float[], float[])", "float[] f(float[])", "float f(float)"),
                FunctionSignature.accepted(Op.EXP, DType.FLOAT32).stream().map(s -> s.describe("f")).toList());
        assertEquals(List.of("void f(double[], double[], double[])", "double[] f(double[], double[])", "double f(double, double)"),
                FunctionSignature.accepted(Op.ATAN2, DType.FLOAT64).stream().map(s -> s.describe("f")).toList());
        assertEquals(List.of("float f(float[])"),
                FunctionSignature.accepted(Op.REDUCE_SUM, DType.FLOAT32).stream().map(s -> s.describe("f")).toList());
        assertEquals(List.of("void f(double[], double[])", "double[] f(double[])"),
                FunctionSignature.accepted(Op.SOFTMAX, DType.FLOAT64).stream().map(s -> s.describe("f")).toList());
        assertEquals(List.of(), FunctionSignature.accepted(Op.EXP, DType.FLOAT16));
        assertEquals(List.of(), FunctionSignature.accepted(Op.MATMUL, DType.FLOAT32));
    }

    @Test
    void theOverloadOfTheCasesDtypeIsFound() {
        assertEquals(float.class, find("twice", Op.EXP, DType.FLOAT32).method().getReturnType());
        assertEquals(double.class, find("twice", Op.EXP, DType.FLOAT64).method().getReturnType());
        assertEquals(FunctionSignature.Shape.SCALAR, find("twice", Op.EXP, DType.FLOAT64).signature().shape());
    }

    @Test
    void theArrayFormIsPreferredWhenBothExist() {
        assertEquals(FunctionSignature.Shape.ARRAY_INTO, find("both", Op.EXP, DType.FLOAT32).signature().shape());
        assertEquals(FunctionSignature.Shape.ARRAY_RETURN, find("halves", Op.EXP, DType.FLOAT64).signature().shape());
        assertEquals(FunctionSignature.Shape.REDUCE, find("sum", Op.REDUCE_SUM, DType.FLOAT32).signature().shape());
        assertEquals(FunctionSignature.Shape.SCALAR, find("difference", Op.SUB, DType.FLOAT64).signature().shape());
    }

    @Test
    void aMissingMethodIsNamedWithTheAcceptedSignatures() {
        assertEquals(FIXTURES + "#nothing (op exp, float32): class " + FIXTURES + " has no method named nothing; accepted for exp"
                + " in float32: static void nothing(float[], float[]), static float[] nothing(float[]), static float nothing(float)",
                error("nothing", Op.EXP, DType.FLOAT32));
    }

    @Test
    void aMissingClassIsNamed() {
        String message = assertThrows(IllegalArgumentException.class, () -> FunctionMethods.find(
                MethodReference.parse("com.acme.Nowhere#exp"), Op.EXP, DType.FLOAT32, getClass().getClassLoader())).getMessage();
        assertEquals("com.acme.Nowhere#exp (op exp): class com.acme.Nowhere is not in the project's classes or its test classpath", message);
    }

    @Test
    void anInstanceMethodIsRejectedAsNotStatic() {
        assertEquals(FIXTURES + "#notStatic (op exp, float32): float notStatic(float) in " + FIXTURES
                + " is not static: opcompare calls it without an instance, so it must be declared static",
                error("notStatic", Op.EXP, DType.FLOAT32));
    }

    @Test
    void aWrongSignatureListsWhatTheClassHasAndWhatIsAccepted() {
        assertEquals(FIXTURES + "#withInt (op exp, float32): no accepted signature: " + FIXTURES
                + " has static float withInt(float, int); accepted for exp in float32: static void withInt(float[], float[]),"
                + " static float[] withInt(float[]), static float withInt(float)", error("withInt", Op.EXP, DType.FLOAT32));
        // A double method for a float32 case: Java does not narrow on its own, so it is not taken.
        assertEquals(FIXTURES + "#difference (op sub, float32): no accepted signature: " + FIXTURES
                + " has static double difference(double, double); accepted for sub in float32: static void difference(float[], float[], float[]),"
                + " static float[] difference(float[], float[]), static float difference(float, float)", error("difference", Op.SUB, DType.FLOAT32));
        // A scalar function is not a reduction.
        assertEquals(FIXTURES + "#twice (op reduce_sum, float32): no accepted signature: " + FIXTURES
                + " has static double twice(double), static float twice(float); accepted for reduce_sum in float32: static float twice(float[])",
                error("twice", Op.REDUCE_SUM, DType.FLOAT32));
    }

    @Test
    void dtypesAndOpsWithoutJavaFormsSayWhy() {
        assertEquals(FIXTURES + "#twice (op exp, float16): Java has no float16 type: project functions run in float32 (float) and"
                + " float64 (double) only; the class has static double twice(double), static float twice(float)",
                error("twice", Op.EXP, DType.FLOAT16));
        assertEquals(FIXTURES + "#twice (op matmul, float32): opcompare accepts no project function for matmul (a matrix product"
                + " needs its side as well); the class has static double twice(double), static float twice(float)",
                error("twice", Op.MATMUL, DType.FLOAT32));
    }

    @Test
    void methodReferencesAreClassHashMethod() {
        assertEquals(new MethodReference("com.acme.math.FastExp", "exp"), MethodReference.parse(" com.acme.math.FastExp#exp "));
        assertEquals(new MethodReference("com.acme.Outer$Inner", "f"), MethodReference.parse("com.acme.Outer$Inner#f"));
        for (String bad : new String[] {"com.acme.FastExp", "#exp", "com.acme.FastExp#", "a#b#c", "com..X#f", "com.acme.X#1f", ""}) {
            String message = assertThrows(IllegalArgumentException.class, () -> MethodReference.parse(bad)).getMessage();
            assertEquals(true, message.startsWith("method '" + bad.strip() + "'"), message);
        }
    }
}
