package io.github.opcompare.worker.op;

/** How an op maps its inputs to outputs, which decides output length and how accuracy is judged. */
public enum OpKind {
    /** One output per element of its (equally long) inputs, each depending on that element only. */
    ELEMENTWISE,
    /** One output for the whole input vector. */
    REDUCTION,
    /** One output per element, each depending on the whole vector (softmax). */
    VECTOR,
    /** Square matrices given as flat row-major operands of n² elements each; n² outputs. */
    MATRIX
}
