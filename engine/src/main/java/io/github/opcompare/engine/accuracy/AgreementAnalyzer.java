package io.github.opcompare.engine.accuracy;

import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.worker.data.Values;

/** How closely two backends' outputs agree with each other, whatever the exact result. */
public final class AgreementAnalyzer {
    private AgreementAnalyzer() {
    }

    public static Agreement compare(String a, String b, Values x, Values y) {
        if (x.length() != y.length() || x.dtype() != y.dtype()) {
            throw new IllegalArgumentException("Cannot compare " + a + " (" + x.length() + " " + x.dtype() + ") with "
                    + b + " (" + y.length() + " " + y.dtype() + ")");
        }
        AgreementAccumulator agreement = new AgreementAccumulator(x.dtype());
        for (int i = 0; i < x.length(); i++) {
            agreement.add(x.get(i), y.get(i));
        }
        return agreement.toAgreement(a, b);
    }
}
