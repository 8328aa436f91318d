package io.github.opcompare.engine.accuracy;

/**
 * The {@code capacity} worst results seen, by badness: a larger ulp error is worse, an undefined one
 * (NaN) worst of all, and between equal errors the earlier input (smaller index) is worse. That is a
 * total order (indexes differ), so what is kept is the same whatever order the results come in, and
 * a merge of the lists of disjoint inputs keeps what one list of all of them would.
 *
 * <p>A binary min-heap on primitive arrays, the least bad kept result at its root. It replaces a
 * {@code PriorityQueue} of records with a comparator of lambdas: where errors rise along the inputs
 * (exp of the positive arguments too small to move it off 1, the underflow below -87) every result is
 * worse than the least bad kept one and entered the queue, a record and a comparator chain each, and
 * that churn was the largest cost left in those chunks of the exhaustive sweep.
 */
final class WorstResults {
    private final int capacity;
    private final long[] index;
    private final double[] ulp;
    private final double[] rounded;
    private final double[] actual;
    private int size;

    WorstResults(int capacity) {
        this.capacity = Math.max(0, capacity);
        index = new long[this.capacity];
        ulp = new double[this.capacity];
        rounded = new double[this.capacity];
        actual = new double[this.capacity];
    }

    /** The badness key of an ulp error: NaN (undefined) above every error. */
    static double key(double u) {
        return Double.isNaN(u) ? Double.POSITIVE_INFINITY : u;
    }

    /** Whether a result (index i, error u) is worse than the least bad one kept, or there is room: whether {@link #offer} keeps it. */
    boolean wouldKeep(long i, double u) {
        return size < capacity || (capacity > 0 && worse(key(u), i, key(ulp[0]), index[0]));
    }

    /** Keeps the result if it is among the worst seen so far; whether it did. */
    boolean offer(long i, double u, double r, double a) {
        if (size < capacity) {
            put(size, i, u, r, a);
            siftUp(size++);
            return true;
        }
        if (!wouldKeep(i, u)) {
            return false;
        }
        put(0, i, u, r, a);
        siftDown(0);
        return true;
    }

    /** Offers every result another list keeps (of other inputs). */
    void merge(WorstResults other) {
        for (int j = 0; j < other.size; j++) {
            offer(other.index[j], other.ulp[j], other.rounded[j], other.actual[j]);
        }
    }

    int size() {
        return size;
    }

    /** The kept results, worst first. */
    java.util.List<Kept> worstFirst() {
        java.util.List<Kept> out = new java.util.ArrayList<>(size);
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

    private void put(int at, long i, double u, double r, double a) {
        index[at] = i;
        ulp[at] = u;
        rounded[at] = r;
        actual[at] = a;
    }

    private void siftUp(int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!worse(key(ulp[parent]), index[parent], key(ulp[at]), index[at])) {
                return;
            }
            swap(at, parent);
            at = parent;
        }
    }

    private void siftDown(int at) {
        while (true) {
            int least = at;
            int l = 2 * at + 1;
            int r = l + 1;
            if (l < size && worse(key(ulp[least]), index[least], key(ulp[l]), index[l])) {
                least = l;
            }
            if (r < size && worse(key(ulp[least]), index[least], key(ulp[r]), index[r])) {
                least = r;
            }
            if (least == at) {
                return;
            }
            swap(at, least);
            at = least;
        }
    }

    private void swap(int a, int b) {
        long i = index[a];
        index[a] = index[b];
        index[b] = i;
        double t = ulp[a];
        ulp[a] = ulp[b];
        ulp[b] = t;
        t = rounded[a];
        rounded[a] = rounded[b];
        rounded[b] = t;
        t = actual[a];
        actual[a] = actual[b];
        actual[b] = t;
    }
}
