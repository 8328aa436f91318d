package io.github.opcompare.engine.result;

import java.util.List;

/**
 * One machine of a merged results file: its environment as its own run recorded it, and the
 * backends it ran. In a merged file every backend id is qualified with the machine's name
 * ({@code nd4j-cpu@linux-xeon}), so that the same library on two machines stays two columns.
 *
 * @param name the machine's name in the merge (from the CI matrix, or the folder of its results)
 * @param backends the qualified ids of the backends this machine ran
 */
public record Machine(String name, Environment environment, List<String> backends) {
}
