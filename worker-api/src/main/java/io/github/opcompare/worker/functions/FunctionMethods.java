package io.github.opcompare.worker.functions;

import io.github.opcompare.worker.dtype.DType;
import io.github.opcompare.worker.op.Op;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the method a project function runs for an op in a dtype, by reflection: the static method
 * of the named class whose signature is the first {@linkplain FunctionSignature#accepted accepted}
 * one. The engine calls it before anything runs, to fail the build naming what is wrong; the worker
 * calls it again to run the method it finds, so both always agree.
 */
public final class FunctionMethods {

    /** The method to call and the form it takes. */
    public record Found(Method method, FunctionSignature signature) {
    }

    private FunctionMethods() {
    }

    /**
     * Loads the class (without initialising it) and finds the method.
     *
     * @throws IllegalArgumentException naming the class, the method, the signatures it has and those accepted
     */
    public static Found find(MethodReference reference, Op op, DType dtype, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(reference.className(), false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(reference + " (op " + op.id() + "): class " + reference.className()
                    + " is not in the project's classes or its test classpath");
        } catch (LinkageError e) {
            // Compiled for a newer Java than the build's, or missing a class it needs.
            throw new IllegalArgumentException(reference + " (op " + op.id() + "): class " + reference.className()
                    + " cannot be loaded: " + e);
        }
        return find(reference, type, op, dtype);
    }

    /** @throws IllegalArgumentException naming the class, the method, the signatures it has and those accepted */
    public static Found find(MethodReference reference, Class<?> type, Op op, DType dtype) {
        String name = reference.methodName();
        List<Method> named = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .sorted(Comparator.comparing(FunctionSignature::describe)).collect(Collectors.toList());
        List<FunctionSignature> accepted = FunctionSignature.accepted(op, dtype);
        String where = reference + " (op " + op.id() + ", " + dtype.id() + "): ";
        if (named.isEmpty()) {
            throw new IllegalArgumentException(where + "class " + type.getName() + " has no method named " + name
                    + acceptedText(accepted, name, op, dtype));
        }
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException(where + FunctionSignature.noneAcceptedReason(op, dtype)
                    + "; the class has " + has(named));
        }
        for (FunctionSignature signature : accepted) {
            Optional<Method> match = named.stream().filter(signature::matches).findFirst();
            if (match.isPresent() && Modifier.isStatic(match.get().getModifiers())) {
                return new Found(match.get(), signature);
            }
        }
        Optional<Method> instanceMatch = named.stream().filter(m -> accepted.stream().anyMatch(s -> s.matches(m))).findFirst();
        if (instanceMatch.isPresent()) {
            throw new IllegalArgumentException(where + FunctionSignature.describe(instanceMatch.get()) + " in " + type.getName()
                    + " is not static: opcompare calls it without an instance, so it must be declared static");
        }
        throw new IllegalArgumentException(where + "no accepted signature: " + type.getName() + " has " + has(named)
                + acceptedText(accepted, name, op, dtype));
    }

    private static String has(List<Method> named) {
        return named.stream().map(FunctionSignature::describe).collect(Collectors.joining(", "));
    }

    private static String acceptedText(List<FunctionSignature> accepted, String name, Op op, DType dtype) {
        if (accepted.isEmpty()) {
            return "; " + FunctionSignature.noneAcceptedReason(op, dtype);
        }
        return "; accepted for " + op.id() + " in " + dtype.id() + ": static "
                + accepted.stream().map(s -> s.describe(name)).collect(Collectors.joining(", static "));
    }
}
