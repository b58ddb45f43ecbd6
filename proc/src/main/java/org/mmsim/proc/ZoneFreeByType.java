package org.mmsim.proc;

import java.util.Arrays;

/**
 * The free-list lengths of one populated zone in /proc/pagetypeinfo: per migratetype and order,
 * how many blocks sit on {@code free_area[order].free_list[migratetype]}. The kernel stops counting
 * at {@link PageTypeInfo#FREE_COUNT_CAP} and prints {@code >100000}; a count at or above the cap
 * renders that way.
 *
 * @param zoneName the kernel's zone name
 * @param counts   counts[migratetype][order] (copied)
 */
public record ZoneFreeByType(String zoneName, long[][] counts) {
    public ZoneFreeByType {
        counts = deepCopy(counts);
    }

    @Override
    public long[][] counts() {
        return deepCopy(counts);
    }

    public long count(int migratetype, int order) {
        return counts[migratetype][order];
    }

    public int migratetypes() {
        return counts.length;
    }

    private static long[][] deepCopy(long[][] a) {
        long[][] c = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneFreeByType z && Arrays.deepEquals(components(), z.components());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(components());
    }

    @Override
    public String toString() {
        return "ZoneFreeByType" + Arrays.deepToString(components());
    }

    /** The components, for equality, hash and text by the contents of the array (a record compares identity). */
    private Object[] components() {
        return new Object[] {zoneName, counts};
    }
}
