package org.mmsim.vm;

import static org.mmsim.vm.Mman.EACCES;
import static org.mmsim.vm.Mman.EEXIST;
import static org.mmsim.vm.Mman.EFAULT;
import static org.mmsim.vm.Mman.EINVAL;
import static org.mmsim.vm.Mman.ENOMEM;
import static org.mmsim.vm.Paging.PAGE_SIZE;
import static org.mmsim.vm.VmFlags.VM_ACCOUNT;
import static org.mmsim.vm.VmFlags.VM_GROWSDOWN;
import static org.mmsim.vm.VmFlags.VM_HUGEPAGE;
import static org.mmsim.vm.VmFlags.VM_HUGETLB;
import static org.mmsim.vm.VmFlags.VM_MAYEXEC;
import static org.mmsim.vm.VmFlags.VM_MAYREAD;
import static org.mmsim.vm.VmFlags.VM_MAYSHARE;
import static org.mmsim.vm.VmFlags.VM_MAYWRITE;
import static org.mmsim.vm.VmFlags.VM_NOHUGEPAGE;
import static org.mmsim.vm.VmFlags.VM_NORESERVE;
import static org.mmsim.vm.VmFlags.VM_SHARED;
import static org.mmsim.vm.VmFlags.VM_SPECIAL;
import static org.mmsim.vm.VmFlags.VM_WRITE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An address space, struct mm_struct of 6.1: the VMAs (a sorted array instead of the maple tree), the page
 * tables rooted at the PGD, the RSS counters and the brk and mmap_base layout, with the system calls that
 * change them: do_mmap()/mmap_region(), do_munmap() (do_mas_align_munmap()), do_mprotect_pkey() with
 * mprotect_fixup(), mremap() with vma_to_resize()/move_vma()/copy_vma(), brk() with do_brk_flags(),
 * do_madvise() for MADV_DONTNEED/HUGEPAGE/NOHUGEPAGE, dup_mmap() for fork, and the merge and split rules
 * of mm/mmap.c (vma_merge(), is_mergeable_vma(), is_mergeable_anon_vma(), can_vma_merge_before/after(),
 * vma_expand(), __split_vma()). Addresses and lengths are bytes; errors are negative errno values.
 */
public final class Mm {
    /** stack_guard_gap: 256 pages. */
    public static final long STACK_GUARD_GAP = 256 * PAGE_SIZE;
    /** The default RLIMIT_STACK, 8 MiB. */
    public static final long RLIMIT_STACK = 8L << 20;
    private static final long SIZE_128M = 128L << 20;
    /**
     * The size of the model's PIE executable image (text, data and bss, 5 pages): the initial program break is
     * its end, ELF_ET_DYN_BASE plus this, as load_elf_binary() leaves it without brk randomisation.
     */
    static final long EXECUTABLE_SIZE = 5 * PAGE_SIZE;

    final VmSystem sys;
    /** This mm's number in {@link VmSystem}, which rmap records in the pages it maps. */
    final int id;
    final PteFormat f;
    final PageTableOps pt;
    final Fault fault;
    final int pgd;
    final int pgdOrder;
    Vma[] vmas = new Vma[16];
    int nrVmas;
    final long[] rss = new long[RssCounters.NR_MM_COUNTERS];
    long nrPtes;
    long nrPmds;
    long nrPuds;
    private int[] deposits = new int[8];
    private int nrDeposits;
    long mmapBase;
    long startBrk;
    long brk;
    private int lastVma;

    Mm(VmSystem sys) {
        this.sys = sys;
        this.id = sys.register(this);
        this.f = sys.fmt;
        this.pgdOrder = sys.paging.pgdOrder();
        this.pgd = sys.tables.alloc(sys.paging.topLevel(), pgdOrder);
        if (pgd < 0) {
            throw new VmOutOfMemory("out of memory for a PGD");
        }
        this.pt = new PageTableOps(this);
        this.fault = new Fault(this);
        if (!pt.preallocatePmds()) {
            sys.tables.free(pgd, sys.paging.topLevel(), pgdOrder);
            sys.unregister(id);
            throw new VmOutOfMemory("out of memory for the preallocated PMDs");
        }
        this.mmapBase = mmapBase(sys.paging.taskSize(), RLIMIT_STACK);
        this.startBrk = sys.paging.elfEtDynBase() + EXECUTABLE_SIZE;
        this.brk = startBrk;
    }

