package org.mmsim.trace.replay;

/**
 * A map from a kernel pfn to a long (the model's page for it), open addressing with linear probing and
 * backward-shift deletion, without boxing: model replay looks every free up in it.
 */
final class PfnMap {
    /** What {@link #get} and {@link #remove} return for a pfn not in the map. */
    static final long ABSENT = Long.MIN_VALUE;
    private long[] keys = new long[1 << 12];
    private long[] values = new long[1 << 12];
    private int size;

    /** Maps {@code pfn} (>= 0) to {@code value}, replacing any earlier value. */
    void put(long pfn, long value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        long k = pfn + 1;
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (keys[i] != 0 && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = k;
            size++;
        }
        values[i] = value;
    }

    /** The value of {@code pfn}, or {@link #ABSENT}. */
    long get(long pfn) {
        long k = pfn + 1;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return values[i];
            }
        }
        return ABSENT;
    }

    /** Removes {@code pfn}; its value, or {@link #ABSENT}. */
    long remove(long pfn) {
        long k = pfn + 1;
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (keys[i] != k) {
            if (keys[i] == 0) {
                return ABSENT;
            }
            i = (i + 1) & mask;
        }
        long v = values[i];
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        size--;
        return v;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] ok = keys;
        long[] ov = values;
        keys = new long[ok.length * 2];
        values = new long[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                put(ok[i] - 1, ov[i]);
            }
        }
    }

    private static int slot(long k, int mask) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
