package org.mmsim.kernel;

import java.util.Arrays;

/** A set of non-negative longs with open addressing, without boxing: for page-table coverage bookkeeping. */
public final class LongSet {
    private long[] slots = new long[64];
    private int size;

    /** Adds a key (>= 0); true if it was not present. */
    public boolean add(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key");
        }
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return insert(slots, key + 1);
    }

    public boolean contains(long key) {
        long stored = key + 1;
        int mask = slots.length - 1;
        for (int i = hash(stored) & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return false;
            }
            if (s == stored) {
                return true;
            }
        }
    }

    public int size() {
        return size;
    }

    private boolean insert(long[] table, long stored) {
        int mask = table.length - 1;
        for (int i = hash(stored) & mask; ; i = (i + 1) & mask) {
            long s = table[i];
            if (s == 0) {
                table[i] = stored;
                if (table == slots) {
                    size++;
                }
                return true;
            }
            if (s == stored) {
                return false;
            }
        }
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        int n = size;
        for (long s : old) {
            if (s != 0) {
                insert(slots, s);
            }
        }
        size = n;
    }

    private static int hash(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "LongSet(" + size + ") " + Arrays.stream(slots).filter(s -> s != 0).map(s -> s - 1).sorted().limit(8)
                .boxed().toList();
    }
}
