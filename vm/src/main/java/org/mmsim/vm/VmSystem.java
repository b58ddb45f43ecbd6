package org.mmsim.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.mmsim.page.Gfp;
import org.mmsim.reclaim.Memory;
import org.mmsim.reclaim.OomCandidate;
import org.mmsim.reclaim.OomKiller;
import org.mmsim.reclaim.Rmap;
import org.mmsim.reclaim.SwapDevice;

/**
 * The machine-wide state the virtual memory code shares between processes: the processes themselves (the task
 * list), the page allocator, the per-pfn page state, page-table pages, the page cache, the swap device, the THP
 * settings, vm events, the shared zero page (empty_zero_page; here taken from the allocator once at start) and
 * the huge zero page (mm/huge_memory.c get_huge_zero_page(), allocated on first use and kept). Over a machine's
 * memory model ({@link #onMemory}) it is that model's {@link Rmap}: reclaim and compaction reach every mapped
 * anonymous page through its rmap walk, and the OOM killer chooses among its processes.
 */
public final class VmSystem implements Rmap {
    final Paging paging;
    final PteFormat fmt;
    final PhysPages phys;
    final PageRefs refs;
    final PageTablePages tables;
    final PageCache pageCache;
    final SwapDevice swap;
    final ThpSettings thp = new ThpSettings();
    final VmEvents events = new VmEvents();
    final long zeroPfn;
    long hugeZeroPfn = -1;
    private int nextPid = 1;
    private final List<Mm> mms = new ArrayList<>();
    private final List<Process> live = new ArrayList<>();
    private final List<Process> doomed = new ArrayList<>();

    /**
     * A system over this allocator and swap device; {@code pageCache} makes the page cache from the per-pfn page
     * state (or gives null: file pages cannot be faulted in).
     */
    public VmSystem(Paging paging, PhysPages phys, SwapDevice swap, Function<PageRefs, PageCache> pageCache) {
        this.paging = paging;
        this.fmt = paging.format();
        this.phys = phys;
        this.refs = new PageRefs(phys.maxPfn());
        this.tables = new PageTablePages(phys);
        this.pageCache = pageCache.apply(refs);
        this.swap = swap;
        this.zeroPfn = phys.allocPages(Gfp.GFP_KERNEL | Gfp.__GFP_ZERO, 0);
        if (zeroPfn < 0) {
            throw new IllegalStateException("no memory for the zero page");
        }
    }

    /**
     * A system over a {@link SimplePhysPages} of the given number of pages and a swap device of as many slots,
     * without a page cache (for the address-space mechanics alone).
     */
    public static VmSystem simple(Paging paging, int pages) {
        return new VmSystem(paging, new SimplePhysPages(pages), new SwapDevice(pages), refs -> null);
    }

    /**
     * The processes of a machine's memory model: pages, page cache and swap are the model's, this system becomes
     * its {@link Rmap} and the OOM killer's task list, and transparent_hugepage/enabled is set. Takes the zero
     * page from the allocator.
     */
    public static VmSystem onMemory(Memory mem, Paging paging, String thpEnabled) {
        VmSystem sys = new VmSystem(paging, new MemoryPhysPages(mem), mem.swap, refs -> new MemoryPageCache(mem, refs));
        sys.thp.enabled = ThpSettings.Enabled.valueOf(thpEnabled.toUpperCase(Locale.ROOT));
        mem.setRmap(sys);
        mem.setTasks(sys::oomCandidates);
        return sys;
    }

    /** A new process with an empty address space (after exec, before any mapping), with the next free pid. */
    public Process newProcess() {
        return newProcess(nextPid++, "task");
    }

    /**
     * A new process of this pid and command name (task_struct comm) with an empty address space.
     *
     * @throws VmOutOfMemory when memory for its PGD runs out
     */
    public Process newProcess(int pid, String comm) {
        Process p = new Process(pid, comm, new Mm(this));
        live.add(p);
        return p;
    }

