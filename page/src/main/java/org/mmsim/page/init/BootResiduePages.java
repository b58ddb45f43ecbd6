package org.mmsim.page.init;

import java.util.Arrays;

/**
 * The pages boot allocated for a {@link BootResidue}'s typed kinds (all but kernel memory), in the order it
 * allocated them: a run hands each over to its memory model as the thing it is (a slab page, a tmpfs or page-cache
 * page, an anonymous page), so the run's counters show what the real machine's meminfo shows.
 */
public final class BootResiduePages {
    /** No typed pages: a boot without a residue. */
    public static final BootResiduePages NONE = new BootResiduePages(BootResidue.NONE);

    private final BootResidue residue;
    private long[] pfns = new long[0];
    private BootResidueKind[] kinds = new BootResidueKind[0];
    private int size;

    BootResiduePages(BootResidue residue) {
        this.residue = residue;
    }

    /** The residue these pages were allocated for. */
    public BootResidue residue() {
        return residue;
    }

    void add(long pfn, BootResidueKind kind) {
        if (size == pfns.length) {
            int n = Math.max(16, size * 2);
            pfns = Arrays.copyOf(pfns, n);
            kinds = Arrays.copyOf(kinds, n);
        }
        pfns[size] = pfn;
        kinds[size++] = kind;
    }

    public int size() {
        return size;
    }

    public long pfn(int i) {
        return pfns[i];
    }

    public BootResidueKind kind(int i) {
        return kinds[i];
    }
}
