package org.mmsim.page.init;

/**
 * The pages boot allocated for a {@link BootResidue}'s typed kinds (all but kernel memory), in the order it
 * allocated them: a run hands each over to its memory model as the thing it is (a slab page, a tmpfs or page-cache
 * page, an anonymous page), so the run's counters show what the real machine's meminfo shows. Without a run
 * ({@code mmsim boot}) there is no memory model to take them: they stay boot's pages in their kinds'
 * migratetypes, which is what MemFree and the pageblock mix depend on, and the printed meminfo breaks down only
 * what the model's own allocators hold.
 */
public final class BootResiduePages {
    /** No typed pages: a boot without a residue. */
    public static final BootResiduePages NONE = new BootResiduePages(BootResidue.NONE);

    private static final BootResidueKind[] KINDS = BootResidueKind.values();

    private final BootResidue residue;
    private final long[] pfns;
    /** Each page's {@link BootResidueKind} ordinal: a byte a page, as a residue may run to millions of pages. */
    private final byte[] kinds;
    private int size;

    /** Room for the residue's typed pages, which boot then adds. */
    BootResiduePages(BootResidue residue) {
        this.residue = residue;
        this.pfns = new long[Math.toIntExact(residue.typed())];
        this.kinds = new byte[pfns.length];
    }

    /** The residue these pages were allocated for. */
    public BootResidue residue() {
        return residue;
    }

    void add(long pfn, BootResidueKind kind) {
        pfns[size] = pfn;
        kinds[size++] = (byte) kind.ordinal();
    }

    public int size() {
        return size;
    }

    public long pfn(int i) {
        return pfns[i];
    }

    public BootResidueKind kind(int i) {
        return KINDS[kinds[i]];
    }
}