    /** fork() of a live process with the child's pid: null when memory for its page tables runs out. */
    public Process fork(Process parent, int pid, String comm) {
        Mm child = parent.mm().dup();
        if (child == null) {
            return null;
        }
        Process p = new Process(pid, comm, child);
        live.add(p);
        return p;
    }

    /** exit(): all pages, swap entries and page tables of the process go back; it leaves the task list. */
    public void exit(Process p) {
        p.exit();
    }

    /** The process has exited: it leaves the task list. */
    void forget(Process p) {
        live.remove(p);
        doomed.remove(p);
    }

    /** The live processes, in the order they were made. */
    public List<Process> processes() {
        return live;
    }

    /** The live process of this pid, or null. */
    public Process process(int pid) {
        for (Process p : live) {
            if (p.pid() == pid) {
                return p;
            }
        }
        return null;
    }

    /** Whether the process is live and not chosen by the OOM killer. */
    public boolean isRunning(Process p) {
        return live.contains(p) && !doomed.contains(p);
    }

    /** Exits the processes the OOM killer chose (the SIGKILL taking effect, then the oom reaper). */
    public void reapDoomed() {
        while (!doomed.isEmpty()) {
            exit(doomed.get(0));
        }
    }

    /**
     * The live processes as select_bad_process() sees them: oom_badness() = RSS + swap entries + page-table pages
     * (oom_score_adj 0), with the VMAs' size and the anonymous RSS for the kill message.
     */
    List<OomCandidate> oomCandidates() {
        List<OomCandidate> out = new ArrayList<>();
        for (Process p : live) {
            Mm mm = p.mm();
            long points = OomKiller.oomBadness(mm.rss(), mm.counter(RssCounters.MM_SWAPENTS),
                    mm.pageTablePagesWithPgd() * Paging.PAGE_SIZE, 0, 0);
            long totalVm = 0;
            for (Vma v : mm.vmas()) {
                totalVm += v.pages();
            }
            out.add(new OomCandidate(p.pid(), p.comm(), points, totalVm, mm.counter(RssCounters.MM_ANONPAGES),
                    doomed.contains(p), () -> doomed.add(p)));
        }
        return out;
    }

    int register(Mm mm) {
        mms.add(mm);
        return mms.size() - 1;
    }

    void unregister(int id) {
        mms.set(id, null);
    }

    /** Every mm by number, null for the exited ones (for {@link RmapChecker}). */
    List<Mm> mmsForCheck() {
        return mms;
    }

    /**
     * Whether reclaim and compaction may take this page through rmap: an anonymous 4 KiB page, mapped, with no
     * reference beyond its mappings (not in the swap cache, not pinned), whose anon rmap record is known.
     */
    @Override
    public boolean isMigratable(long pfn) {
        return pfn >= 0 && pfn < refs.size() && refs.test(pfn, PageRefs.ANON)
                && !refs.test(pfn, PageRefs.HEAD) && !refs.test(pfn, PageRefs.TAIL) && refs.pteMapcount(pfn) >= 1
                && refs.refcount(pfn) == refs.pteMapcount(pfn) && refs.swapSlot(pfn) < 0 && refs.rmapMm(pfn) >= 0;
    }

    /** One entry mapping a page (a PTE, or the huge PMD of a THP): its table, the slot in it, the mm and address. */
    private record RmapHit(Mm mm, long[] table, int index, long addr) {
    }

    /**
     * rmap_walk_anon(): every entry that maps this page, PTEs, or for a THP's head the huge PMDs that map it whole.
     * A page keeps the linear index of its first mapping, and fork() copies VMAs with their pgoff, so each process
     * sharing it maps it where one of its anonymous VMAs puts that index; the walk looks there in every live mm.
     * Null unless it finds all of the page's mappings.
     */
    private List<RmapHit> rmapWalk(long pfn, boolean huge) {
        long index = refs.rmapIndex(pfn);
        List<RmapHit> hits = new ArrayList<>(1);
        for (Mm mm : mms) {
            if (mm == null) {
                continue;
            }
            for (int v = 0; v < mm.nrVmas; v++) {
                Vma vma = mm.vmas[v];
                if (vma.anonVma == null || index < vma.pgoff || index >= vma.pgoff + vma.pages()) {
                    continue;
                }
                long addr = vma.start + ((index - vma.pgoff) << Paging.PAGE_SHIFT);
                RmapHit hit = huge ? hugePmdAt(mm, addr, pfn) : pteAt(mm, addr, pfn);
                if (hit != null) {
                    hits.add(hit);
                }
            }
        }
        return hits.size() == (huge ? refs.entireMapcount(pfn) : refs.pteMapcount(pfn)) ? hits : null;
    }

