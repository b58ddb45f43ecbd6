package org.mmsim.vm;

import org.mmsim.page.Gfp;

import static org.mmsim.vm.RssCounters.MM_ANONPAGES;
import static org.mmsim.vm.RssCounters.MM_SWAPENTS;

/**
 * The page-fault path of mm/memory.c (6.1): handle_mm_fault() / __handle_mm_fault() / handle_pte_fault()
 * with do_anonymous_page() (zero page on read, a zeroed GFP_HIGHUSER_MOVABLE page on write), do_fault()
 * (do_read_fault(), do_cow_fault(), do_shared_fault()), do_wp_page() (wp_page_reuse(), wp_page_copy(),
 * wp_page_shared()), do_swap_page(); and the THP faults of mm/huge_memory.c do_huge_pmd_anonymous_page()
 * (order 9 with vma_thp_gfp_mask(), fallback to base pages, the huge zero page on read) and
 * do_huge_pmd_wp_page() (reuse if exclusive, else split and copy one 4 KiB page).
 */
final class Fault {
    static final int OK = 0;
    static final int SIGSEGV = 1;
    static final int OOM = 2;

    private final Mm mm;
    private final VmSystem sys;
    private final PteFormat f;
    private final PageTablePages tp;
    private final PageRefs refs;
    private final PageTableOps pt;
    /** The address of the fault being handled (what page->index of a new anonymous page is computed from). */
    private long faultAddr;

    Fault(Mm mm) {
        this.mm = mm;
        this.sys = mm.sys;
        this.f = sys.fmt;
        this.tp = sys.tables;
        this.refs = sys.refs;
        this.pt = mm.pt;
    }

    int handle(long addr, boolean write) {
        faultAddr = addr;
        Vma vma = mm.findVma(addr);
        if (vma == null || vma.start > addr) {
            return SIGSEGV;
        }
        if (write ? (vma.flags & VmFlags.VM_WRITE) == 0 : (vma.flags & VmFlags.VM_ACCESS_FLAGS) == 0) {
            return SIGSEGV;
        }
        sys.events.pgfault++;
        int pmdT = pt.tableFor(addr, 2);
        if (pmdT < 0) {
            return OOM;
        }
        long[] pmds = tp.entries(pmdT);
        int pi = Paging.index(addr, 2);
        long pmd = pmds[pi];
        if (pmd == 0 && thpFaultAllowed(vma)) {
            int r = hugeAnonymousFault(vma, pmds, pi, addr, write);
            if (r >= 0) {
                return r;
            }
            pmd = pmds[pi];
        } else if (f.isHuge(pmd)) {
            if (write && !f.isWrite(pmd)) {
                if (hugeWpFault(vma, pmds, pi)) {
                    return OK;
                }
                pmd = pmds[pi];
            } else {
                pmds[pi] = write ? f.mkDirty(f.mkYoung(pmd)) : f.mkYoung(pmd);
                return OK;
            }
        }
        int pteT;
        if (pmd == 0) {
            pteT = tp.alloc(3, 0);
            if (pteT < 0) {
                return OOM;
            }
            mm.accountTable(3, 1);
            pmds[pi] = f.mkTable(tp.pfnOf(pteT));
        } else {
            pteT = tp.tableAt(f.pfn(pmd));
        }
        long[] ptes = tp.entries(pteT);
        int i = Paging.index(addr, 3);
        long e = ptes[i];
        if (e == 0) {
            return vma.file == null ? anonymousFault(vma, ptes, i, write) : fileFault(vma, ptes, i, addr, write);
        }
        if (!f.isPresent(e)) {
            return swapFault(vma, ptes, i, write);
        }
        if (write && !f.isWrite(e)) {
            return wpFault(vma, ptes, i);
        }
        ptes[i] = write ? f.mkDirty(f.mkYoung(e)) : f.mkYoung(e);
        return OK;
    }

