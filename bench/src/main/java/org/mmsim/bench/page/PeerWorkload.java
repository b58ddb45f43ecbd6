package org.mmsim.bench.page;

/**
 * The peer workloads (b) and (c) of benchmark-workloads.md: a fill phase to P = T * pct / 100 pages with
 * random orders 0..3, then steady steps (free L[j], allocate order k into L[j]), one SplitMix64 stream seeded
 * with 42. The allocator is abstract so the harness alone can be checked against the document's values.
 */
public final class PeerWorkload {
    /** An allocator under test. */
    public interface Allocator {
        long alloc(int order);

        void free(long handle, int order);
    }

    public static final long T = 1_048_576;
    final SplitMix64 rng = new SplitMix64(42);
    /**
     * The live table L: entry i holds (handle, order) in one int, handle << 2 | order, or -1 after a failed
     * allocation, so a step reads and writes one 4-byte slot (handles are pfns, below 2^29 on these machines).
     */
    final int[] live;
    int n;
    long used;
    long failures;

    public PeerWorkload(int pct) {
        long p = T * pct / 100;
        live = new int[(int) p];
        this.target = p;
    }

    private final long target;

    /** The fill phase; returns n. */
    public int fill(Allocator a) {
        while (used < target) {
            int k = rng.order();
            long h = a.alloc(k);
            if (h < 0) {
                failures++;
            }
            live[n++] = entry(h, k);
            used += 1L << k;
        }
        return n;
    }

    /** One steady step; returns j * 4 + k for the checks. */
    public long step(Allocator a) {
        int j = rng.index(n);
        int k = rng.order();
        int entry = live[j];
        int old = entry & 3;
        if (entry >= 0) {
            a.free(entry >> 2, old);
        }
        long h = a.alloc(k);
        if (h < 0) {
            failures++;
        }
        live[j] = entry(h, k);
        used += (1L << k) - (1L << old);
        return (long) j * 4 + k;
    }

    public int n() {
        return n;
    }

    public long used() {
        return used;
    }

    public long failures() {
        return failures;
    }

    public int order(int i) {
        return live[i] & 3;
    }

    private static int entry(long handle, int order) {
        if (handle < 0) {
            return -1;
        }
        if (handle >= 1L << 29) {
            throw new IllegalStateException("handle " + handle + " does not fit the live table");
        }
        return (int) handle << 2 | order;
    }
}
