package io.github.opcompare.engine.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A case's special inputs: what the exact reference and each backend made of them, and the rows of
 * prescribed and actual results ({@link SpecialValue}).
 *
 * <p>The outcomes are what keeps a count of mismatches honest: rows only hold the backends that
 * answered, so without them a backend that crashed on every special input would have 0 mismatches.
 *
 * @param reference whether the reference settled the prescribed result of every special input; a
 *     failed one leaves rows out, so no backend's count of mismatches is complete. Null in files
 *     written before it was recorded
 * @param backends each backend that ran the case (status ok) by id, with whether it answered every
 *     special input; null in files written before it was recorded
 * @param rows one per special input (and output), never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Specials(SpecialsOutcome reference, Map<String, SpecialsOutcome> backends, List<SpecialValue> rows) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Specials(@JsonProperty("reference") SpecialsOutcome reference, @JsonProperty("backends") Map<String, SpecialsOutcome> backends,
            @JsonProperty("rows") List<SpecialValue> rows) {
        this.reference = reference;
        this.backends = backends;
        this.rows = rows == null ? List.of() : rows;
    }

    /** Files written before the outcomes were recorded hold the rows alone, as an array. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Specials fromRows(List<SpecialValue> rows) {
        return new Specials(null, null, rows);
    }

    /** The reference failed on some special input: the rows are not the whole set. */
    public boolean referenceFailed() {
        return reference != null && reference.isFailed();
    }

    /** What the backend made of the special inputs; null when not recorded (older files, a backend that did not run the case). */
    public SpecialsOutcome outcome(String backend) {
        return backends == null ? null : backends.get(backend);
    }

    /** Whether the backend answered some special input: it has a result in some row. */
    public boolean answeredBy(String backend) {
        return rows.stream().anyMatch(s -> s.actual().containsKey(backend));
    }

    /** How many of the rows the backend got wrong; a complete count only when reference and backend are ok. */
    public long mismatches(String backend) {
        return rows.stream().filter(s -> s.mismatches().contains(backend)).count();
    }
}
