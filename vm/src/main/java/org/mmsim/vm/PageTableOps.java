package org.mmsim.vm;

import static org.mmsim.vm.RssCounters.MM_ANONPAGES;
import static org.mmsim.vm.RssCounters.MM_FILEPAGES;
import static org.mmsim.vm.RssCounters.MM_SHMEMPAGES;
import static org.mmsim.vm.RssCounters.MM_SWAPENTS;

/**
 * Operations on one address space's page tables: allocation of missing levels (__pud_alloc(), __pmd_alloc(),
 * __pte_alloc()), unmapping (mm/memory.c zap_pte_range()/zap_huge_pmd()), freeing empty tables
 * (free_pgd_range() with its floor/ceiling rule), fork copying (copy_page_range(), copy_present_pte(),
 * copy_huge_pmd()), mremap moving (mm/mremap.c move_page_tables(), move_normal_pmd()), THP splitting
 * (mm/huge_memory.c __split_huge_pmd_locked()) and mprotect (mm/mprotect.c change_protection()).
 */
final class PageTableOps {
    private final Mm mm;
    private final VmSystem sys;
    private final PteFormat f;
    private final PageTablePages tp;
    private final PageRefs refs;
    private final Paging paging;
    /** The level of the table at mm->pgd: 0, or 1 on PAE. */
    private final int top;

    PageTableOps(Mm mm) {
        this.mm = mm;
        this.sys = mm.sys;
        this.f = sys.fmt;
        this.tp = sys.tables;
        this.refs = sys.refs;
        this.paging = sys.paging;
        this.top = paging.topLevel();
    }

    /**
     * preallocate_pmds() and pgd_prepopulate_pmd() of pgd_alloc() (arch/x86/mm/pgtable.c): on PAE the PMD tables
     * of the user PGD entries are allocated with the PGD, so that the top-level entries never change later
     * (which would need a CR3 reload). Each counts as a PMD table (pgtable_pmd_page_ctor(), mm_inc_nr_pmds()).
     * False, with nothing left allocated, when memory runs out.
     */
    boolean preallocatePmds() {
        long[] pgdEntries = tp.entries(mm.pgd);
        for (int i = 0; i < paging.preallocatedPmds(); i++) {
            int pmd = tp.alloc(top + 1, 0);
            if (pmd < 0) {
                for (int k = 0; k < i; k++) {
                    freeTable(tp.tableAt(f.pfn(pgdEntries[k])), top + 1);
                    pgdEntries[k] = 0;
                }
                return false;
            }
            mm.accountTable(top + 1, 1);
            pgdEntries[i] = paging.mkTable(top, tp.pfnOf(pmd));
        }
        return true;
    }

    // ---- allocation and lookup -------------------------------------------------------------------

    /** The table id of the level-{@code level} table covering addr, allocating missing upper tables; -1 on OOM or a huge PMD in the way. */
    int tableFor(long addr, int level) {
        return top == 0 ? tableFrom(0, addr, level) : tableFrom(top, addr, level);
    }

    /**
     * {@link #tableFor} from the PGD's level {@code from}: called with the constant 0 on 4-level paging, so that the
     * compiler unrolls the walk as it did before PAE's folded level.
     */
    private int tableFrom(int from, long addr, int level) {
        int id = mm.pgd;
        for (int l = from; l < level; l++) {
            long[] t = tp.entries(id);
            int i = Paging.index(addr, l);
            long e = t[i];
            if (e == 0) {
                int child = tp.alloc(l + 1, 0);
                if (child < 0) {
                    return -1;
                }
                mm.accountTable(l + 1, 1);
                t[i] = paging.mkTable(l, tp.pfnOf(child));
                id = child;
            } else if (f.isTable(e)) {
                id = tp.tableAt(f.pfn(e));
            } else {
                return -1;
            }
        }
        return id;
    }

    /** The table id of the level-{@code level} table covering addr, or -1 if absent (no allocation). */
    int lookup(long addr, int level) {
        return top == 0 ? lookupFrom(0, addr, level) : lookupFrom(top, addr, level);
    }

    /** {@link #lookup} from the PGD's level {@code from} (the constant 0 on 4-level paging, as {@link #tableFrom}). */
    private int lookupFrom(int from, long addr, int level) {
        int id = mm.pgd;
        for (int l = from; l < level; l++) {
            long e = tp.entries(id)[Paging.index(addr, l)];
            if (!f.isTable(e)) {
                return -1;
            }
            id = tp.tableAt(f.pfn(e));
        }
        return id;
    }