    /** mmap_base() of arch/x86/mm/mmap.c (and mm/util.c for arm64) without randomisation. */
    static long mmapBase(long taskSize, long rlimitStack) {
        long gap = rlimitStack + STACK_GUARD_GAP;
        long gapMax = taskSize / 6 * 5;
        gap = Math.max(SIZE_128M, Math.min(gap, gapMax));
        return (taskSize - gap + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    }

    // ---- accounting ----------------------------------------------------------------------------------

    void accountTable(int level, int delta) {
        if (level == 3) {
            nrPtes += delta;
        } else if (level == 2) {
            nrPmds += delta;
        } else if (level == 1) {
            nrPuds += delta;
        }
    }

    /** pgtable_trans_huge_deposit(). */
    void deposit(int table) {
        if (nrDeposits == deposits.length) {
            deposits = Arrays.copyOf(deposits, nrDeposits * 2);
        }
        deposits[nrDeposits++] = table;
    }

    /** PTE tables deposited for huge PMDs (counted in nrPtes, in no table). */
    int nrDeposits() {
        return nrDeposits;
    }

    /** pgtable_trans_huge_withdraw(). */
    int withdrawDeposit() {
        return deposits[--nrDeposits];
    }

    /** get_mm_counter(). */
    public long counter(int member) {
        return rss[member];
    }

    /** get_mm_rss(): file + anon + shmem pages mapped, in pages. */
    public long rss() {
        return rss[RssCounters.MM_FILEPAGES] + rss[RssCounters.MM_ANONPAGES] + rss[RssCounters.MM_SHMEMPAGES];
    }

    /** mm_pgtables_bytes() / PAGE_SIZE: PTE, PMD and PUD tables of this mm (VmPTE), deposited ones included. */
    public long pgtablesPages() {
        return nrPtes + nrPmds + nrPuds;
    }

    /** Physical pages of this mm's page tables including the PGD (2 pages on x86_64 with PTI, none on PAE). */
    public long pageTablePagesWithPgd() {
        return pgtablesPages() + sys.paging.pgdPages();
    }

    public long nrPtes() {
        return nrPtes;
    }

    public long nrPmds() {
        return nrPmds;
    }

    public long nrPuds() {
        return nrPuds;
    }

    public long mmapBase() {
        return mmapBase;
    }

    public long startBrk() {
        return startBrk;
    }

    public long brkValue() {
        return brk;
    }

    /** Sets start_brk and brk, as the ELF loader does. */
    public void setStartBrk(long startBrk) {
        this.startBrk = startBrk;
        this.brk = startBrk;
    }

    public VmSystem system() {
        return sys;
    }

    public Paging paging() {
        return sys.paging;
    }

    int pgdTable() {
        return pgd;
    }

    // ---- VMA array -----------------------------------------------------------------------------------

    /** The VMAs in address order (a copy of the list). */
    public List<Vma> vmas() {
        return new ArrayList<>(Arrays.asList(vmas).subList(0, nrVmas));
    }

    public int mapCount() {
        return nrVmas;
    }

    /** find_vma(): the first VMA with end > addr, or null. */
    public Vma findVma(long addr) {
        int c = lastVma;
        if (c < nrVmas) {
            Vma v = vmas[c];
            if (v.start <= addr && addr < v.end) {
                return v;
            }
        }
        int i = firstEndAbove(addr);
        if (i < nrVmas) {
            lastVma = i;
            return vmas[i];
        }
        return null;
    }

    /** vma_lookup(): the VMA containing addr, or null. */
    public Vma vmaLookup(long addr) {
        Vma v = findVma(addr);
        return v != null && v.start <= addr ? v : null;
    }

    private int firstEndAbove(long addr) {
        int lo = 0;
        int hi = nrVmas;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (vmas[mid].end > addr) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    int indexOf(Vma v) {
        int i = firstEndAbove(v.start);
        if (i < nrVmas && vmas[i] == v) {
            return i;
        }
        throw new IllegalStateException("vma not linked: " + v);
    }

    Vma prevOf(Vma v) {
        int i = indexOf(v);
        return i > 0 ? vmas[i - 1] : null;
    }

    Vma nextOf(Vma v) {
        int i = indexOf(v);
        return i + 1 < nrVmas ? vmas[i + 1] : null;
    }

    /** The last VMA that ends at or below addr (find_vma_prev()'s prev for an unmapped addr). */
    Vma prevForAddr(long addr) {
        int i = firstEndAbove(addr);
        return i > 0 ? vmas[i - 1] : null;
    }

    void link(Vma v) {
        if (nrVmas == vmas.length) {
            vmas = Arrays.copyOf(vmas, nrVmas * 2);
        }
        int i = firstEndAbove(v.start);
        System.arraycopy(vmas, i, vmas, i + 1, nrVmas - i);
        vmas[i] = v;
        nrVmas++;
        lastVma = 0;
    }

    void unlink(Vma v) {
        int i = indexOf(v);
        System.arraycopy(vmas, i + 1, vmas, i, nrVmas - i - 1);
        vmas[--nrVmas] = null;
        lastVma = 0;
    }

    /**
     * Inserts a VMA as the kernel's userland VMA tests do (alloc_and_link_vma()): no page tables touched, no
     * merging. For tests and scenario set-up.
     */
    public Vma linkVma(long start, long end, long pgoff, long flags, VmFile file) {
        if (findVmaIntersection(start, end) != null) {
            throw new IllegalArgumentException("overlaps an existing VMA");
        }
        Vma v = new Vma(start, end, flags, pgoff, file);
        link(v);
        return v;
    }

    /** find_vma_intersection(). */
    public Vma findVmaIntersection(long start, long end) {
        Vma v = findVma(start);
        return v != null && v.start < end ? v : null;
    }

    // ---- merge rules ---------------------------------------------------------------------------------

    /** is_mergeable_vma(): flags equal apart from VM_SOFTDIRTY, same file, no vm_ops->close. */
    static boolean isMergeableVma(Vma vma, VmFile file, long flags) {
        return ((vma.flags ^ flags) & ~VmFlags.VM_SOFTDIRTY) == 0 && vma.file == file && !vma.closeOp;
    }

    /**
     * is_mergeable_anon_vma() of 6.1: if either anon_vma is null, only when vma is null or its
     * anon_vma_chain is singular (so a VMA without any anon_vma, whose chain is empty, cannot absorb one
     * that has an anon_vma); otherwise both must be the same.
     */
    static boolean isMergeableAnonVma(AnonVma a1, AnonVma a2, Vma vma) {
        if ((a1 == null || a2 == null) && (vma == null || vma.anonVmaChain == 1)) {
            return true;
        }
        return a1 == a2;
    }

    /** can_vma_merge_before(): [.., next.start) with pgoff ending where next's begins. */
    static boolean canVmaMergeBefore(Vma vma, long flags, AnonVma anonVma, VmFile file, long pgoff) {
        return isMergeableVma(vma, file, flags) && isMergeableAnonVma(anonVma, vma.anonVma, vma) && vma.pgoff == pgoff;
    }

    /** can_vma_merge_after(): [prev.end, ..) continuing prev's pgoff. */
    static boolean canVmaMergeAfter(Vma vma, long flags, AnonVma anonVma, VmFile file, long pgoff) {
        return isMergeableVma(vma, file, flags) && isMergeableAnonVma(anonVma, vma.anonVma, vma)
                && vma.pgoff + vma.pages() == pgoff;
    }

    /**
     * vma_merge() of 6.1 (cases 1-8 of its comment): merges [addr, end), which is either unmapped or lies
     * inside prev (case 4) or at the start of / over the VMA after prev (cases 5-8), with prev and/or the
     * next VMA. Returns the resulting VMA or null when nothing merges.
     */
    public Vma vmaMerge(Vma prev, long addr, long end, long flags, AnonVma anonVma, VmFile file, long pgoff) {
        long pglen = (end - addr) >>> Paging.PAGE_SHIFT;
        if ((flags & VM_SPECIAL) != 0) {
            return null;
        }
        Vma next = prev != null ? nextOf(prev) : (nrVmas > 0 ? vmas[0] : null);
        Vma mid = next;
        if (next != null && next.end == end) {
            next = nextOf(next);
        }
        boolean mergePrev = prev != null && prev.end == addr && canVmaMergeAfter(prev, flags, anonVma, file, pgoff);
        boolean mergeNext = next != null && end == next.start
                && canVmaMergeBefore(next, flags, anonVma, file, pgoff + pglen);
        if (mergePrev && mergeNext && isMergeableAnonVma(prev.anonVma, next.anonVma, null)) {
            // cases 1, 6: prev absorbs (mid and) next
            adoptAnonVma(prev, mid != next && mid != null && mid.start < end ? mid : null, next);
            if (mid != null && mid != next && mid.start < end) {
                removeVma(mid);
            }
            long newEnd = next.end;
            removeVma(next);
            prev.end = newEnd;
            return prev;
        }
        if (mergePrev) {
            // cases 2, 5, 7
            if (mid != null && mid.start < end) {
                adoptAnonVma(prev, mid, null);
                if (mid.end == end) {
                    removeVma(mid);
                } else {
                    pt.splitHugePmdAt(end);
                    mid.pgoff += (end - mid.start) >>> Paging.PAGE_SHIFT;
                    mid.start = end;
                }
            }
            pt.splitHugePmdAt(end);
            prev.end = end;
            return prev;
        }
        if (mergeNext) {
            if (prev != null && addr < prev.end) {
                // case 4: the tail of prev moves into next
                adoptAnonVma(next, prev, null);
                pt.splitHugePmdAt(addr);
                prev.end = addr;
            } else {
                // cases 3, 8
                if (mid != next && mid != null && mid.start < end) {
                    adoptAnonVma(next, mid, null);
                    removeVma(mid);
                }
                pt.splitHugePmdAt(addr);
            }
            next.start = addr;
            next.pgoff -= pglen;
            return next;
        }
        return null;
    }

    /** The importer takes an exporter's anon_vma (anon_vma_clone()) when it has none. */
    private static void adoptAnonVma(Vma importer, Vma a, Vma b) {
        if (importer.anonVma != null) {
            return;
        }
        Vma from = a != null && a.anonVma != null ? a : (b != null && b.anonVma != null ? b : null);
        if (from != null) {
            importer.anonVma = from.anonVma;
            importer.anonVmaChain = from.anonVmaChain;
        }
    }

    private void removeVma(Vma v) {
        unlink(v);
    }

    /** __split_vma(): splits vma at addr; the new VMA is the lower part if newBelow, else the upper. */
    public Vma splitVma(Vma vma, long addr, boolean newBelow) {
        if (addr <= vma.start || addr >= vma.end || (addr & (PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("bad split address " + Long.toHexString(addr));
        }
        pt.splitHugePmdAt(addr);
        Vma n = vma.dup();
        if (newBelow) {
            n.end = addr;
            vma.pgoff += (addr - vma.start) >>> Paging.PAGE_SHIFT;
            vma.start = addr;
        } else {
            n.start = addr;
            n.pgoff += (addr - vma.start) >>> Paging.PAGE_SHIFT;
            vma.end = addr;
        }
        link(n);
        return n;
    }

    // ---- get_unmapped_area -------------------------------------------------------------------------

    private static long vmStartGap(Vma v) {
        if ((v.flags & VM_GROWSDOWN) != 0) {
            long s = v.start - STACK_GUARD_GAP;
            return s > v.start ? 0 : s;
        }
        return v.start;
    }

    /**
     * arch_get_unmapped_area_topdown() of 6.1: a hint is used if it fits; otherwise vm_unmapped_area() top
     * down from mmap_base to PAGE_SIZE, then bottom-up from TASK_UNMAPPED_BASE as fallback.
     */
    public long getUnmappedArea(long hint, long len, int flags) {
        long taskSize = sys.paging.taskSize();
        if (len > taskSize) {
            return ENOMEM;
        }
        if ((flags & Mman.MAP_FIXED) != 0) {
            return hint;
        }
        if (hint != 0) {
            long addr = (hint + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
            Vma next = findVma(addr);
            Vma prev = prevForAddr(addr);
            if (taskSize - len >= addr && addr >= PAGE_SIZE
                    && (next == null || addr + len <= vmStartGap(next))
                    && (prev == null || addr >= prev.end)) {
                return addr;
            }
        }
        long high = mmapBase;
        long low = PAGE_SIZE;
        int i = firstEndAbove(high) ;
        long gapEnd = high;
        if (i < nrVmas) {
            gapEnd = Math.min(high, vmStartGap(vmas[i]));
        }
        for (int k = i - 1; k >= -1; k--) {
            long gapStart = k >= 0 ? vmas[k].end : low;
            if (gapEnd >= gapStart && gapEnd - gapStart >= len && gapEnd - len >= low) {
                return (gapEnd - len) & ~(PAGE_SIZE - 1);
            }
            if (k >= 0) {
                gapEnd = Math.min(gapEnd, vmStartGap(vmas[k]));
            }
        }
        long base = taskSize / 3 / PAGE_SIZE * PAGE_SIZE;
        long addr = base;
        for (int k = 0; k < nrVmas; k++) {
            Vma v = vmas[k];
            if (v.end <= addr) {
                continue;
            }
            if (vmStartGap(v) >= addr + len) {
                break;
            }
            addr = v.end;
        }
        return addr + len <= taskSize ? addr : ENOMEM;
    }

    // ---- mmap ------------------------------------------------------------------------------------------

    /** Anonymous mmap without a hint: the common case for scenarios. */
    public long mmap(long len, int prot, int flags) {
        return mmap(0, len, prot, flags | Mman.MAP_ANONYMOUS, null, 0);
    }

    /** do_mmap() + mmap_region() + mm_populate(): returns the address or a negative errno. */
    public long mmap(long addr, long len, int prot, int flags, VmFile file, long offset) {
        if (len == 0) {
            return EINVAL;
        }
        long alen = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        if (alen == 0 || alen > sys.paging.taskSize()) {
            return ENOMEM;
        }
        if ((offset & (PAGE_SIZE - 1)) != 0) {
            return EINVAL;
        }
        if ((flags & Mman.MAP_ANONYMOUS) != 0) {
            file = null;
        } else if (file == null) {
            return EINVAL;
        }
        if ((flags & Mman.MAP_FIXED_NOREPLACE) != 0) {
            flags |= Mman.MAP_FIXED;
        }
        if ((flags & Mman.MAP_FIXED) != 0 && (addr & (PAGE_SIZE - 1)) != 0) {
            return EINVAL;
        }
        long pgoff = offset >>> Paging.PAGE_SHIFT;
        addr = getUnmappedArea(addr, alen, flags);
        if (Mman.isError(addr)) {
            return addr;
        }
        if (addr + alen > sys.paging.taskSize()) {
            return ENOMEM;
        }
        if ((flags & Mman.MAP_FIXED_NOREPLACE) != 0 && findVmaIntersection(addr, addr + alen) != null) {
            return EEXIST;
        }
        long vmFlags = (prot & 7) | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
        if ((flags & Mman.MAP_GROWSDOWN) != 0) {
            vmFlags |= VM_GROWSDOWN;
        }
        boolean shared = (flags & Mman.MAP_SHARED) != 0;
        if (shared) {
            vmFlags |= VM_SHARED | VM_MAYSHARE;
        } else if ((flags & Mman.MAP_PRIVATE) == 0) {
            return EINVAL;
        }
        if ((flags & Mman.MAP_NORESERVE) != 0) {
            vmFlags |= VM_NORESERVE;
        }
        if ((flags & Mman.MAP_LOCKED) != 0) {
            vmFlags |= VmFlags.VM_LOCKED;
        }
        if (file == null) {
            if (shared) {
                pgoff = 0;
                file = new VmFile("/dev/zero (deleted)", 0, 1, 1000 + sys.allocPid(), true,
                        alen >>> Paging.PAGE_SHIFT);
            } else {
                pgoff = addr >>> Paging.PAGE_SHIFT;
            }
        }
        long ret = mmapRegion(file, addr, alen, vmFlags, pgoff);
        if (!Mman.isError(ret) && ((flags & Mman.MAP_POPULATE) != 0 || (vmFlags & VmFlags.VM_LOCKED) != 0)) {
            populate(ret, ret + alen);
        }
        return ret;
    }

    /**
     * mlock2(): VM_LOCKED (and VM_LOCKONFAULT with {@link Mman#MLOCK_ONFAULT}) on the range, splitting VMAs at
     * its ends (apply_vma_lock_flags() / mlock_fixup()); the pages already mapped become mlocked
     * (mlock_vma_pages_range()), and without MLOCK_ONFAULT the rest is faulted in (__mm_populate()). Returns 0 or a
     * negative errno.
     */
    public long mlock2(long start, long len, int flags) {
        if ((flags & ~Mman.MLOCK_ONFAULT) != 0) {
            return EINVAL;
        }
        long end = (start + len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        start &= ~(PAGE_SIZE - 1);
        if (end <= start) {
            return len == 0 ? 0 : EINVAL;
        }
        long lockFlags = VmFlags.VM_LOCKED | ((flags & Mman.MLOCK_ONFAULT) != 0 ? VmFlags.VM_LOCKONFAULT : 0);
        long ret = applyFlags(start, end, old -> old | lockFlags, false);
        if (ret != 0) {
            return ret;
        }
        for (long a = start; a < end; a += PAGE_SIZE) {
            long pfn = pfnAt(a);
            if (pfn >= 0 && pfn != sys.zeroPfn && pfn != sys.hugeZeroPfn) {
                sys.phys.mlockAnonPage(sys.refs.head(pfn));
            }
        }
        if ((flags & Mman.MLOCK_ONFAULT) == 0) {
            populate(start, end);
        }
        return 0;
    }

    /** accountable_mapping(). */
    private static boolean accountable(long vmFlags) {
        return (vmFlags & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE;
    }

    /** mmap_region() of 6.1, including its expand-in-place merge with prev/next. */
    long mmapRegion(VmFile file, long addr, long len, long vmFlags, long pgoff) {
        long end = addr + len;
        long pglen = len >>> Paging.PAGE_SHIFT;
        munmapRange(addr, end);
        if (accountable(vmFlags)) {
            vmFlags |= VM_ACCOUNT;
        }
        Vma prev = prevForAddr(addr);
        Vma next = prev != null ? nextOf(prev) : (nrVmas > 0 ? vmas[0] : null);
        if ((vmFlags & VM_SPECIAL) == 0) {
            Vma vma = null;
            long mergeStart = addr;
            long mergeEnd = end;
            long vmPgoff = pgoff;
            if (next != null && next.start == end && canVmaMergeBefore(next, vmFlags, null, file, pgoff + pglen)) {
                mergeEnd = next.end;
                vma = next;
                vmPgoff = next.pgoff - pglen;
            }
            if (prev != null && prev.end == addr
                    && canVmaMergeAfter(prev, vmFlags, vma != null ? vma.anonVma : null, file, pgoff)) {
                mergeStart = prev.start;
                vma = prev;
                vmPgoff = prev.pgoff;
            }
            if (vma != null) {
                vmaExpand(vma, mergeStart, mergeEnd, vmPgoff, next);
                vma.flags |= sys.paging.softDirtyFlag();
                return addr;
            }
        }
        Vma v = new Vma(addr, end, vmFlags | sys.paging.softDirtyFlag(), pgoff, file);
        link(v);
        return addr;
    }

    /** vma_expand(): grows vma to [start, end), removing next if it is covered. */
    private void vmaExpand(Vma vma, long start, long end, long pgoff, Vma next) {
        if (next != null && vma != next && end == next.end) {
            adoptAnonVma(vma, next, null);
            removeVma(next);
        }
        vma.start = start;
        vma.end = end;
        vma.pgoff = pgoff;
    }

    /** __mm_populate() / populate_vma_page_range(): faults in every page, writing if private writable. */
    public void populate(long start, long end) {
        for (long a = start; a < end; ) {
            Vma v = findVma(a);
            if (v == null || v.start >= end) {
                return;
            }
            a = Math.max(a, v.start);
            boolean write = (v.flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;
            long stop = Math.min(end, v.end);
            for (; a < stop; a += PAGE_SIZE) {
                fault.handle(a, write);
            }
        }
    }

    // ---- munmap ------------------------------------------------------------------------------------------

    /** munmap(): returns 0 or a negative errno. */
    public long munmap(long start, long len) {
        if ((start & (PAGE_SIZE - 1)) != 0 || start > sys.paging.taskSize() || len > sys.paging.taskSize() - start) {
            return EINVAL;
        }
        len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        if (len == 0) {
            return EINVAL;
        }
        munmapRange(start, start + len);
        return 0;
    }

    /** do_mas_align_munmap(): split at the edges, zap, free the page tables of the gap, remove the VMAs. */
    void munmapRange(long start, long end) {
        Vma first = findVma(start);
        if (first == null || first.start >= end) {
            return;
        }
        if (start > first.start) {
            splitVma(first, start, true);
        }
        Vma last = findVma(end - 1);
        if (last != null && last.start < end && end < last.end) {
            splitVma(last, end, true);
        }
        int i = firstEndAbove(start);
        int j = i;
        while (j < nrVmas && vmas[j].start < end) {
            pt.zap(vmas[j].start, vmas[j].end);
            j++;
        }
        if (j == i) {
            return;
        }
        long lo = vmas[i].start;
        long hi = vmas[j - 1].end;
        long floor = i > 0 ? vmas[i - 1].end : 0;
        long ceiling = j < nrVmas ? vmas[j].start : 0;
        System.arraycopy(vmas, j, vmas, i, nrVmas - j);
        for (int k = nrVmas - (j - i); k < nrVmas; k++) {
            vmas[k] = null;
        }
        nrVmas -= j - i;
        lastVma = 0;
        pt.freePgtables(lo, hi, floor, ceiling);
    }

    // ---- mprotect and madvise ----------------------------------------------------------------------------

    /** do_mprotect_pkey(): returns 0 or a negative errno. */
    public long mprotect(long start, long len, int prot) {
        if ((start & (PAGE_SIZE - 1)) != 0) {
            return EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        long end = start + len;
        if (end <= start) {
            return ENOMEM;
        }
        long protFlags = prot & 7;
        return applyFlags(start, end, old -> {
            long n = (old & ~VmFlags.VM_ACCESS_FLAGS) | protFlags;
            if (((n & ~(n >>> 4)) & VmFlags.VM_ACCESS_FLAGS) != 0) {
                return -1;
            }
            if ((n & VM_WRITE) != 0 && (old & (VM_ACCOUNT | VM_WRITE | VM_HUGETLB)) == 0
                    && (n & (VM_SHARED | VM_NORESERVE)) == 0) {
                n |= VM_ACCOUNT;
            }
            return n;
        }, true);
    }

    /** A vm_flags transformation of mprotect or madvise; -1 refuses with EACCES. */
    interface FlagChange {
        long apply(long oldFlags);
    }

    /** The loop of do_mprotect_pkey() and madvise_walk_vmas() with mprotect_fixup()/madvise_update_vma(). */
    private long applyFlags(long start, long end, FlagChange change, boolean changePte) {
        Vma vma = findVma(start);
        if (vma == null) {
            return ENOMEM;
        }
        boolean hole = false;
        if (vma.start > start) {
            if (changePte) {
                return ENOMEM;
            }
            hole = true;
            start = vma.start;
            if (start >= end) {
                return ENOMEM;
            }
        }
        Vma prev = start > vma.start ? vma : prevOf(vma);
        long nstart = start;
        while (true) {
            long newFlags = change.apply(vma.flags);
            if (newFlags == -1) {
                return EACCES;
            }
            long tmp = Math.min(vma.end, end);
            prev = fixup(vma, prev, nstart, tmp, newFlags, changePte);
            nstart = tmp;
            if (nstart < prev.end) {
                nstart = prev.end;
            }
            if (nstart >= end) {
                return hole ? ENOMEM : 0;
            }
            vma = nextOf(prev);
            if (vma == null || vma.start >= end) {
                return ENOMEM;
            }
            if (vma.start != nstart) {
                if (changePte) {
                    return ENOMEM;
                }
                hole = true;
                nstart = vma.start;
            }
        }
    }

    /** mprotect_fixup() / madvise_update_vma(): returns the new prev. */
    private Vma fixup(Vma vma, Vma prev, long start, long end, long newFlags, boolean changePte) {
        if (newFlags == vma.flags) {
            return vma;
        }
        long pgoff = vma.pgoff + ((start - vma.start) >>> Paging.PAGE_SHIFT);
        Vma merged = vmaMerge(prev, start, end, newFlags, vma.anonVma, vma.file, pgoff);
        if (merged != null) {
            vma = merged;
        } else {
            if (start != vma.start) {
                splitVma(vma, start, true);
            }
            if (end != vma.end) {
                splitVma(vma, end, false);
            }
        }
        vma.flags = newFlags;
        if (changePte) {
            pt.changeProtection(vma, start, end);
        }
        return vma;
    }

    /** do_madvise() for MADV_DONTNEED, MADV_HUGEPAGE and MADV_NOHUGEPAGE; returns 0 or a negative errno. */
    public long madvise(long start, long len, int advice) {
        if ((start & (PAGE_SIZE - 1)) != 0) {
            return EINVAL;
        }
        len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        long end = start + len;
        if (end < start) {
            return EINVAL;
        }
        if (end == start) {
            return 0;
        }
        switch (advice) {
            case Mman.MADV_DONTNEED: {
                long ret = 0;
                long a = start;
                while (a < end) {
                    Vma v = findVma(a);
                    if (v == null || v.start >= end) {
                        return ENOMEM;
                    }
                    if (v.start > a) {
                        ret = ENOMEM;
                    }
                    if ((v.flags & (VmFlags.VM_LOCKED | VmFlags.VM_PFNMAP | VM_HUGETLB)) != 0) {
                        return EINVAL;
                    }
                    long s = Math.max(a, v.start);
                    long e = Math.min(end, v.end);
                    pt.zap(s, e);
                    a = e;
                }
                return ret;
            }
            case Mman.MADV_HUGEPAGE:
                return applyFlags(start, end, old -> (old & ~VM_NOHUGEPAGE) | VM_HUGEPAGE, false);
            case Mman.MADV_NOHUGEPAGE:
                return applyFlags(start, end, old -> (old & ~VM_HUGEPAGE) | VM_NOHUGEPAGE, false);
            default:
                return EINVAL;
        }
    }

    // ---- brk ------------------------------------------------------------------------------------------------

    /** brk(): returns the new (or unchanged) program break. */
    public long brk(long newBrk) {
        if (newBrk < startBrk) {
            return brk;
        }
        long newPage = (newBrk + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        long oldPage = (brk + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        if (oldPage == newPage) {
            brk = newBrk;
            return brk;
        }
        if (newBrk <= brk) {
            munmapRange(newPage, oldPage);
            brk = newBrk;
            return brk;
        }
        Vma next = findVma(oldPage);
        if (next != null && newPage + PAGE_SIZE > vmStartGap(next)) {
            return brk;
        }
        Vma brkVma = prevForAddr(oldPage);
        if (brkVma != null && brkVma.end > oldPage) {
            brkVma = null;
        }
        long flags = VmFlags.VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT;
        if (brkVma != null && brkVma.end == oldPage
                && canVmaMergeAfter(brkVma, flags, null, null, oldPage >>> Paging.PAGE_SHIFT)) {
            brkVma.end = newPage;
            brkVma.flags |= sys.paging.softDirtyFlag();
        } else {
            link(new Vma(oldPage, newPage, flags | sys.paging.softDirtyFlag(), oldPage >>> Paging.PAGE_SHIFT, null));
        }
        brk = newBrk;
        return brk;
    }

    // ---- mremap ----------------------------------------------------------------------------------------------

    /** mremap(): returns the new address or a negative errno. */
    public long mremap(long addr, long oldLen, long newLen, int flags, long newAddr) {
        if ((addr & (PAGE_SIZE - 1)) != 0) {
            return EINVAL;
        }
        if ((flags & ~(Mman.MREMAP_MAYMOVE | Mman.MREMAP_FIXED)) != 0) {
            return EINVAL;
        }
        if ((flags & Mman.MREMAP_FIXED) != 0 && (flags & Mman.MREMAP_MAYMOVE) == 0) {
            return EINVAL;
        }
        oldLen = (oldLen + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        newLen = (newLen + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        if (newLen == 0) {
            return EINVAL;
        }
        long taskSize = sys.paging.taskSize();
        if ((flags & Mman.MREMAP_FIXED) != 0) {
            if ((newAddr & (PAGE_SIZE - 1)) != 0) {
                return EINVAL;
            }
            if (newLen > taskSize || newAddr > taskSize - newLen) {
                return EINVAL;
            }
            if (addr + oldLen > newAddr && newAddr + newLen > addr) {
                return EINVAL;
            }
            munmapRange(newAddr, newAddr + newLen);
            if (oldLen > newLen) {
                munmapRange(addr + newLen, addr + oldLen);
                oldLen = newLen;
            }
            Vma vma = vmaLookup(addr);
            if (vma == null) {
                return EFAULT;
            }
            if (oldLen > vma.end - addr) {
                return EFAULT;
            }
            return moveVma(vma, addr, oldLen, newLen, newAddr);
        }
        if (oldLen >= newLen) {
            if (oldLen > newLen) {
                munmapRange(addr + newLen, addr + oldLen);
            }
            return addr;
        }
        Vma vma = vmaLookup(addr);
        if (vma == null) {
            return EFAULT;
        }
        if (oldLen > vma.end - addr) {
            return EFAULT;
        }
        if ((vma.flags & (VmFlags.VM_DONTEXPAND | VmFlags.VM_PFNMAP)) != 0) {
            return EFAULT;
        }
        if (oldLen == vma.end - addr) {
            long delta = newLen - oldLen;
            long extEnd = vma.end + delta;
            if (extEnd > vma.end && extEnd <= taskSize && findVmaIntersection(vma.end, extEnd) == null) {
                long extStart = addr + oldLen;
                long extPgoff = vma.pgoff + ((extStart - vma.start) >>> Paging.PAGE_SHIFT);
                if (!vma.closeOp) {
                    Vma m = vmaMerge(vma, extStart, addr + newLen, vma.flags, vma.anonVma, vma.file, extPgoff);
                    if (m == null) {
                        return ENOMEM;
                    }
                } else {
                    vma.end = addr + newLen;
                }
                return addr;
            }
        }
        if ((flags & Mman.MREMAP_MAYMOVE) == 0) {
            return ENOMEM;
        }
        long target = getUnmappedArea(0, newLen, (vma.flags & VM_MAYSHARE) != 0 ? Mman.MAP_SHARED : 0);
        if (Mman.isError(target)) {
            return target;
        }
        return moveVma(vma, addr, oldLen, newLen, target);
    }

    /** move_vma(): copy_vma() at the new place, move_page_tables(), then unmap the old range. */
    private long moveVma(Vma vma, long oldAddr, long oldLen, long newLen, long newAddr) {
        long newPgoff = vma.pgoff + ((oldAddr - vma.start) >>> Paging.PAGE_SHIFT);
        copyVma(vma, newAddr, newLen, newPgoff);
        pt.moveRange(oldAddr, newAddr, oldLen);
        munmapRange(oldAddr, oldAddr + oldLen);
        return newAddr;
    }

    /** copy_vma(): merge the moved range with its new neighbours, or insert a copy. */
    private Vma copyVma(Vma vma, long addr, long len, long pgoff) {
        if (vma.file == null && vma.anonVma == null) {
            pgoff = addr >>> Paging.PAGE_SHIFT;
        }
        Vma prev = prevForAddr(addr);
        Vma merged = vmaMerge(prev, addr, addr + len, vma.flags, vma.anonVma, vma.file, pgoff);
        if (merged != null) {
            return merged;
        }
        Vma n = vma.dup();
        n.start = addr;
        n.end = addr + len;
        n.pgoff = pgoff;
        link(n);
        return n;
    }

    // ---- faults, fork, swap, exit ------------------------------------------------------------------------

    /**
     * A user access at addr: the MMU sets accessed/dirty bits if the entry allows the access, else
     * handle_mm_fault(). Returns 0, or 1 (SIGSEGV) / 2 (out of memory).
     */
    public int touch(long addr, boolean write) {
        if (pt.hardwareAccess(addr, write)) {
            return Fault.OK;
        }
        return fault.handle(addr, write);
    }

    /**
     * dup_mmap(): the child's address space with copied VMAs and, for VMAs with an anon_vma, page tables; null
     * when memory for a table runs out (the partial copy is torn down like exit_mmap() does).
     */
    Mm dup() {
        Mm child;
        try {
            child = new Mm(sys);
        } catch (VmOutOfMemory e) {
            return null;
        }
        try {
            dupInto(child);
        } catch (VmOutOfMemory e) {
            child.exit();
            return null;
        }
        return child;
    }

    private void dupInto(Mm child) {
        child.mmapBase = mmapBase;
        child.startBrk = startBrk;
        child.brk = brk;
        for (int i = 0; i < nrVmas; i++) {
            Vma v = vmas[i];
            if ((v.flags & VmFlags.VM_DONTCOPY) != 0) {
                continue;
            }
            Vma c = v.dup();
            if ((v.flags & VmFlags.VM_WIPEONFORK) != 0) {
                c.anonVma = null;
                c.anonVmaChain = 0;
            } else if (v.anonVma != null) {
                c.anonVma = new AnonVma();
                c.anonVmaChain = v.anonVmaChain + 1;
            }
            child.link(c);
            if (c.anonVma != null || (v.flags & (VM_HUGETLB | VmFlags.VM_PFNMAP | VmFlags.VM_MIXEDMAP)) != 0) {
                pt.copyRange(child, v);
            }
        }
    }

    /**
     * A swap-out hook standing in for shrink_folio_list()'s try_to_unmap() of one mapping: replaces the PTE
     * mapping an anonymous 4 KiB page at addr by a swap entry. The page stays in the swap cache while other
     * mappings remain and is freed with the last one. Returns false if nothing could be swapped.
     */
    public boolean swapOut(long addr) {
        int pteT = pt.lookup(addr, 3);
        if (pteT < 0) {
            return false;
        }
        long[] ptes = sys.tables.entries(pteT);
        int i = Paging.index(addr, 3);
        long e = ptes[i];
        if (e == 0 || !f.isPresent(e) || f.isSpecial(e)) {
            return false;
        }
        long pfn = f.pfn(e);
        PageRefs refs = sys.refs;
        if (!refs.test(pfn, PageRefs.ANON) || refs.test(pfn, PageRefs.TAIL) || refs.test(pfn, PageRefs.HEAD)) {
            return false;
        }
        long slot = refs.swapSlot(pfn);
        if (slot < 0) {
            slot = sys.swap.allocSlot();
            if (slot < 0) {
                return false;
            }
            sys.swap.setCachePfn(slot, pfn);
            refs.setSwapSlot(pfn, slot);
            refs.get(pfn);
            sys.events.pswpout++;
        }
        sys.swap.dup(slot);
        ptes[i] = f.mkSwap(0, slot);
        rss[RssCounters.MM_SWAPENTS]++;
        pt.unmapPage(pfn);
        return true;
    }

    /** exit_mmap(): unmaps everything and frees all page tables and the PGD. */
    void exit() {
        for (int i = 0; i < nrVmas; i++) {
            pt.zap(vmas[i].start, vmas[i].end);
        }
        Arrays.fill(vmas, 0, nrVmas, null);
        nrVmas = 0;
        pt.freeAllTables();
        while (nrDeposits > 0) {
            pt.freeTable(withdrawDeposit(), 3);
        }
        sys.tables.free(pgd, sys.paging.topLevel(), pgdOrder);
        sys.unregister(id);
    }

    /** The leaf entry (PTE or huge PMD) mapping addr, or 0. */
    public long leafEntry(long addr) {
        return pt.leaf(addr);
    }

    /** The pfn mapped at addr, or -1 if not present. */
    public long pfnAt(long addr) {
        long e = pt.leaf(addr);
        if (e == 0 || !f.isPresent(e)) {
            return -1;
        }
        long pfn = f.pfn(e);
        if (f.isHuge(e) && pt.lookup(addr, 3) < 0) {
            pfn += (addr & ~Paging.PMD_MASK) >>> Paging.PAGE_SHIFT;
        }
        return pfn;
    }

    /** Whether addr is mapped by a huge PMD. */
    public boolean isHugeMapped(long addr) {
        int pmdT = pt.lookup(addr, 2);
        return pmdT >= 0 && f.isHuge(sys.tables.entries(pmdT)[Paging.index(addr, 2)]);
    }
}
