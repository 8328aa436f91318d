package io.github.opcompare.engine.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code capacity} worst results seen, by badness: a larger ulp error is worse, an undefined one
 * (NaN) worst of all, and between equal errors the earlier input (smaller index) is worse. That is a
 * total order (indexes differ), so what is kept is the same whatever order the results come in, and
 * a merge of the lists of disjoint inputs keeps what one list of all of them would.
 *
 * <p>Results are collected in a buffer of primitive arrays and cut down to the {@code capacity} worst
 * whenever it fills; from then on a result no worse than the least bad of those (the floor) is refused
 * with one comparison, since that many results seen are worse than it. This replaced a {@code
 * PriorityQueue} of records with a comparator of lambdas: where errors rise along the inputs (exp of
 * the positive arguments too small to move it off 1, the underflow below -87) every result is worse
 * than every kept one, and one record and a sift through the queue per result was the largest cost
 * left in those chunks of the exhaustive sweep (a heap of primitives still cost 35 ns per result).
 */
final class WorstResults {
    private final int capacity;
    private long[] index;
    private double[] key;
    private double[] ulp;
    private double[] rounded;
    private double[] actual;
    private int size;
    private boolean hasFloor;
    private double floorKey;
    private long floorIndex;

    WorstResults(int capacity) {
        this.capacity = Math.max(0, capacity);
        int buffer = this.capacity == 0 ? 0 : Math.max(4 * this.capacity, 256);
        index = new long[buffer];
        key = new double[buffer];
        ulp = new double[buffer];
        rounded = new double[buffer];
        actual = new double[buffer];
    }

    /** The badness key of an ulp error: NaN (undefined) above every error. */
    static double key(double u) {
        return Double.isNaN(u) ? Double.POSITIVE_INFINITY : u;
    }

    /** Whether {@link #offer} would take this result in: false only where it cannot be among the worst. */
    boolean wouldKeep(long i, double u) {
        return capacity > 0 && (!hasFloor || worse(key(u), i, floorKey, floorIndex));
    }

    /** Takes the result in unless it cannot be among the worst; whether it did. */
    boolean offer(long i, double u, double r, double a) {
        if (!wouldKeep(i, u)) {
            return false;
        }
        index[size] = i;
        key[size] = key(u);
        ulp[size] = u;
        rounded[size] = r;
        actual[size] = a;
        if (++size == index.length) {
            cut();
        }
        return true;
    }

    /** Offers every result another list holds (of other inputs). */
    void merge(WorstResults other) {
        for (int j = 0; j < other.size; j++) {
            offer(other.index[j], other.ulp[j], other.rounded[j], other.actual[j]);
        }
    }

    /** How many results are held: at least the worst {@code capacity} seen, fewer only if fewer were seen. */
    int size() {
        return size;
    }

    /** The worst results, worst first. */
    List<Kept> worstFirst() {
        if (size > capacity) {
            cut();
        }
        List<Kept> out = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            out.add(new Kept(index[j], rounded[j], actual[j], ulp[j]));
        }
        out.sort((p, q) -> worse(key(p.ulp()), p.index(), key(q.ulp()), q.index()) ? -1 : 1);
        return out;
    }

    /** A kept result. */
    record Kept(long index, double rounded, double actual, double ulp) {
    }

    /** Whether (key a, index ia) is worse than (key b, index ib): larger key, or equal key and earlier index. */
    private static boolean worse(double a, long ia, double b, long ib) {
        return a > b || (a == b && ia < ib);
    }

    /**
     * Keeps the {@code capacity} worst held and makes the least bad of them the floor: the capacity-th
     * largest key t, and among the results of key t the earliest ones, as many as are still wanted.
     */
    private void cut() {
        double[] keys = Arrays.copyOf(key, size);
        Arrays.sort(keys);
        double t = keys[size - capacity];
        int above = 0;
        int ties = 0;
        for (int j = 0; j < size; j++) {
            if (key[j] > t) {
                above++;
            } else if (key[j] == t) {
                ties++;
            }
        }
        long[] tied = new long[ties];
        for (int j = 0, m = 0; j < size; j++) {
            if (key[j] == t) {
                tied[m++] = index[j];
            }
        }
        Arrays.sort(tied);
        long lastTied = tied[capacity - above - 1];
        int kept = 0;
        for (int j = 0; j < size; j++) {
            if (key[j] > t || (key[j] == t && index[j] <= lastTied)) {
                index[kept] = index[j];
                key[kept] = key[j];
                ulp[kept] = ulp[j];
                rounded[kept] = rounded[j];
                actual[kept] = actual[j];
                kept++;
            }
        }
        size = kept;
        hasFloor = true;
        floorKey = t;
        floorIndex = lastTied;
    }
}