    /** The leaf entry mapping addr (a PTE, or a huge PMD), or 0. */
    long leaf(long addr) {
        int pmdT = lookup(addr, 2);
        if (pmdT < 0) {
            return 0;
        }
        long pmd = tp.entries(pmdT)[Paging.index(addr, 2)];
        if (pmd == 0 || f.isHuge(pmd) || !f.isPresent(pmd)) {
            return pmd;
        }
        return tp.entries(tp.tableAt(f.pfn(pmd)))[Paging.index(addr, 3)];
    }

    /**
     * What the MMU does on an access that the entry permits: it sets the accessed bit (and the dirty bit on
     * a write) without a fault (x86 A/D bits; arm64 hardware AF/DBM management). False if the access faults.
     */
    boolean hardwareAccess(long addr, boolean write) {
        int pmdT = lookup(addr, 2);
        if (pmdT < 0) {
            return false;
        }
        long[] pmds = tp.entries(pmdT);
        int pi = Paging.index(addr, 2);
        long pmd = pmds[pi];
        long[] t = pmds;
        int i = pi;
        if (f.isTable(pmd)) {
            t = tp.entries(tp.tableAt(f.pfn(pmd)));
            i = Paging.index(addr, 3);
        } else if (!f.isHuge(pmd)) {
            return false;
        }
        long e = t[i];
        if (!f.hwValid(e) || (write && !f.isWrite(e))) {
            return false;
        }
        t[i] = write ? f.mkDirty(f.mkYoung(e)) : f.mkYoung(e);
        return true;
    }

    // ---- page state helpers ----------------------------------------------------------------------

    /** mm_counter(): which RSS counter a mapped page counts in. */
    int counterOf(long pfn) {
        long h = refs.head(pfn);
        if (refs.test(h, PageRefs.ANON)) {
            return MM_ANONPAGES;
        }
        return refs.test(h, PageRefs.SWAPBACKED) ? MM_SHMEMPAGES : MM_FILEPAGES;
    }

    /** put_page(): drops a reference and frees the page (or its whole THP) at zero. */
    void putPage(long pfn) {
        if (refs.put(pfn) == 0) {
            freePage(refs.head(pfn));
        }
    }

    void freePage(long head) {
        if (refs.test(head, PageRefs.HEAD)) {
            for (long p = head; p < head + Paging.HPAGE_PMD_NR; p++) {
                refs.reset(p);
            }
            sys.phys.freePages(head, Paging.HPAGE_PMD_ORDER);
        } else {
            refs.reset(head);
            sys.phys.freePages(head, 0);
        }
    }

    /** page_remove_rmap() + put_page() for one PTE mapping of a page. */
    void unmapPage(long pfn) {
        long h = refs.head(pfn);
        mm.rss[counterOf(pfn)]--;
        refs.decMapcount(pfn);
        if (refs.test(h, PageRefs.ANON)) {
            dropSwapCacheIfUnmapped(h);
        }
        putPage(pfn);
    }

    /** Once the last mapping of a swap-cache page is gone the model reclaims it from the cache at once. */
    private void dropSwapCacheIfUnmapped(long pfn) {
        long slot = refs.swapSlot(pfn);
        if (slot >= 0 && refs.mapcount(pfn) == 0) {
            sys.swap.setCachePfn(slot, -1);
            refs.setSwapSlot(pfn, -1);
            if (sys.swap.count(slot) == 0) {
                sys.swap.release(slot);
            }
            putPage(pfn);
        }
    }

    /** free_swap_and_cache() for one swap PTE going away. */
    void freeSwapEntry(long e) {
        long slot = f.swapOffset(e);
        mm.rss[MM_SWAPENTS]--;
        if (sys.swap.free(slot) == 0) {
            long cached = sys.swap.cachePfn(slot);
            if (cached >= 0) {
                sys.swap.setCachePfn(slot, -1);
                refs.setSwapSlot(cached, -1);
                putPage(cached);
            }
            sys.swap.release(slot);
        }
    }

    // ---- zap ---------------------------------------------------------------------------------------

    /** zap_page_range() over [start, end) inside one VMA: unmaps pages and swap entries, keeps the tables. */
    void zap(long start, long end) {
        zapLevel(mm.pgd, top, 0, start, end);
    }

