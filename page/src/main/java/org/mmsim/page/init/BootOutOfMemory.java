package org.mmsim.page.init;

/**
 * An allocation the kernel cannot do without failed during boot: in Linux it would panic (SLUB's
 * early_kmem_cache_node_alloc() BUG()s when new_slab() returns nothing). It is the input's doing (a huge
 * vm.min_free_kbytes, all memory reserved, a /proc/meminfo whose used memory fills the machine), so front ends turn
 * it into one line naming that input; {@link #what()} says which boot allocation ran out.
 */
public final class BootOutOfMemory extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whose allocation failed: the kernel's own boot allocations, or the replay of a /proc/meminfo's used memory. */
    public enum Source { KERNEL, MEMINFO }

    private final Source source;
    private final String what;
    private final long neededPages;
    private final long freePages;

    /**
     * {@code what} needed {@code neededPages} pages and the page allocator had none to give; {@code freePages} is
     * what was free before it started (-1: not known to the thrower).
     */
    public BootOutOfMemory(Source source, String what, long neededPages, long freePages) {
        super(what + " needs " + neededPages + " page" + (neededPages == 1 ? "" : "s") + " and the page allocator has"
                + " none to give", null, false, false);
        this.source = source;
        this.what = what;
        this.neededPages = neededPages;
        this.freePages = freePages;
    }

    public Source source() {
        return source;
    }

    /** The boot allocation that failed, e.g. "SLUB's boot caches (kmem_cache_node on node 0)". */
    public String what() {
        return what;
    }

    public long neededPages() {
        return neededPages;
    }

    /** The free pages before the failed allocation began, or -1 when the thrower does not know. */
    public long freePages() {
        return freePages;
    }
}