    private static boolean exec(Vma vma) {
        return (vma.flags & VmFlags.VM_EXEC) != 0;
    }

    /** anon_vma_prepare() with find_mergeable_anon_vma(): reuse a compatible neighbour's anon_vma. */
    void anonVmaPrepare(Vma vma) {
        if (vma.anonVma != null) {
            return;
        }
        int idx = mm.indexOf(vma);
        Vma next = idx + 1 < mm.nrVmas ? mm.vmas[idx + 1] : null;
        Vma prev = idx > 0 ? mm.vmas[idx - 1] : null;
        AnonVma reuse = null;
        if (next != null && anonVmaCompatible(vma, next) && next.anonVma != null && next.anonVmaChain == 1) {
            reuse = next.anonVma;
        } else if (prev != null && anonVmaCompatible(prev, vma) && prev.anonVma != null && prev.anonVmaChain == 1) {
            reuse = prev.anonVma;
        }
        vma.anonVma = reuse != null ? reuse : new AnonVma();
        vma.anonVmaChain = 1;
    }

    /** anon_vma_compatible(): adjacent, same file, flags differing only in access bits, contiguous pgoff. */
    private static boolean anonVmaCompatible(Vma a, Vma b) {
        return a.end == b.start && a.file == b.file
                && ((a.flags ^ b.flags) & ~(VmFlags.VM_ACCESS_FLAGS | VmFlags.VM_SOFTDIRTY)) == 0
                && b.pgoff == a.pgoff + ((b.start - a.start) >>> Paging.PAGE_SHIFT);
    }

    private long newAnonPage(int gfp, Vma vma) {
        long pfn = sys.phys.allocPages(gfp, 0);
        if (pfn < 0) {
            return -1;
        }
        anonVmaPrepare(vma);
        refs.setRefcount(pfn, 1);
        refs.incMapcount(pfn);
        refs.set(pfn, (byte) (PageRefs.ANON | PageRefs.ANON_EXCLUSIVE | PageRefs.SWAPBACKED));
        refs.setRmap(pfn, mm.id, vma.linearPageIndex(faultAddr));
        mm.rss[MM_ANONPAGES]++;
        sys.phys.anonPageAdded(pfn, 0, (vma.flags & VmFlags.VM_LOCKED) != 0);
        return pfn;
    }

    /** do_anonymous_page(). */
    private int anonymousFault(Vma vma, long[] ptes, int i, boolean write) {
        if (!write) {
            ptes[i] = f.mkSpecial(f.mkPte(sys.zeroPfn, false, exec(vma), false, true));
            return OK;
        }
        long pfn = newAnonPage(Gfp.GFP_HIGHUSER_MOVABLE | Gfp.__GFP_ZERO, vma);
        if (pfn < 0) {
            return OOM;
        }
        ptes[i] = f.mkPte(pfn, true, exec(vma), true, true);
        return OK;
    }

    /** do_read_fault() / do_cow_fault() / do_shared_fault(). */
    private int fileFault(Vma vma, long[] ptes, int i, long addr, boolean write) {
        long index = vma.linearPageIndex(addr);
        if (sys.pageCache == null || index >= vma.file.sizePages()) {
            return SIGSEGV;
        }
        long page = sys.pageCache.findOrRead(vma.file, index);
        if (page < 0) {
            return OOM;
        }
        boolean shared = (vma.flags & VmFlags.VM_SHARED) != 0;
        if (write && !shared) {
            long pfn = newAnonPage(Gfp.GFP_HIGHUSER_MOVABLE, vma);
            if (pfn < 0) {
                return OOM;
            }
            ptes[i] = f.mkPte(pfn, true, exec(vma), true, true);
            return OK;
        }
        refs.get(page);
        refs.incMapcount(page);
        mm.rss[pt.counterOf(page)]++;
        if (write) {
            refs.set(page, PageRefs.DIRTY);
            ptes[i] = f.mkPte(page, true, exec(vma), true, true);
        } else {
            boolean writable = shared && vma.file.shmem() && (vma.flags & VmFlags.VM_WRITE) != 0;
            ptes[i] = f.mkPte(page, writable, exec(vma), false, true);
        }
        return OK;
    }