    private void zapLevel(int id, int level, long base, long start, long end) {
        long[] t = tp.entries(id);
        long span = Paging.entrySpan(level);
        int first = (int) ((Math.max(start, base) - base) / span);
        for (int i = first; i < Paging.ENTRIES; i++) {
            long s = base + i * span;
            if (s >= end) {
                break;
            }
            long e = t[i];
            if (e == 0) {
                continue;
            }
            if (level == 3) {
                zapPte(t, i);
            } else if (level == 2 && f.isHuge(e)) {
                if (start <= s && s + span <= end) {
                    zapHugePmd(t, i);
                } else {
                    splitHugePmd(t, i);
                    zapLevel(tp.tableAt(f.pfn(t[i])), 3, s, start, end);
                }
            } else if (f.isTable(e)) {
                zapLevel(tp.tableAt(f.pfn(e)), level + 1, s, start, end);
            }
        }
    }

    private void zapPte(long[] t, int i) {
        long e = t[i];
        t[i] = 0;
        if (!f.isPresent(e)) {
            freeSwapEntry(e);
            return;
        }
        if (f.isSpecial(e)) {
            return;
        }
        long pfn = f.pfn(e);
        if (f.isDirty(e) && !refs.test(refs.head(pfn), PageRefs.ANON)) {
            refs.set(refs.head(pfn), PageRefs.DIRTY);
        }
        unmapPage(pfn);
    }

    /** zap_huge_pmd(): unmaps a whole THP (or the huge zero page) and frees the deposited page table. */
    void zapHugePmd(long[] t, int i) {
        long e = t[i];
        t[i] = 0;
        long pfn = f.pfn(e);
        if (pfn != sys.hugeZeroPfn) {
            refs.addEntireMapcount(pfn, -1);
            mm.rss[counterOf(pfn)] -= Paging.HPAGE_PMD_NR;
            putPage(pfn);
        }
        freeTable(mm.withdrawDeposit(), 3);
    }

    void freeTable(int id, int level) {
        tp.free(id, level, 0);
        mm.accountTable(level, -1);
    }

    // ---- free_pgtables -----------------------------------------------------------------------------

    /**
     * free_pgd_range(): frees the page tables under [start, end) whose whole span lies in [floor, ceiling)
     * (ceiling 0 = no limit), the gap left between the neighbouring VMAs.
     */
    void freePgtables(long start, long end, long floor, long ceiling) {
        freeLevel(mm.pgd, top, 0, start, end, floor, ceiling);
    }

    private void freeLevel(int id, int level, long base, long start, long end, long floor, long ceiling) {
        long[] t = tp.entries(id);
        long span = Paging.entrySpan(level);
        int first = (int) ((Math.max(start, base) - base) / span);
        for (int i = first; i < Paging.ENTRIES; i++) {
            long s = base + i * span;
            if (Long.compareUnsigned(s, end) >= 0 || (i > first && s == 0)) {
                break;
            }
            long e = t[i];
            if (!f.isTable(e)) {
                continue;
            }
            int child = tp.tableAt(f.pfn(e));
            if (level + 1 < 3) {
                freeLevel(child, level + 1, s, start, end, floor, ceiling);
            }
            if (s >= floor && (ceiling == 0 || s + span <= ceiling)) {
                freeTable(child, level + 1);
                t[i] = 0;
            }
        }
    }

    /** Frees every table below the PGD (exit_mmap() after all VMAs are gone). */
    void freeAllTables() {
        freeLevel(mm.pgd, top, 0, 0, paging.taskSize(), 0, 0);
    }

    // ---- THP split -----------------------------------------------------------------------------------

    /** __split_huge_pmd_locked(): replaces a huge PMD by the deposited PTE table mapping the 512 subpages. */
    void splitHugePmd(long[] pmdTable, int i) {
        long e = pmdTable[i];
        long head = f.pfn(e);
        int pte = mm.withdrawDeposit();
        long[] pt = tp.entries(pte);
        if (head == sys.hugeZeroPfn) {
            for (int k = 0; k < Paging.ENTRIES; k++) {
                pt[k] = f.mkSpecial(f.mkPte(sys.zeroPfn, false, false, false, true));
            }
        } else {
            boolean write = f.isWrite(e);
            boolean dirty = f.isDirty(e);
            boolean young = f.isYoung(e);
            boolean exec = f.isExec(e);
            boolean exclusive = refs.test(head, PageRefs.ANON_EXCLUSIVE);
            for (int k = 0; k < Paging.ENTRIES; k++) {
                pt[k] = f.mkPte(head + k, write, exec, dirty, young);
                refs.incMapcount(head + k);
                if (exclusive) {
                    refs.set(head + k, PageRefs.ANON_EXCLUSIVE);
                }
            }
            refs.addEntireMapcount(head, -1);
            refs.setRefcount(head, refs.refcount(head) + Paging.HPAGE_PMD_NR - 1);
        }
        pmdTable[i] = f.mkTable(tp.pfnOf(pte));
        sys.events.thpSplitPmd++;
    }

