package io.github.opcompare.engine.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the float32 first pass of the exact reference takes exp, log, sin, cos and tan from on this
 * JVM, as {@link CheckedIntrinsics} chose after probing them: results.json records it beside the
 * machine, so that a reader knows which library's bound the reference relied on (or that it went
 * straight to double-double because neither held).
 */
public final class ReferenceFirstPass {
    private ReferenceFirstPass() {
    }

    /** Op id to "Math", "StrictMath" or "none", in catalog order. */
    public static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("exp", name(CheckedIntrinsics.EXP));
        sources.put("log", name(CheckedIntrinsics.LOG));
        sources.put("sin", name(CheckedIntrinsics.SIN));
        sources.put("cos", name(CheckedIntrinsics.COS));
        sources.put("tan", name(CheckedIntrinsics.TAN));
        return sources;
    }

    private static String name(CheckedIntrinsics.Source source) {
        return switch (source) {
            case MATH -> "Math";
            case STRICT_MATH -> "StrictMath";
            case NONE -> "none";
        };
    }
}