    /** do_wp_page(): a write to a present, write-protected PTE. */
    private int wpFault(Vma vma, long[] ptes, int i) {
        long e = ptes[i];
        if (f.isSpecial(e)) {
            return wpPageCopy(vma, ptes, i, true);
        }
        long pfn = f.pfn(e);
        if ((vma.flags & (VmFlags.VM_SHARED | VmFlags.VM_MAYSHARE)) != 0) {
            refs.set(refs.head(pfn), PageRefs.DIRTY);
            ptes[i] = f.mkWrite(f.mkDirty(f.mkYoung(e)));
            return OK;
        }
        if (refs.test(refs.head(pfn), PageRefs.ANON)) {
            if (refs.test(pfn, PageRefs.ANON_EXCLUSIVE)) {
                ptes[i] = f.mkWrite(f.mkDirty(f.mkYoung(e)));
                return OK;
            }
            if (refs.refcount(pfn) == 1) {
                refs.set(pfn, PageRefs.ANON_EXCLUSIVE);
                refs.setRmap(pfn, mm.id, vma.linearPageIndex(faultAddr));
                ptes[i] = f.mkWrite(f.mkDirty(f.mkYoung(e)));
                return OK;
            }
        }
        return wpPageCopy(vma, ptes, i, false);
    }

    /** wp_page_copy(): a private copy of the old page (or a zeroed page for the zero page). */
    private int wpPageCopy(Vma vma, long[] ptes, int i, boolean zero) {
        long old = ptes[i];
        long pfn = newAnonPage(Gfp.GFP_HIGHUSER_MOVABLE | (zero ? Gfp.__GFP_ZERO : 0), vma);
        if (pfn < 0) {
            return OOM;
        }
        ptes[i] = f.mkPte(pfn, true, exec(vma), true, true);
        if (!zero) {
            pt.unmapPage(f.pfn(old));
        }
        sys.events.cowCopies++;
        return OK;
    }

    /** do_swap_page(). */
    private int swapFault(Vma vma, long[] ptes, int i, boolean write) {
        long e = ptes[i];
        long slot = f.swapOffset(e);
        long pfn = sys.swap.cachePfn(slot);
        boolean cached = pfn >= 0;
        if (!cached) {
            pfn = sys.phys.allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
            if (pfn < 0) {
                return OOM;
            }
            refs.setRefcount(pfn, 0);
            refs.set(pfn, (byte) (PageRefs.ANON | PageRefs.SWAPBACKED));
            sys.events.pswpin++;
            sys.phys.anonPageAdded(pfn, 0, (vma.flags & VmFlags.VM_LOCKED) != 0);
        }
        refs.get(pfn);
        refs.incMapcount(pfn);
        mm.rss[MM_SWAPENTS]--;
        mm.rss[MM_ANONPAGES]++;
        int remaining = sys.swap.free(slot);
        if (remaining == 0) {
            if (cached) {
                sys.swap.setCachePfn(slot, -1);
                refs.setSwapSlot(pfn, -1);
                refs.put(pfn);
            }
            sys.swap.release(slot);
        } else if (!cached) {
            sys.swap.setCachePfn(slot, pfn);
            refs.setSwapSlot(pfn, slot);
            refs.get(pfn);
        }
        boolean exclusive = remaining == 0 && refs.mapcount(pfn) == 1;
        if (exclusive) {
            refs.set(pfn, PageRefs.ANON_EXCLUSIVE);
            refs.setRmap(pfn, mm.id, vma.linearPageIndex(faultAddr));
        } else {
            refs.clear(pfn, PageRefs.ANON_EXCLUSIVE);
        }
        boolean writable = write && exclusive;
        ptes[i] = f.mkPte(pfn, writable, exec(vma), writable, true);
        if (write && !exclusive) {
            return wpFault(vma, ptes, i);
        }
        return OK;
    }

