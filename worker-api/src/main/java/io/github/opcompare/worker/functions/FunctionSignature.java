package io.github.opcompare.worker.functions;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import io.github.opcompare.worker.op.OpKind;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One form a project's static method may take to be run as a catalog op: a scalar function called
 * once per element, an array function that fills an output array or returns one, or a reduction of
 * an array to one value. The element type follows the case's dtype: {@code float} for float32,
 * {@code double} for float64; Java has no other floating-point type, so other dtypes accept nothing.
 *
 * @param shape how the elements reach the method
 * @param element {@code float.class} or {@code double.class}
 * @param arity the op's number of operands
 */
public record FunctionSignature(Shape shape, Class<?> element, int arity) {

    /** How the method takes its operands, in the order they are preferred when a class has several. */
    public enum Shape {
        /** {@code void f(float[] in, float[] out)}: the array form, timed without an allocation. */
        ARRAY_INTO,
        /** {@code float[] f(float[] in)}. */
        ARRAY_RETURN,
        /** {@code float f(float)}: called once per element. */
        SCALAR,
        /** {@code float f(float[])}: a reduction. */
        REDUCE
    }

    /**
     * The signatures accepted for an op in a dtype, the preferred first: array forms before the
     * scalar form, because the array form is what a project calls in its hot loops and so what is
     * worth timing.
     */
    public static List<FunctionSignature> accepted(Op op, DType dtype) {
        Class<?> element = switch (dtype) {
            case FLOAT32 -> float.class;
            case FLOAT64 -> double.class;
            default -> null;
        };
        if (element == null) {
            return List.of();
        }
        List<Shape> shapes = switch (op.kind()) {
            case ELEMENTWISE -> List.of(Shape.ARRAY_INTO, Shape.ARRAY_RETURN, Shape.SCALAR);
            case VECTOR -> List.of(Shape.ARRAY_INTO, Shape.ARRAY_RETURN);
            case REDUCTION -> List.of(Shape.REDUCE);
            // A matrix product takes its side besides the values; no plain Java signature says it.
            case MATRIX -> List.<Shape>of();
        };
        return shapes.stream().map(s -> new FunctionSignature(s, element, op.arity())).collect(Collectors.toList());
    }

    /** Why {@link #accepted} is empty for this op and dtype, for messages. */
    public static String noneAcceptedReason(Op op, DType dtype) {
        if (op.kind() == OpKind.MATRIX && (dtype == DType.FLOAT32 || dtype == DType.FLOAT64)) {
            return "opcompare accepts no project function for " + op.id() + " (a matrix product needs its side as well)";
        }
        return "Java has no " + dtype.id() + " type: project functions run in float32 (float) and float64 (double) only";
    }

    public Class<?> returnType() {
        return switch (shape) {
            case ARRAY_INTO -> void.class;
            case ARRAY_RETURN -> element.arrayType();
            case SCALAR, REDUCE -> element;
        };
    }

    public List<Class<?>> parameterTypes() {
        List<Class<?>> types = new ArrayList<>();
        Class<?> operand = shape == Shape.SCALAR ? element : element.arrayType();
        for (int i = 0; i < arity; i++) {
            types.add(operand);
        }
        if (shape == Shape.ARRAY_INTO) {
            types.add(element.arrayType());
        }
        return types;
    }

    /** Whether {@code method} has this signature, whatever its modifiers. */
    public boolean matches(Method method) {
        return method.getReturnType() == returnType() && Arrays.asList(method.getParameterTypes()).equals(parameterTypes());
    }

    /** As Java writes it, with the given method name: {@code void exp(float[], float[])}. */
    public String describe(String methodName) {
        return returnType().getSimpleName() + " " + methodName + "("
                + parameterTypes().stream().map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }

    /** A method's own signature as Java writes it, with {@code static} where it is. */
    public static String describe(Method method) {
        return (Modifier.isStatic(method.getModifiers()) ? "static " : "") + method.getReturnType().getSimpleName() + " "
                + method.getName() + "(" + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ")) + ")";
    }
}
