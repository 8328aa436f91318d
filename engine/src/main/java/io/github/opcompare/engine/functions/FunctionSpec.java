package io.github.opcompare.engine.functions;

/**
 * One configured {@code <function>}: a project's static method run as a catalog op.
 *
 * @param op the catalog op ({@code exp})
 * @param method {@code com.acme.math.FastExp#exp}
 * @param name the backend it appears under; null or blank for {@link ProjectFunctions#DEFAULT_NAME}
 */
public record FunctionSpec(String op, String method, String name) {
}