    /** split_huge_pmd() at addr if a huge PMD maps it (vma_adjust_trans_huge() on a VMA boundary). */
    void splitHugePmdAt(long addr) {
        if ((addr & ~Paging.PMD_MASK) == 0) {
            return;
        }
        int pmdT = lookup(addr, 2);
        if (pmdT < 0) {
            return;
        }
        long[] t = tp.entries(pmdT);
        int i = Paging.index(addr, 2);
        if (f.isHuge(t[i])) {
            splitHugePmd(t, i);
        }
    }

    // ---- fork ----------------------------------------------------------------------------------------

    /** copy_page_range() for one VMA from this (parent) mm into the child. */
    void copyRange(Mm child, Vma vma) {
        copyLevel(child, mm.pgd, top, 0, vma);
    }

    private void copyLevel(Mm child, int id, int level, long base, Vma vma) {
        long[] t = tp.entries(id);
        long span = Paging.entrySpan(level);
        int first = (int) ((Math.max(vma.start, base) - base) / span);
        for (int i = first; i < Paging.ENTRIES; i++) {
            long s = base + i * span;
            if (s >= vma.end) {
                break;
            }
            long e = t[i];
            if (e == 0) {
                continue;
            }
            if (level == 3) {
                copyPte(child, t, i, Math.max(s, vma.start), vma);
            } else if (level == 2 && f.isHuge(e)) {
                copyHugePmd(child, t, i, s, vma);
            } else if (f.isTable(e)) {
                copyLevel(child, tp.tableAt(f.pfn(e)), level + 1, s, vma);
            }
        }
    }

    private void copyPte(Mm child, long[] t, int i, long addr, Vma vma) {
        long e = t[i];
        int ct = child.pt.tableFor(addr, 3);
        if (ct < 0) {
            throw new VmOutOfMemory("out of memory copying page tables");
        }
        if (!f.isPresent(e)) {
            sys.swap.dup(f.swapOffset(e));
            child.rss[MM_SWAPENTS]++;
            tp.entries(ct)[Paging.index(addr, 3)] = e;
            return;
        }
        if (!f.isSpecial(e)) {
            long pfn = f.pfn(e);
            refs.get(pfn);
            refs.incMapcount(pfn);
            if (refs.test(refs.head(pfn), PageRefs.ANON)) {
                refs.clear(pfn, PageRefs.ANON_EXCLUSIVE);
            }
            child.rss[counterOf(pfn)]++;
        }
        if (VmFlags.isCowMapping(vma.flags) && f.isWrite(e)) {
            e = f.wrprotect(e);
            t[i] = e;
        }
        long ce = e;
        if ((vma.flags & VmFlags.VM_SHARED) != 0) {
            ce = f.mkClean(ce);
        }
        tp.entries(ct)[Paging.index(addr, 3)] = f.mkOld(ce);
    }

    private void copyHugePmd(Mm child, long[] t, int i, long addr, Vma vma) {
        int ct = child.pt.tableFor(addr, 2);
        if (ct < 0) {
            throw new VmOutOfMemory("out of memory copying page tables");
        }
        int deposit = tp.alloc(3, 0);
        if (deposit < 0) {
            throw new VmOutOfMemory("out of memory copying page tables");
        }
        child.accountTable(3, 1);
        child.deposit(deposit);
        long e = t[i];
        long pfn = f.pfn(e);
        if (pfn != sys.hugeZeroPfn) {
            refs.get(pfn);
            refs.addEntireMapcount(pfn, 1);
            refs.clear(pfn, PageRefs.ANON_EXCLUSIVE);
            child.rss[MM_ANONPAGES] += Paging.HPAGE_PMD_NR;
            if (f.isWrite(e)) {
                e = f.wrprotect(e);
                t[i] = e;
            }
        }
        tp.entries(ct)[Paging.index(addr, 2)] = f.mkOld(e);
    }

    // ---- mremap --------------------------------------------------------------------------------------