    /** hugepage_vma_check(vma, flags, smaps=false, in_pf=true, enforce_sysfs=true) for anonymous VMAs. */
    private boolean thpFaultAllowed(Vma vma) {
        return vma.file == null
                && (vma.flags & (VmFlags.VM_NOHUGEPAGE | VmFlags.VM_NO_KHUGEPAGED)) == 0
                && sys.thp.allows(vma.flags);
    }

    /** do_huge_pmd_anonymous_page(); returns -1 for VM_FAULT_FALLBACK. */
    private int hugeAnonymousFault(Vma vma, long[] pmds, int pi, long addr, boolean write) {
        long haddr = addr & Paging.PMD_MASK;
        if (haddr < vma.start || haddr + Paging.PMD_SIZE > vma.end) {
            return -1;
        }
        anonVmaPrepare(vma);
        if (!write && sys.thp.useZeroPage) {
            int pgtable = tp.alloc(3, 0);
            if (pgtable < 0) {
                return OOM;
            }
            long zero = sys.hugeZeroPage();
            if (zero < 0) {
                tp.free(pgtable, 3, 0);
                sys.events.thpFaultFallback++;
                return -1;
            }
            mm.accountTable(3, 1);
            mm.deposit(pgtable);
            pmds[pi] = f.mkHugePmd(zero, false, exec(vma), false, true);
            return OK;
        }
        int gfp = sys.thp.gfpMask((vma.flags & VmFlags.VM_HUGEPAGE) != 0);
        long pfn = sys.phys.allocPages(gfp, Paging.HPAGE_PMD_ORDER);
        if (pfn < 0) {
            sys.events.thpFaultFallback++;
            return -1;
        }
        int pgtable = tp.alloc(3, 0);
        if (pgtable < 0) {
            sys.phys.freePages(pfn, Paging.HPAGE_PMD_ORDER);
            sys.events.thpFaultFallback++;
            return OOM;
        }
        mm.accountTable(3, 1);
        mm.deposit(pgtable);
        refs.prepCompound(pfn);
        refs.setRefcount(pfn, 1);
        refs.addEntireMapcount(pfn, 1);
        refs.set(pfn, (byte) (PageRefs.ANON | PageRefs.ANON_EXCLUSIVE | PageRefs.SWAPBACKED));
        refs.setRmap(pfn, mm.id, vma.linearPageIndex(addr & Paging.PMD_MASK));
        mm.rss[MM_ANONPAGES] += Paging.HPAGE_PMD_NR;
        sys.phys.anonPageAdded(pfn, Paging.HPAGE_PMD_ORDER, (vma.flags & VmFlags.VM_LOCKED) != 0);
        pmds[pi] = f.mkHugePmd(pfn, (vma.flags & VmFlags.VM_WRITE) != 0, exec(vma), true, true);
        sys.events.thpFaultAlloc++;
        return OK;
    }

    /** do_huge_pmd_wp_page(); returns false after splitting (fall back to the PTE path). */
    private boolean hugeWpFault(Vma vma, long[] pmds, int pi) {
        long e = pmds[pi];
        long head = f.pfn(e);
        if (head != sys.hugeZeroPfn && refs.test(head, PageRefs.ANON)) {
            if (refs.test(head, PageRefs.ANON_EXCLUSIVE) || refs.refcount(head) == 1) {
                refs.set(head, PageRefs.ANON_EXCLUSIVE);
                pmds[pi] = f.mkWrite(f.mkDirty(f.mkYoung(e)));
                return true;
            }
        }
        pt.splitHugePmd(pmds, pi);
        return false;
    }
}
