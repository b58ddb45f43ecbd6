package org.mmsim.vm;

/**
 * The page cache as the fault path needs it (filemap_fault(), shmem_fault()): file and index to a pfn. The
 * cache holds one reference on each page it keeps; mapping a page adds more. The machine's page cache is the
 * memory model's ({@link MemoryPageCache}); a system without one cannot fault file pages in.
 */
public interface PageCache {
    /** The cached page of (file, index), reading (allocating) it if absent; -1 when out of memory. */
    long findOrRead(VmFile file, long index);

    /** The cached page of (file, index), or -1. */
    long lookup(VmFile file, long index);

    /** Pages held by the cache. */
    long nrPages();
}
