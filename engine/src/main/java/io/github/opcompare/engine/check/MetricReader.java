package io.github.opcompare.engine.check;

import io.github.opcompare.engine.merge.QualifiedBackend;
import io.github.opcompare.engine.result.Accuracy;
import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.SizeTiming;
import io.github.opcompare.engine.result.Specials;
import io.github.opcompare.engine.result.SpecialsOutcome;

/** Reads a metric from the result model for one case and backend. */
final class MetricReader {
    private MetricReader() {
    }

    static Measured read(Metric metric, String with, Long size, CaseResult c, BackendResult r) {
        Accuracy a = r.accuracy();
        return switch (metric) {
            case MAX_ULP -> a == null ? noAccuracy() : a.ulpErrorDefined() ? Measured.of(a.maxUlp()) : undefinedUlp(a);
            case MEAN_ULP -> a == null ? noAccuracy() : a.meanUlp() != null ? Measured.of(a.meanUlp()) : undefinedUlp(a);
            case MAX_RELATIVE_ERROR -> a == null ? noAccuracy() : maxRelativeError(a);
            case CORRECTLY_ROUNDED -> a == null ? noAccuracy() : Measured.of(a.correctlyRounded());
            case MAX_STEPS -> a == null ? noAccuracy() : a.maxSteps() != null ? Measured.of(a.maxSteps()) : undefinedUlp(a);
            case SPECIAL_MISMATCHES -> specialMismatches(c, r, a);
            case REPRODUCIBLE -> r.reproducibility() == null ? Measured.notMeasured("no reproducibility runs")
                    : Measured.of(r.reproducibility().reproducible() ? 1 : 0);
            case AGREEMENT -> agreement(c, r.backend(), with);
            case MEDIAN_NANOS -> median(r, size);
        };
    }

    /**
     * The special inputs (±0, ±Infinity, NaN, subnormals…) whose result differs from the prescribed one;
     * where a case has no specials (results written before they existed, exhaustive sweeps), the results
     * that are NaN or infinite where the exact value is finite, or the reverse. When the backend or the
     * reference failed on the special inputs, the count is unknown: the rows hold only what was judged.
     * A backend that does not take them (a recording) is not judged on them.
     */
    private static Measured specialMismatches(CaseResult c, BackendResult r, Accuracy a) {
        Specials specials = c.specials();
        if (specials == null) {
            return a == null ? noAccuracy() : Measured.of(a.undefinedUlp());
        }
        if (specials.referenceFailed()) {
            return Measured.unknown("the reference failed on the special inputs (" + specials.reference().firstLine() + ")");
        }
        SpecialsOutcome outcome = specials.outcome(r.backend());
        if (outcome != null && outcome.isFailed()) {
            return Measured.unknown("the special inputs failed (" + outcome.firstLine() + ")");
        }
        if (outcome != null && outcome.isUnsupported()) {
            // As an unsupported result: nothing to judge, which a note says.
            return Measured.notMeasured("the backend does not take the special inputs (" + outcome.firstLine() + ")");
        }
        if (outcome == null && !specials.answeredBy(r.backend())) {
            // Not run on them (a file, or a merged machine, from before they were recorded): what the case's own results say.
            return a == null ? noAccuracy() : Measured.of(a.undefinedUlp());
        }
        return Measured.of(specials.mismatches(r.backend()));
    }

    private static Measured maxRelativeError(Accuracy a) {
        if (a.undefinedRelativeError() == null) {
            return Measured.notMeasured("relative error is measured for reductions, softmax and matmul only");
        }
        if (a.maxRelativeError() != null) {
            return Measured.of(a.maxRelativeError());
        }
        long n = a.undefinedRelativeError();
        if (n > 0) {
            // Worse than any number, like an undefined maxUlp: it breaks a maximum.
            return Measured.undefined("infinite (" + n + " result" + (n == 1 ? "" : "s")
                    + " nonzero where the exact value is 0, or NaN or infinite where it is a number, or the reverse)");
        }
        return Measured.notMeasured("no result has a finite relative error (each is the prescribed NaN or overflow)");
    }

    private static Measured noAccuracy() {
        return Measured.notMeasured("no accuracy");
    }

    private static Measured undefinedUlp(Accuracy a) {
        return Measured.undefined("undefined (" + a.undefinedUlp() + " result" + (a.undefinedUlp() == 1 ? "" : "s")
                + " NaN or infinite where the exact value is not, or the reverse)");
    }

    private static Measured agreement(CaseResult c, String backend, String with) {
        // In a merged file agreement exists only within one machine: the other backend on the same one.
        String other = QualifiedBackend.parse(with).machine() != null ? with : QualifiedBackend.parse(backend).sibling(with);
        if (c.agreement() != null) {
            for (Agreement ag : c.agreement()) {
                if ((ag.a().equals(backend) && ag.b().equals(other)) || (ag.b().equals(backend) && ag.a().equals(other))) {
                    return Measured.of(ag.identical());
                }
            }
        }
        if (other.equals(backend)) {
            return Measured.notMeasured("a backend is not compared with itself");
        }
        return Measured.notMeasured("no agreement with " + with + " (it has no result on this case)");
    }

    private static Measured median(BackendResult r, Long size) {
        if (r.timing() == null || r.timing().isEmpty()) {
            return Measured.notMeasured("not timed");
        }
        if (size == null) {
            return Measured.of(r.largestTiming().medianNanos());
        }
        for (SizeTiming t : r.timing()) {
            if (t.size() == size) {
                return Measured.of(t.medianNanos());
            }
        }
        return Measured.notMeasured("not timed at size " + size);
    }
}
