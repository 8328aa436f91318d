package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.Results;

/**
 * One results file given to merge.
 *
 * @param source where it came from, for messages
 * @param machine the machine's name; the shards of one run share it
 */
public record MergeInput(String source, String machine, Results results) {
}
