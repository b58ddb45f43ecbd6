package org.mmsim.proc;

import java.util.Arrays;

/**
 * One row of a pageblock table in /proc/pagetypeinfo: for a populated zone, how many pageblocks have
 * each migratetype ({@code pagetypeinfo_showblockcount_print}) or, in the page_owner table, how many
 * blocks of each type hold pages of other types ({@code pagetypeinfo_showmixedcount_print}).
 *
 * @param zoneName the kernel's zone name
 * @param counts   one count per migratetype (copied)
 */
public record ZoneBlockCounts(String zoneName, long[] counts) {
    public ZoneBlockCounts {
        counts = counts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public long count(int migratetype) {
        return counts[migratetype];
    }

    /** All pageblocks of the zone that were counted. */
    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneBlockCounts z && Arrays.deepEquals(components(), z.components());
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(components());
    }

    @Override
    public String toString() {
        return "ZoneBlockCounts" + Arrays.deepToString(components());
    }

    /** The components, for equality, hash and text by the contents of the array (a record compares identity). */
    private Object[] components() {
        return new Object[] {zoneName, counts};
    }
}
