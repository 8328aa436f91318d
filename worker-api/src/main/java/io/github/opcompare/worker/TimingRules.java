package io.github.opcompare.worker;

/**
 * The fixed rules of timing that every worker follows, whatever language it is written in: the one
 * home of the constants {@link CallTimer} and {@link WorkerServer} use. They travel in every time
 * request (as {@code timing.rules}), so a worker in another language (numpy_worker.py) reads them
 * from the request instead of keeping copies that could drift apart.
 *
 * @param warmupShare share of the budget that warm-up may use at most
 * @param transferInShare share of the budget for timing the copy of the inputs into the library
 * @param transferOutShare share of the budget for timing the copy of the result out
 * @param steadyTolerance rounds of warm-up whose time per call differs by at most this fraction count as steady
 * @param steadyRounds how many consecutive full warm-up rounds must agree
 * @param maxGrowth a calibrating warm-up round is at most this many times larger than the one before
 * @param maxBatch the most calls in one round or sample
 * @param transferSamples the most samples of a short copy, timed in batches like the op
 * @param longCopySamples the most samples of a copy long enough to be a sample on its own
 * @param firstIntervalCheck the fewest samples an early stop ({@link TimingSpec#targetRelativeWidth()}) rests
 *     on; the interval is looked at when the count of samples reaches it and each time the count doubles
 */
public record TimingRules(
        double warmupShare,
        double transferInShare,
        double transferOutShare,
        double steadyTolerance,
        int steadyRounds,
        int maxGrowth,
        long maxBatch,
        int transferSamples,
        int longCopySamples,
        int firstIntervalCheck) {

    public static final TimingRules STANDARD = new TimingRules(0.25, 0.1, 0.1, 0.05, 3, 64, 1L << 30, 10, 5, 32);
}
