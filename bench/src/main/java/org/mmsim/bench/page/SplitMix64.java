package org.mmsim.bench.page;

/** SplitMix64 as /work/shared/design/benchmark-workloads.md section 2 defines it. */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        state = seed;
    }

    public long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The order rule: next() mod 4. */
    public int order() {
        return (int) (next() & 3);
    }

    /**
     * The index rule: next() mod n, unsigned, for n > 0. The same value as Long.remainderUnsigned, computed with
     * one signed division (halve, divide, correct once), which JDK 17's Long.remainderUnsigned does through
     * BigInteger for the half of the draws at or above 2^63.
     */
    public int index(int n) {
        return (int) remainderUnsigned(next(), n);
    }

    /** x mod n with x unsigned and n > 0: the halved quotient is at most one n short, corrected once. */
    static long remainderUnsigned(long x, int n) {
        long q = ((x >>> 1) / n) << 1;
        long r = x - q * n;
        return r >= n ? r - n : r;
    }
}
