package io.github.opcompare.worker.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.opcompare.worker.OpExecutor;
import io.github.opcompare.worker.conformance.ToyExecutor.Flaw;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The kit on a toy backend: it passes the sound one and fails each flaw where it should. */
class ConformanceKitSelfTest {

    /** The kit for the toy, driven by hand here rather than by JUnit, so that its failures can be asserted. */
    static final class ToyKit extends BackendConformance {
        private final Set<Flaw> flaws;

        ToyKit(Set<Flaw> flaws) {
            this.flaws = flaws;
        }

        @Override
        protected OpExecutor executor() {
            return new ToyExecutor(flaws);
        }

        @Override
        protected WorkerLaunch launch() {
            String names = flaws.stream().map(Enum::name).collect(Collectors.joining(","));
            return WorkerLaunch.java(ToyExecutor.class).withEnvironment(ToyExecutor.FLAWS_VARIABLE, names);
        }
    }

    interface KitCheck {
        void run(ToyKit kit) throws Throwable;
    }

    private static void withKit(Set<Flaw> flaws, KitCheck check) throws Throwable {
        ToyKit kit = new ToyKit(flaws);
        kit.startBackend();
        try {
            check.run(kit);
        } finally {
            kit.stopBackend();
        }
    }

    /** Runs every dynamic test; a dtype the toy lacks is skipped, as JUnit would. */
    private static void runAll(Stream<DynamicTest> tests) throws Throwable {
        for (DynamicTest test : (Iterable<DynamicTest>) tests::iterator) {
            try {
                test.getExecutable().execute();
            } catch (TestAbortedException unsupportedDtype) {
                // skipped
            }
        }
    }

    @Test
    void aSoundBackendPasses() throws Throwable {
        withKit(EnumSet.noneOf(Flaw.class), kit -> {
            runAll(kit.atan2TakesTheNumeratorFirst());
            runAll(kit.modIsCFmodWithTheSignOfTheDividend());
            runAll(kit.powTakesTheBaseFirst());
            runAll(kit.rawBitPatternsRoundTripThroughNeg());
            runAll(kit.everyOpAndDtypeRunsOrIsUnsupportedWithAReason());
            runAll(kit.aRequestThatCannotBeDoneIsFailedAndTheWorkerGoesOn());
            kit.resultsAreReleasedOverTenThousandCalls();
            kit.theWorkerEndsWhenTheProcessThatStartedItIsGone();
        });
    }

    @Test
    void swappedOperandsAndFloorModFail() throws Throwable {
        withKit(EnumSet.of(Flaw.SWAPPED_ATAN2, Flaw.FLOOR_MOD), kit -> {
            for (Stream<DynamicTest> check : List.of(kit.atan2TakesTheNumeratorFirst(), kit.modIsCFmodWithTheSignOfTheDividend())) {
                AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> runAll(check));
                assertTrue(e.getMessage().contains("atan2") || e.getMessage().contains("mod"), e.getMessage());
            }
        });
    }

    @Test
    void keptResultsFail() throws Throwable {
        withKit(EnumSet.of(Flaw.KEEPS_RESULTS), kit -> {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, kit::resultsAreReleasedOverTenThousandCalls);
            assertTrue(e.getMessage().startsWith("the worker grew by"), e.getMessage());
        });
    }
}
