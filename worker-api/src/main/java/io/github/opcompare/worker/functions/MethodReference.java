package io.github.opcompare.worker.functions;

/**
 * A static method named as {@code com.acme.math.FastExp#exp}: a fully qualified class name, {@code #},
 * a method name. Overloads are told apart by signature when the op's dtype is known.
 */
public record MethodReference(String className, String methodName) {

    /** @throws IllegalArgumentException naming the text and the form expected */
    public static MethodReference parse(String text) {
        String t = text == null ? "" : text.strip();
        int hash = t.indexOf('#');
        if (hash <= 0 || hash != t.lastIndexOf('#') || hash == t.length() - 1) {
            throw new IllegalArgumentException("method '" + t + "' is not of the form com.acme.Class#method");
        }
        String className = t.substring(0, hash);
        String methodName = t.substring(hash + 1);
        if (!isQualifiedName(className)) {
            throw new IllegalArgumentException("method '" + t + "': '" + className + "' is not a Java class name");
        }
        if (!isIdentifier(methodName)) {
            throw new IllegalArgumentException("method '" + t + "': '" + methodName + "' is not a Java method name");
        }
        return new MethodReference(className, methodName);
    }

    private static boolean isQualifiedName(String name) {
        for (String part : name.split("\\.", -1)) {
            // A nested class is written with $, which is a Java identifier part.
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        return name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    @Override
    public String toString() {
        return className + "#" + methodName;
    }
}
