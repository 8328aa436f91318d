package io.github.opcompare.engine.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.opcompare.engine.plan.CaseSpec;
import io.github.opcompare.engine.plan.PlannedCase;
import io.github.opcompare.engine.plan.Planner;
import io.github.opcompare.worker.functions.MethodReference;
import io.github.opcompare.worker.op.Op;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionValidatorTest {
    private static final String ACME = AcmeFunctions.class.getName();
    private static final List<PlannedCase> PLANNED = Planner.plan(List.of(
            new CaseSpec("exp", "exp", List.of("float32,float64"), "uniform(-1,1)", 10, 1),
            new CaseSpec("tanh", "tanh", List.of("float64"), "uniform(-1,1)", 10, 1),
            new CaseSpec("log", "log", List.of("float32"), "uniform(1,2)", 10, 1)), Path.of("."));

    private static Map<String, Map<Op, MethodReference>> validate(FunctionSpec... specs) {
        return FunctionValidator.validate(List.of(specs), PLANNED, Set.of("jdk", "jdk-strict"), FunctionValidatorTest.class.getClassLoader());
    }

    private static String error(FunctionSpec... specs) {
        return assertThrows(IllegalArgumentException.class, () -> validate(specs)).getMessage();
    }

    @Test
    void functionsAreGroupedByNameProjectByDefault() {
        var byName = validate(new FunctionSpec("exp", ACME + "#exp", null), new FunctionSpec("tanh", ACME + "#tanh", " "),
                new FunctionSpec("tanh", ACME + "#tanh", "acme"));
        assertEquals(Map.of(Op.EXP, MethodReference.parse(ACME + "#exp"), Op.TANH, MethodReference.parse(ACME + "#tanh")), byName.get("project"));
        assertEquals(Map.of(Op.TANH, MethodReference.parse(ACME + "#tanh")), byName.get("acme"));
    }

    @Test
    void everyPlannedDtypeOfTheOpNeedsAnAcceptedForm() {
        // exp runs in float32 and float64: float exp(float) and void exp(double[], double[]) cover both.
        validate(new FunctionSpec("exp", ACME + "#exp", null));
        // tanh has only double tanh(double); used for exp, the float32 case has no form.
        assertEquals(ACME + "#tanh (op exp, float32): no accepted signature: " + ACME + " has static double tanh(double);"
                + " accepted for exp in float32: static void tanh(float[], float[]), static float[] tanh(float[]), static float tanh(float)",
                error(new FunctionSpec("exp", ACME + "#tanh", null)));
    }

    @Test
    void everyMistakeIsNamedInOneMessage() {
        String message = error(
                new FunctionSpec("expp", ACME + "#exp", null),
                new FunctionSpec("exp", "AcmeFunctions.exp", null),
                new FunctionSpec("exp", ACME + "#exp", "jdk"),
                new FunctionSpec("log", ACME + "#log", null),
                new FunctionSpec("sqrt", ACME + "#exp", null),
                new FunctionSpec("tanh", ACME + "#tanh", null),
                new FunctionSpec("tanh", ACME + "#exp", null),
                new FunctionSpec("tanh", "com.acme.Missing#tanh", "other"));
        assertEquals(String.join("\n  ", "7 functions are wrong:",
                "function " + ACME + "#exp: " + unknownOp("expp"),
                "function for op exp: method 'AcmeFunctions.exp' is not of the form com.acme.Class#method",
                "function " + ACME + "#exp: <name> 'jdk' is a built-in backend or a recording; choose another name",
                ACME + "#log (op log, float32): float log(float) in " + ACME + " is not static: opcompare calls it without an instance,"
                        + " so it must be declared static",
                "function " + ACME + "#exp: no case runs sqrt; the planned ops are [exp, log, tanh]",
                "function " + ACME + "#exp: backend 'project' already runs " + ACME + "#tanh for tanh; give one of them another <name>",
                "com.acme.Missing#tanh (op tanh): class com.acme.Missing is not in the project's classes or its test classpath"),
                message);
    }

    private static String unknownOp(String id) {
        return assertThrows(IllegalArgumentException.class, () -> Op.of(id)).getMessage();
    }
}
