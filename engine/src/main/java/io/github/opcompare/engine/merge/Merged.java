package io.github.opcompare.engine.merge;

import io.github.opcompare.engine.result.Results;
import java.util.List;

/**
 * The outcome of a merge: the merged results, and what the user should know about them (shards
 * run on different CPUs, a backend available on one shard only).
 */
public record Merged(Results results, List<String> notes) {
}
