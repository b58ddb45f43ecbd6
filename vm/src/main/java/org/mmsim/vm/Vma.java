package org.mmsim.vm;

/**
 * A virtual memory area, struct vm_area_struct of 6.1: [start, end), vm_flags, vm_pgoff, vm_file and the
 * anon_vma with the length of its anon_vma_chain (0 = no anon_vma, 1 = its own or a reused neighbour's,
 * more = cloned from a parent at fork; is_mergeable_anon_vma() tests list_is_singular() of that chain).
 * {@code closeOp} stands for vm_ops->close, which 6.1's is_mergeable_vma() refuses to merge.
 */
public final class Vma {
    long start;
    long end;
    long flags;
    long pgoff;
    VmFile file;
    AnonVma anonVma;
    int anonVmaChain;
    boolean closeOp;

    Vma(long start, long end, long flags, long pgoff, VmFile file) {
        this.start = start;
        this.end = end;
        this.flags = flags;
        this.pgoff = pgoff;
        this.file = file;
    }

    /** A copy for __split_vma()/copy_vma()/dup_mmap(): same flags, file, anon_vma and chain. */
    Vma dup() {
        Vma v = new Vma(start, end, flags, pgoff, file);
        v.anonVma = anonVma;
        v.anonVmaChain = anonVmaChain;
        v.closeOp = closeOp;
        return v;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long flags() {
        return flags;
    }

    public long pgoff() {
        return pgoff;
    }

    public VmFile file() {
        return file;
    }

    public AnonVma anonVma() {
        return anonVma;
    }

    public int anonVmaChainLength() {
        return anonVmaChain;
    }

    public boolean hasCloseOp() {
        return closeOp;
    }

    /** Sets vm_ops->close (a driver or special mapping); only used to exercise the merge rules. */
    public void setCloseOp(boolean closeOp) {
        this.closeOp = closeOp;
    }

    /** Attaches an anon_vma as anon_vma_prepare() would (chain length 1), or a given chain length. */
    public void setAnonVma(AnonVma anonVma, int chainLength) {
        this.anonVma = anonVma;
        this.anonVmaChain = anonVma == null ? 0 : chainLength;
    }

    /** vma_is_anonymous(): no file (private anonymous memory; shared anonymous memory has a shmem file). */
    public boolean isAnonymous() {
        return file == null;
    }

    public long pages() {
        return (end - start) >>> Paging.PAGE_SHIFT;
    }

    /** linear_page_index(): the file page index of an address. */
    public long linearPageIndex(long addr) {
        return ((addr - start) >>> Paging.PAGE_SHIFT) + pgoff;
    }

    @Override
    public String toString() {
        return String.format("[%x-%x flags=%x pgoff=%x%s%s]", start, end, flags, pgoff,
                file == null ? "" : " file=" + file.path(), anonVma == null ? "" : " " + anonVma);
    }
}
