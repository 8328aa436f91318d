package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.Agreement;
import io.github.opcompare.engine.result.BackendInfo;
import io.github.opcompare.engine.result.BackendResult;
import io.github.opcompare.engine.result.CaseResult;
import io.github.opcompare.engine.result.DeviceComparison;
import io.github.opcompare.engine.result.Machine;
import io.github.opcompare.engine.result.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the results of several machines into one file: one case entry per case, holding every
 * machine's results side by side, with backend ids qualified by machine ({@code nd4j-cpu@gpu-box}).
 * Each machine keeps its environment under {@code machines}. Agreement is kept within each machine;
 * across machines it cannot be computed (the outputs stay on the machine that made them). Special
 * inputs are carried with each machine's results qualified alike ({@link SpecialsMerger}).
 */
final class MachineMerger {
    private MachineMerger() {
    }

    static Results merge(Map<String, Results> byMachine) {
        List<Machine> machines = new ArrayList<>();
        List<BackendInfo> backends = new ArrayList<>();
        Map<String, CaseBuilder> cases = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        boolean complete = true;
        Results first = null;
        for (Map.Entry<String, Results> entry : byMachine.entrySet()) {
            String machine = entry.getKey();
            Results r = entry.getValue();
            first = first == null ? r : first;
            complete &= r.complete();
            missing.addAll(r.missingOrEmpty());
            List<String> ids = new ArrayList<>();
            for (BackendInfo b : r.backends()) {
                String id = QualifiedBackend.qualify(b.id(), machine);
                ids.add(id);
                backends.add(new BackendInfo(id, b.library(), b.version(), b.device(), b.threads(), b.runtime(), b.available(), b.reason(),
                        b.versionSource(), b.requestedVersion(), b.dependencyPath()));
            }
            machines.add(new Machine(machine, r.environment(), ids));
            for (CaseResult c : r.cases()) {
                CaseBuilder builder = cases.computeIfAbsent(c.label(), k -> new CaseBuilder(c, machine));
                builder.add(c, machine);
            }
        }
        List<CaseResult> merged = cases.values().stream().map(CaseBuilder::build).toList();
        return new Results(first.schema(), first.opcompareVersion(), complete, first.environment(), backends, merged,
                List.copyOf(missing), null, machines);
    }

    /** One case across machines; the machines must have run it on the same inputs. */
    private static final class CaseBuilder {
        final CaseResult template;
        final String templateMachine;
        final List<BackendResult> results = new ArrayList<>();
        final List<Agreement> agreement = new ArrayList<>();
        final List<DeviceComparison> devices = new ArrayList<>();
        final SpecialsMerger specials = new SpecialsMerger();

        CaseBuilder(CaseResult template, String machine) {
            this.template = template;
            this.templateMachine = machine;
        }

        void add(CaseResult c, String machine) {
            if (!Objects.equals(c.op(), template.op()) || !Objects.equals(c.inputs(), template.inputs())
                    || c.size() != template.size() || c.seed() != template.seed()) {
                throw new IllegalArgumentException("Case " + c.label() + " is not the same on machines '" + templateMachine
                        + "' (" + describe(template) + ") and '" + machine + "' (" + describe(c) + "); merge runs of the same configuration only");
            }
            for (BackendResult r : c.results()) {
                results.add(new BackendResult(QualifiedBackend.qualify(r.backend(), machine), r.status(), r.message(), r.accuracy(),
                        r.reproducibility(), r.firstCallNanos(), r.timing(), r.fit(), r.threads(), r.timingNotes()));
            }
            for (Agreement a : c.agreement() == null ? List.<Agreement>of() : c.agreement()) {
                agreement.add(new Agreement(QualifiedBackend.qualify(a.a(), machine), QualifiedBackend.qualify(a.b(), machine),
                        a.identical(), a.maxSteps()));
            }
            for (DeviceComparison d : c.devices() == null ? List.<DeviceComparison>of() : c.devices()) {
                devices.add(new DeviceComparison(d.library(), QualifiedBackend.qualify(d.cpu(), machine),
                        QualifiedBackend.qualify(d.gpu(), machine), d.identical(), d.maxSteps(), d.speedups()));
            }
            specials.add(c.specials(), machine);
        }

        CaseResult build() {
            // Time budgets belong to one machine's run; summed or picked from one they would mislead.
            return new CaseResult(template.id(), template.op(), template.dtype(), template.inputs(), template.size(), template.seed(),
                    results, agreement, null, null, devices.isEmpty() ? null : devices, null, specials.build());
        }

        private static String describe(CaseResult c) {
            return c.op() + " over " + c.inputs() + ", size " + c.size() + ", seed " + c.seed();
        }
    }
}
