package io.github.opcompare.engine.op;

/** How an op maps its inputs to outputs, which decides output length and how accuracy is judged. */
public enum OpKind {
    /** One output per element of its (equally long) inputs. */
    ELEMENTWISE,
    /** One output for the whole input vector. */
    REDUCTION
}