    /** The PTE of mm at addr if it maps pfn, else null. */
    private RmapHit pteAt(Mm mm, long addr, long pfn) {
        int pmdT = mm.pt.lookup(addr, 2);
        if (pmdT < 0) {
            return null;
        }
        long pmd = tables.entries(pmdT)[Paging.index(addr, 2)];
        if (!fmt.isTable(pmd)) {
            return null;
        }
        long[] ptes = tables.entries(tables.tableAt(fmt.pfn(pmd)));
        int i = Paging.index(addr, 3);
        long e = ptes[i];
        return fmt.hwValid(e) && !fmt.isSpecial(e) && fmt.pfn(e) == pfn ? new RmapHit(mm, ptes, i, addr) : null;
    }

    /** The huge PMD of mm at a PMD-aligned addr if it maps the THP at head, else null. */
    private RmapHit hugePmdAt(Mm mm, long addr, long head) {
        int pmdT = (addr & ~Paging.PMD_MASK) == 0 ? mm.pt.lookup(addr, 2) : -1;
        if (pmdT < 0) {
            return null;
        }
        long[] pmds = tables.entries(pmdT);
        int i = Paging.index(addr, 2);
        return fmt.isHuge(pmds[i]) && fmt.pfn(pmds[i]) == head ? new RmapHit(mm, pmds, i, addr) : null;
    }

    /** Whether any of the entries was young (accessed), clearing them all (ptep/pmdp_clear_flush_young). */
    private boolean clearYoung(List<RmapHit> hits) {
        boolean young = false;
        for (RmapHit hit : hits) {
            long e = hit.table()[hit.index()];
            if (fmt.isYoung(e)) {
                young = true;
                hit.table()[hit.index()] = fmt.mkOld(e);
            }
        }
        return young;
    }

    /** The mappings of a page reclaim and compaction may take, or null when it may not be taken. */
    private List<RmapHit> walkable(long pfn) {
        return isMigratable(pfn) ? rmapWalk(pfn, false) : null;
    }

    /**
     * migrate_pages() of such a page to {@code dst} (a free page the caller took): try_to_migrate() and
     * remove_migration_ptes() point every PTE at the copy with the same permission and state bits, and the
     * struct page state moves over. The caller frees {@code src}. False, with nothing changed, when the page is
     * not migratable or rmap does not find all its mappings.
     */
    @Override
    public boolean migrate(long src, long dst) {
        List<RmapHit> hits = walkable(src);
        if (hits == null) {
            return false;
        }
        for (RmapHit hit : hits) {
            long e = hit.table()[hit.index()];
            hit.table()[hit.index()] = fmt.mkPte(dst, fmt.isWrite(e), fmt.isExec(e), fmt.isDirty(e), fmt.isYoung(e));
        }
        refs.moveTo(src, dst);
        events.pgmigrateSuccess++;
        return true;
    }

    /**
     * folio_referenced() for reclaim: whether any mapping's accessed bit was set, clearing them all
     * (ptep_clear_flush_young). A page rmap cannot walk (in the swap cache, pinned) counts as referenced, so
     * reclaim keeps it.
     */
    @Override
    public boolean folioReferenced(long pfn) {
        List<RmapHit> hits = refs.test(pfn, PageRefs.HEAD) ? hugeWalkable(pfn) : walkable(pfn);
        return hits == null || clearYoung(hits);
    }