    /**
     * move_page_tables(): moves the entries of [oldAddr, oldAddr+len) to newAddr. Whole PTE tables move
     * when both sides are PMD aligned and the new PMD is empty (move_normal_pmd(), CONFIG_HAVE_MOVE_PMD);
     * huge PMDs move whole when aligned (move_huge_pmd()), else they are split first.
     */
    void moveRange(long oldAddr, long newAddr, long len) {
        long off = 0;
        while (off < len) {
            long o = oldAddr + off;
            long n = newAddr + off;
            long extentEnd = Math.min((o & Paging.PMD_MASK) + Paging.PMD_SIZE, oldAddr + len);
            long extent = extentEnd - o;
            int oldPmdT = lookup(o, 2);
            if (oldPmdT < 0) {
                off += extent;
                continue;
            }
            long[] opmd = tp.entries(oldPmdT);
            int oi = Paging.index(o, 2);
            long pmd = opmd[oi];
            if (pmd == 0) {
                off += extent;
                continue;
            }
            boolean aligned = extent == Paging.PMD_SIZE && (n & ~Paging.PMD_MASK) == 0;
            if (aligned) {
                int newPmdT = tableFor(n, 2);
                long[] npmd = tp.entries(newPmdT);
                int ni = Paging.index(n, 2);
                if (npmd[ni] == 0) {
                    npmd[ni] = pmd;
                    opmd[oi] = 0;
                    off += extent;
                    continue;
                }
            }
            if (f.isHuge(pmd)) {
                splitHugePmd(opmd, oi);
            }
            long[] opte = tp.entries(tp.tableAt(f.pfn(opmd[oi])));
            for (long a = o; a < extentEnd; a += Paging.PAGE_SIZE) {
                int k = Paging.index(a, 3);
                long e = opte[k];
                if (e == 0) {
                    continue;
                }
                long na = n + (a - o);
                int nt = tableFor(na, 3);
                if (nt < 0) {
                    throw new IllegalStateException("out of memory moving page tables");
                }
                tp.entries(nt)[Paging.index(na, 3)] = e;
                opte[k] = 0;
            }
            off += extent;
        }
    }

    // ---- mprotect ------------------------------------------------------------------------------------

    /**
     * change_protection() over [start, end) of a VMA whose flags just changed: removes write permission, or
     * (vma_wants_manual_pte_write_upgrade()/can_change_pte_writable()) grants it to exclusive anonymous pages
     * and to shared mappings without write notification (shmem).
     */
    void changeProtection(Vma vma, long start, long end) {
        boolean none = (vma.flags & VmFlags.VM_ACCESS_FLAGS) == 0;
        boolean write = (vma.flags & VmFlags.VM_WRITE) != 0;
        boolean exec = (vma.flags & VmFlags.VM_EXEC) != 0;
        boolean sharedUpgrade = (vma.flags & VmFlags.VM_SHARED) != 0 && vma.file != null && vma.file.shmem();
        for (long a = start; a < end; ) {
            int pmdT = lookup(a, 2);
            long next = Math.min((a & Paging.PMD_MASK) + Paging.PMD_SIZE, end);
            if (pmdT < 0) {
                a = next;
                continue;
            }
            long[] pmds = tp.entries(pmdT);
            int pi = Paging.index(a, 2);
            long pmd = pmds[pi];
            if (pmd == 0) {
                a = next;
                continue;
            }
            if (f.isHuge(pmd)) {
                if ((a & ~Paging.PMD_MASK) == 0 && next - a == Paging.PMD_SIZE) {
                    long n = reprotect(pmd, write, exec, sharedUpgrade, f.pfn(pmd) != sys.hugeZeroPfn, true);
                    pmds[pi] = none ? f.mkProtNone(n) : n;
                    a = next;
                    continue;
                }
                splitHugePmd(pmds, pi);
            }
            long[] ptes = tp.entries(tp.tableAt(f.pfn(pmds[pi])));
            for (; a < next; a += Paging.PAGE_SIZE) {
                int k = Paging.index(a, 3);
                long e = ptes[k];
                if (e != 0 && f.isPresent(e)) {
                    long n = reprotect(e, write, exec, sharedUpgrade, !f.isSpecial(e), false);
                    ptes[k] = none ? f.mkProtNone(n) : n;
                }
            }
        }
    }

    private long reprotect(long e, boolean write, boolean exec, boolean sharedUpgrade, boolean normal, boolean huge) {
        long pfn = f.pfn(e);
        long n = huge ? f.mkHugePmd(pfn, false, exec, f.isDirty(e), f.isYoung(e))
                : f.mkPte(pfn, false, exec, f.isDirty(e), f.isYoung(e));
        if (f.isSpecial(e)) {
            n = f.mkSpecial(n);
        }
        if (write && (f.isWrite(e) || sharedUpgrade
                || (normal && refs.test(pfn, PageRefs.ANON_EXCLUSIVE)))) {
            n = f.mkWrite(n);
            if (f.isDirty(e)) {
                n = f.mkDirty(n);
            }
        }
        return n;
    }
}