    /**
     * The huge PMDs of an anonymous THP that only they map (none of its subpages mapped by a pte, no reference
     * beyond the mappings), or null when reclaim may not take it.
     */
    private List<RmapHit> hugeWalkable(long head) {
        int mapped = refs.entireMapcount(head);
        if (!refs.test(head, PageRefs.ANON) || refs.rmapMm(head) < 0 || mapped < 1 || refs.refcount(head) != mapped) {
            return null;
        }
        for (long p = head; p < head + Paging.HPAGE_PMD_NR; p++) {
            if (refs.pteMapcount(p) != 0) {
                return null;
            }
        }
        return rmapWalk(head, true);
    }

    /**
     * add_to_swap() + try_to_unmap(TTU_SPLIT_HUGE_PMD) of a THP one huge PMD maps (CONFIG_THP_SWAP): the folio
     * takes 512 swap slots and is written whole (thp_swpout), the PMD is split onto its deposited page table and
     * each pte becomes a swap entry, and the folio is freed with its last mapping. Differs: the slots are any free
     * ones, where 6.1 takes one aligned cluster and else splits the folio (thp_swpout_fallback); a THP that
     * several mms map after fork is kept.
     */
    private boolean hugeSwapOut(long head) {
        List<RmapHit> hits = hugeWalkable(head);
        if (hits == null || hits.size() != 1 || swap.freePages() < Paging.HPAGE_PMD_NR) {
            return false;
        }
        RmapHit hit = hits.get(0);
        long[] slots = new long[Paging.HPAGE_PMD_NR];
        for (int k = 0; k < slots.length; k++) {
            slots[k] = swap.allocSlot();
        }
        Mm mm = hit.mm();
        mm.pt.splitHugePmd(hit.table(), hit.index());
        long[] ptes = tables.entries(mm.pt.lookup(hit.addr(), 3));
        for (int k = 0; k < slots.length; k++) {
            swap.dup(slots[k]);
            ptes[k] = fmt.mkSwap(0, slots[k]);
            mm.rss[RssCounters.MM_SWAPENTS]++;
            mm.pt.unmapPage(head + k);
        }
        events.pswpout += Paging.HPAGE_PMD_NR;
        events.thpSwpout++;
        return true;
    }

    /**
     * shrink_folio_list()'s add_to_swap() + try_to_unmap() of such a page: each PTE becomes a swap entry, and
     * with the last one the page leaves the swap cache and is freed through {@link PhysPages#freePages}. False
     * when rmap cannot take it or swap is full.
     */
    @Override
    public boolean swapOut(long pfn) {
        if (refs.test(pfn, PageRefs.HEAD)) {
            return hugeSwapOut(pfn);
        }
        List<RmapHit> hits = walkable(pfn);
        if (hits == null) {
            return false;
        }
        for (RmapHit hit : hits) {
            if (!hit.mm().swapOut(hit.addr())) {
                return false;
            }
        }
        return true;
    }

    int allocPid() {
        return nextPid++;
    }

    /** mm_get_huge_zero_page(): the huge zero page, allocated on first use; -1 if that fails. */
    long hugeZeroPage() {
        if (hugeZeroPfn < 0) {
            long pfn = phys.allocPages((Gfp.GFP_TRANSHUGE | Gfp.__GFP_ZERO) & ~Gfp.__GFP_MOVABLE,
                    Paging.HPAGE_PMD_ORDER);
            if (pfn < 0) {
                return -1;
            }
            refs.prepCompound(pfn);
            hugeZeroPfn = pfn;
            events.thpZeroPageAlloc++;
        }
        return hugeZeroPfn;
    }

    public Paging paging() {
        return paging;
    }

    public PhysPages phys() {
        return phys;
    }

    public PageRefs refs() {
        return refs;
    }

    public PageTablePages tables() {
        return tables;
    }

    public PageCache pageCache() {
        return pageCache;
    }

    public SwapDevice swap() {
        return swap;
    }

    public ThpSettings thp() {
        return thp;
    }

    public VmEvents events() {
        return events;
    }

    /** The pfn of the shared zero page (my_zero_pfn()). */
    public long zeroPfn() {
        return zeroPfn;
    }

    /** The pfn of the huge zero page, or -1 if never used. */
    public long hugeZeroPfn() {
        return hugeZeroPfn;
    }
}
