package org.mmsim.kernel.vmalloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mmsim.page.Gfp;
import org.mmsim.kernel.KernelMath;
import org.mmsim.kernel.LongSet;
import org.mmsim.kernel.PageSource;
import org.mmsim.kernel.slab.KmemCache;
import org.mmsim.kernel.slab.Kmalloc;
import org.mmsim.kernel.slab.SlabFlags;
import org.mmsim.kernel.slab.Slub;

/**
 * vmalloc, vmap and ioremap of Linux 6.1 (mm/vmalloc.c): kernel virtual areas in the vmalloc range.
 * <ul>
 * <li>Area allocation: alloc_vmap_area() / __alloc_vmap_area() search the augmented free tree
 * ({@link VmapFreeTree}, find_vmap_lowest_match(), is_within_this_va()) and carve the block found
 * (adjust_va_to_fit_type()); one purge and retry on overflow.</li>
 * <li>__get_vm_area_node(): size rounded to the mapping granule, ioremap alignment, one guard page unless
 * VM_NO_GUARD.</li>
 * <li>__vmalloc_node_range() / __vmalloc_area_node() / vm_area_alloc_pages(): pages one by one (order 0), or
 * PMD-sized blocks split into pages for VM_ALLOW_HUGE_VMAP callers; the pages array from kmalloc, or from a nested
 * vmalloc ("vpages") when it exceeds a page.</li>
 * <li>Freeing: __vunmap() / free_vmap_area_noflush(): areas go to the purge list (merged), vmap_lazy_nr grows, and
 * when it passes lazy_max_pages() the purge (drain_vmap_area_work(), __purge_vmap_area_lazy()) merges them back
 * into the free space. The kernel runs that purge from a work item soon after; the model runs it when the
 * outermost vfree()/vunmap() returns.</li>
 * </ul>
 * Kernel page tables for the range are counted, never freed (vunmap clears entries only): one PTE page per 2 MiB
 * region mapped with small pages, one PMD page per 1 GiB region; upper levels are preallocated at boot.
 * Not modelled: per-CPU vmap blocks (vm_map_ram), KASAN shadow, huge ioremap mappings, arm64 contiguous-PTE
 * vmalloc, the boot-time interleave memory policy (pages come from the preferred node), and the slab objects of
 * free-tree nodes (a vmap_area object is held per busy or lazily freed area only).
 */
public final class Vmalloc {
    /** NUMA_NO_NODE. */
    public static final int NUMA_NO_NODE = -1;

    private static final int GFP_RECLAIM_MASK = Gfp.__GFP_RECLAIM | Gfp.__GFP_HIGH | Gfp.__GFP_IO | Gfp.__GFP_FS
            | Gfp.__GFP_NOWARN | Gfp.__GFP_RETRY_MAYFAIL | Gfp.__GFP_NOFAIL | Gfp.__GFP_NORETRY | Gfp.__GFP_MEMALLOC
            | Gfp.__GFP_NOMEMALLOC | Gfp.__GFP_NOLOCKDEP;

    private final VmallocRange range;
    private final PageSource pages;
    private final Slub slub;
    private final Kmalloc kmalloc;
    private final KmemCache vmapAreaCache;
    private final int pageShift;
    private final long pageSize;
    private final int pointerSize;
    private final int numOnlineCpus;
    private final int numOnlineNodes;
    private final int[] cpuToNode;
    private long totalRamPages;
    private boolean allowHuge = true;

    private final VmapFreeTree free = new VmapFreeTree();
    /** Whether any area has been allocated (early areas must come first, as vm_area_add_early() demands). */
    private boolean started;
    private final VmapAreaSet purge = new VmapAreaSet();
    private long vmapLazyNr;
    private long nrVmallocPages;
    private final LongSet ptePages = new LongSet();
    private final LongSet pmdPages = new LongSet();
    private long purges;
    private boolean drainPending;
    private int depth;

    // vm_struct + vmap_area of each busy area, by slot.
    private int capacity;
    private long[] aStart;
    private long[] aSize;
    private int[] aFlags;
    private int[] aNrPages;
    private String[] aCaller;
    private long[] aPhys;
    private long[][] aPages;
    private int[] aPageOrder;
    private long[] aPagesArray;
    private boolean[] aPagesVmalloc;
    private long[] aVmStruct;
    private long[] aVmapArea;
    private int[] freeSlots;
    private int freeSlotCount;
    private int slotCount;

    // vmap_area_list: busy areas sorted by address.
    private final AddressOrderedPairs busy = new AddressOrderedPairs();

    /**
     * vmalloc_init() on a machine: the whole address space (1 .. ULONG_MAX) is free but for early areas added with
     * {@link #reserveEarly}.
     *
     * @param slub          the slab allocator for vm_struct (kmalloc) and vmap_area objects, or null to leave them out
     * @param cpuToNode     the node of each online CPU (num_online_cpus() is its length)
     * @param numOnlineNodes num_online_nodes()
     */
    public Vmalloc(VmallocRange range, PageSource pages, Slub slub, int[] cpuToNode, int numOnlineNodes) {
        if (range.pageShift() != pages.pageShift()) {
            throw new IllegalArgumentException("page source and vmalloc range disagree on PAGE_SHIFT");
        }
        this.range = range;
        this.pages = pages;
        this.slub = slub;
        this.kmalloc = slub == null ? null : slub.kmalloc();
        this.pageShift = range.pageShift();
        this.pageSize = 1L << pageShift;
        this.pointerSize = range.addressBits() / 8;
        this.cpuToNode = cpuToNode.clone();
        this.numOnlineCpus = cpuToNode.length;
        this.numOnlineNodes = numOnlineNodes;
        this.totalRamPages = pages.endPfn();
        this.vmapAreaCache = slub == null ? null
                : slub.kmemCacheCreate("vmap_area", 8 * pointerSize, pointerSize, SlabFlags.SLAB_PANIC);
        free.insert(1, range.ulongMax());
        grow(64);
    }

    /** Sets totalram_pages(), which bounds a single vmalloc or vmap. */
    public void setTotalRamPages(long pagesTotal) {
        this.totalRamPages = pagesTotal;
    }

    /** The nohugevmalloc boot parameter turns this off (vmap_allow_huge). */
    public void setAllowHuge(boolean allow) {
        this.allowHuge = allow;
    }

    /** lazy_max_pages(): fls(num_online_cpus()) * 32 MiB of pages. */
    public long lazyMaxPages() {
        return KernelMath.fls(numOnlineCpus) * ((32L << 20) >>> pageShift);
    }

    // ---------------------------------------------------------------- public entry points

    /** vmalloc(): GFP_KERNEL, any node, page alignment. Returns the address or 0. */
    public long vmalloc(long size, String caller) {
        return vmallocNodeRange(size, 1, range.start(), range.end(), Gfp.GFP_KERNEL, 0, NUMA_NO_NODE, caller);
    }

    /** vmalloc_huge(): may use PMD mappings (VM_ALLOW_HUGE_VMAP). */
    public long vmallocHuge(long size, int gfp, String caller) {
        return vmallocNodeRange(size, 1, range.start(), range.end(), gfp, VmFlags.VM_ALLOW_HUGE_VMAP, NUMA_NO_NODE,
                caller);
    }

    /**
     * __vmalloc_node_range(): reserves an area in [start, end), allocates its pages and maps them.
     *
     * @return the area's address, or 0 on failure
     */
    public long vmallocNodeRange(long size, long align, long start, long end, int gfp, int vmFlags, int node,
                                 String caller) {
        if (size == 0 || (size >>> pageShift) > totalRamPages) {
            return 0;
        }
        long realSize = size;
        long realAlign = align;
        int shift = pageShift;
        if (allowHuge && (vmFlags & VmFlags.VM_ALLOW_HUGE_VMAP) != 0) {
            long sizePerNode = size;
            if (node == NUMA_NO_NODE) {
                sizePerNode /= numOnlineNodes;
            }
            if (sizePerNode >= (1L << range.pmdShift())) {
                shift = range.pmdShift();
            }
            align = Math.max(realAlign, 1L << shift);
        }
        while (true) {
            int slot = getVmAreaNode(realSize, align, shift, VmFlags.VM_ALLOC | VmFlags.VM_UNINITIALIZED | vmFlags,
                    start, end, node, caller);
            if (slot >= 0) {
                long addr = vmallocAreaNode(slot, gfp, shift, node);
                if (addr != 0) {
                    return addr;
                }
            }
            if (shift > pageShift) {
                shift = pageShift;
                align = realAlign;
                continue;
            }
            return 0;
        }
    }

    /** vfree(): unmaps the area containing addr, frees its pages, and lazily frees its address range. */
    public void vfree(long addr) {
        unmapThenDrain(addr, true);
    }

    /** vunmap(): unmaps an area made by vmap() without freeing the pages. */
    public void vunmap(long addr) {
        unmapThenDrain(addr, false);
    }

    /**
     * What vfree() and vunmap() share: nothing for a NULL address, else __vunmap() (freeing the pages or not),
     * then the deferred drain once the outermost free has returned.
     */
    private void unmapThenDrain(long addr, boolean deallocatePages) {
        if (addr != 0) {
            depth++;
            try {
                vunmapInternal(addr, deallocatePages);
            } finally {
                depth--;
            }
            runPendingDrain();
        }
    }

    /** drain_vmap_area_work(), run when the outermost free returns (the kernel queues it as a work item). */
    private void runPendingDrain() {
        if (depth == 0 && drainPending) {
            drainPending = false;
            if (vmapLazyNr > lazyMaxPages()) {
                purgeVmapAreaLazy();
            }
        }
    }

    /**
     * vmap(): maps existing pages (pfns) into a new area; with VM_MAP_PUT_PAGES the area takes them over and
     * vfree() frees them.
     *
     * @return the address or 0
     */
    public long vmap(long[] pfns, int flags, String caller) {
        flags &= ~VmFlags.VM_NO_GUARD;
        if (pfns.length > totalRamPages) {
            return 0;
        }
        long size = (long) pfns.length << pageShift;
        int slot = getVmAreaNode(size, 1, pageShift, flags, range.start(), range.end(), NUMA_NO_NODE, caller);
        if (slot < 0) {
            return 0;
        }
        mapRange(aStart[slot], size, pageShift);
        if ((flags & VmFlags.VM_MAP_PUT_PAGES) != 0) {
            aPages[slot] = pfns.clone();
            aNrPages[slot] = pfns.length;
        }
        return aStart[slot];
    }

    /**
     * ioremap() as x86's __ioremap_caller() does it: the physical range widened to whole pages, an area with
     * VM_IOREMAP alignment, phys_addr recorded; no pages are allocated.
     *
     * @return the virtual address of {@code phys} (with its offset in the page), or 0
     */
    public long ioremap(long phys, long size, String caller) {
        if (size == 0) {
            return 0;
        }
        long lastAddr = phys + size - 1;
        long offset = phys & (pageSize - 1);
        long physPage = phys & -pageSize;
        long mapSize = KernelMath.align(lastAddr + 1, pageSize) - physPage;
        int slot = getVmAreaNode(mapSize, 1, pageShift, VmFlags.VM_IOREMAP, range.start(), range.end(), NUMA_NO_NODE,
                caller);
        if (slot < 0) {
            return 0;
        }
        aPhys[slot] = physPage;
        mapRange(aStart[slot], mapSize, pageShift);
        return aStart[slot] + offset;
    }

    /** iounmap(). */
    public void iounmap(long addr) {
        vunmap(addr & -pageSize);
    }

    /** get_vm_area_caller(): reserves an area (plus guard) without mapping anything; returns its address or 0. */
    public long getVmArea(long size, int flags, String caller) {
        int slot = getVmAreaNode(size, 1, pageShift, flags, range.start(), range.end(), NUMA_NO_NODE, caller);
        return slot < 0 ? 0 : aStart[slot];
    }

    /**
     * vm_area_add_early() / vm_area_register_early(): an area fixed before vmalloc_init(), e.g. arm64's kernel
     * image segments; vmap_init_free_space() leaves it out of the free space.
     */
    public void reserveEarly(long addr, long size, int flags, long phys, String caller) {
        if (started) {
            throw new IllegalStateException("vm_area_add_early() after vmalloc_init()");
        }
        if (findBusy(addr) >= 0 || findBusy(addr + size - 1) >= 0) {
            throw new IllegalArgumentException("early vm area at 0x" + Long.toHexString(addr) + " overlaps another");
        }
        int slot = addBusyArea(addr, size, flags, caller);
        aPhys[slot] = phys;
        vmapInitFreeSpace();
    }

    /**
     * A new busy area [addr, addr + size) with its flags and caller, entered in the busy index: what
     * vm_area_add_early() and __get_vm_area_node() (its setup_vmalloc_vm()) both fill in. Returns its slot.
     */
    private int addBusyArea(long addr, long size, int flags, String caller) {
        int slot = newSlot();
        aStart[slot] = addr;
        aSize[slot] = size;
        aFlags[slot] = flags;
        aCaller[slot] = caller;
        insertBusy(slot);
        return slot;
    }

    /** vmap_init_free_space(): the gaps around the busy areas, lowest first, from 1 to ULONG_MAX. */
    private void vmapInitFreeSpace() {
        free.clear();
        long vmapStart = 1;
        for (int b = 0; b < busy.count(); b++) {
            int slot = busySlot(b);
            if (Long.compareUnsigned(aStart[slot], vmapStart) > 0) {
                free.insert(vmapStart, aStart[slot]);
            }
            vmapStart = aStart[slot] + aSize[slot];
        }
        if (Long.compareUnsigned(range.ulongMax(), vmapStart) > 0) {
            free.insert(vmapStart, range.ulongMax());
        }
    }

    /** purge_vmap_area_lazy(): merges every lazily freed area back into the free space. */
    public void purgeVmapAreaLazy() {
        int n = purge.count();
        if (n == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            free.insertMerge(purge.start(i), purge.end(i));
            vmapLazyNr -= (purge.end(i) - purge.start(i)) >>> pageShift;
        }
        purge.clear();
        purges++;
    }

    // ---------------------------------------------------------------- internals

    /** __get_vm_area_node(): returns the slot of the new area, or -1. */
    private int getVmAreaNode(long size, long align, int shift, int flags, long start, long end, int node,
                              String caller) {
        size = KernelMath.align(size, 1L << shift);
        if (size == 0) {
            return -1;
        }
        if ((flags & VmFlags.VM_IOREMAP) != 0) {
            int order = KernelMath.fls(size - 1);
            align = 1L << Math.max(pageShift, Math.min(order, range.ioremapMaxOrder()));
        }
        long vmStruct = kmalloc == null ? 0 : kmalloc.kmallocNode(vmStructSize(), Gfp.GFP_KERNEL | Gfp.__GFP_ZERO,
                node, 0);
        if ((flags & VmFlags.VM_NO_GUARD) == 0) {
            size += pageSize;
        }
        long addr = allocVmapArea(size, align, start, end, node);
        if (addr == 0) {
            if (kmalloc != null) {
                kmalloc.kfree(vmStruct);
            }
            return -1;
        }
        int slot = addBusyArea(addr, size, flags, caller);
        aVmStruct[slot] = vmStruct;
        return slot;
    }

    /** sizeof(struct vm_struct): eight words on 64-bit, 36 bytes on i386 with a 64-bit phys_addr_t. */
    private int vmStructSize() {
        return pointerSize == 8 ? 64 : 36;
    }

    /** alloc_vmap_area(): the address of a new area, or 0 after one purge and retry. */
    private long allocVmapArea(long size, long align, long vstart, long vend, int node) {
        long vmapArea = vmapAreaCache == null ? 0 : slub.kmemCacheAllocNode(vmapAreaCache, Gfp.GFP_KERNEL,
                node == NUMA_NO_NODE ? Slub.NUMA_NO_NODE : node, 0);
        boolean purged = false;
        while (true) {
            long addr = allocFromFree(size, align, vstart, vend);
            if (addr != vend) {
                lastVmapArea = vmapArea;
                return addr;
            }
            if (purged) {
                if (vmapAreaCache != null) {
                    slub.kmemCacheFree(vmapAreaCache, vmapArea, 0);
                }
                return 0;
            }
            purgeVmapAreaLazy();
            purged = true;
        }
    }

    /** The vmap_area object alloc_vmap_area() took for the area being set up, until insertBusy() records it. */
    private long lastVmapArea;

    /** __alloc_vmap_area(): vend on failure. */
    private long allocFromFree(long size, long align, long vstart, long vend) {
        started = true;
        boolean adjust = !(align <= pageSize || vend - vstart == size);
        int i = free.findLowestMatch(size, align, vstart, adjust);
        if (i < 0) {
            return vend;
        }
        long nva = free.candidateStart(i, align, vstart);
        if (Long.compareUnsigned(nva + size, vend) > 0) {
            return vend;
        }
        free.carve(i, nva, size);
        return nva;
    }

    /** __vmalloc_area_node(): the pages array, the pages, and their mapping. Returns the address or 0. */
    private long vmallocAreaNode(int slot, int gfp, int shift, int node) {
        long addr = aStart[slot];
        long size = areaSize(slot);
        int nrSmall = (int) (size >>> pageShift);
        long arraySize = (long) nrSmall * pointerSize;
        int nestedGfp = (gfp & GFP_RECLAIM_MASK) | Gfp.__GFP_ZERO;
        gfp |= Gfp.__GFP_NOWARN;
        if ((gfp & (Gfp.GFP_DMA | Gfp.GFP_DMA32)) == 0) {
            gfp |= Gfp.__GFP_HIGHMEM;
        }
        if (arraySize > pageSize) {
            long arr = vmallocNodeRange(arraySize, 1, range.start(), range.end(), nestedGfp, 0, node, aCaller[slot]);
            if (arr == 0) {
                unmapArea(slot, true);
                return 0;
            }
            aPagesArray[slot] = arr;
            aPagesVmalloc[slot] = true;
        } else if (kmalloc != null) {
            aPagesArray[slot] = kmalloc.kmallocNode(arraySize, nestedGfp, node, 0);
        }
        int order = shift - pageShift;
        aPageOrder[slot] = order;
        long[] pfns = aPages[slot];
        if (pfns == null || pfns.length < nrSmall) {
            pfns = new long[nrSmall];
            aPages[slot] = pfns;
        }
        int nid = node == NUMA_NO_NODE ? cpuToNode[0] : node;
        int nr = 0;
        while (nr < nrSmall) {
            long pfn = pages.allocPages(gfp, order, nid);
            if (pfn == PageSource.NO_PAGE) {
                break;
            }
            for (int i = 0; i < (1 << order); i++) {
                pfns[nr + i] = pfn + i;
            }
            nr += 1 << order;
        }
        aNrPages[slot] = nr;
        nrVmallocPages += nr;
        if (nr != nrSmall) {
            unmapArea(slot, true);
            return 0;
        }
        mapRange(addr, size, shift);
        aFlags[slot] &= ~VmFlags.VM_UNINITIALIZED;
        return addr;
    }

    /** get_vm_area_size(): the area's size without its guard page. */
    private long areaSize(int slot) {
        return (aFlags[slot] & VmFlags.VM_NO_GUARD) != 0 ? aSize[slot] : aSize[slot] - pageSize;
    }

    /** vmap_pages_range() / ioremap_page_range(): counts the page-table pages the mapping needs. */
    private void mapRange(long addr, long size, int shift) {
        if (size == 0) {
            return;
        }
        long last = addr + size - 1;
        int pmdShift = range.pmdShift();
        int pudShift = range.pudShift();
        if (shift < pmdShift) {
            for (long r = addr >>> pmdShift; r <= last >>> pmdShift; r++) {
                ptePages.add(r);
            }
        }
        for (long r = addr >>> pudShift; r <= last >>> pudShift; r++) {
            pmdPages.add(r);
        }
    }

    /** __vunmap(). */
    private void vunmapInternal(long addr, boolean deallocatePages) {
        if ((addr & (pageSize - 1)) != 0) {
            throw new IllegalArgumentException("Trying to vfree() bad address (0x" + Long.toHexString(addr) + ")");
        }
        int b = findBusy(addr);
        if (b < 0) {
            throw new IllegalArgumentException("Trying to vfree() nonexistent vm area (0x" + Long.toHexString(addr)
                    + ")");
        }
        unmapArea(busySlot(b), deallocatePages);
    }

    /** remove_vm_area() + free_unmap_vmap_area() + the page and array freeing of __vunmap(). */
    private void unmapArea(int slot, boolean deallocatePages) {
        long start = aStart[slot];
        long end = start + aSize[slot];
        removeBusy(slot);
        freeVmapAreaNoflush(start, end);
        if (vmapAreaCache != null && aVmapArea[slot] != 0) {
            slub.kmemCacheFree(vmapAreaCache, aVmapArea[slot], 0);
        }
        if (deallocatePages) {
            long[] pfns = aPages[slot];
            int nr = aNrPages[slot];
            for (int i = 0; i < nr; i++) {
                pages.freePages(pfns[i], 0);
            }
            nrVmallocPages -= nr;
            if (aPagesVmalloc[slot]) {
                vfree(aPagesArray[slot]);
            } else if (kmalloc != null && aPagesArray[slot] != 0) {
                kmalloc.kfree(aPagesArray[slot]);
            }
        }
        if (kmalloc != null && aVmStruct[slot] != 0) {
            kmalloc.kfree(aVmStruct[slot]);
        }
        releaseSlot(slot);
    }

    /** free_vmap_area_noflush(): onto the purge list; purge when vmap_lazy_nr passes lazy_max_pages(). */
    private void freeVmapAreaNoflush(long start, long end) {
        vmapLazyNr += (end - start) >>> pageShift;
        purge.insertMerge(start, end);
        if (vmapLazyNr > lazyMaxPages()) {
            drainPending = true;
        }
    }

    // ---------------------------------------------------------------- busy list and slots

    private int findBusy(long addr) {
        int lo = 0;
        int hi = busy.count() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int slot = busySlot(mid);
            if (Long.compareUnsigned(addr, aStart[slot]) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(addr, aStart[slot] + aSize[slot]) >= 0) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void insertBusy(int slot) {
        long start = aStart[slot];
        aVmapArea[slot] = lastVmapArea;
        lastVmapArea = 0;
        busy.insertAt(busy.firstKeyNotBelow(start), start, slot);
    }

    /** The slot of the {@code b}-th busy area in address order. */
    private int busySlot(int b) {
        return (int) busy.value(b);
    }

    private void removeBusy(int slot) {
        busy.remove(findBusy(aStart[slot]));
    }

    private int newSlot() {
        int slot;
        if (freeSlotCount > 0) {
            slot = freeSlots[--freeSlotCount];
        } else {
            if (slotCount == capacity) {
                grow(capacity * 2);
            }
            slot = slotCount++;
        }
        aNrPages[slot] = 0;
        aPhys[slot] = 0;
        aPageOrder[slot] = 0;
        aPagesArray[slot] = 0;
        aPagesVmalloc[slot] = false;
        aVmStruct[slot] = 0;
        aVmapArea[slot] = 0;
        return slot;
    }

    private void releaseSlot(int slot) {
        aCaller[slot] = null;
        freeSlots[freeSlotCount++] = slot;
    }

    private void grow(int cap) {
        aStart = aStart == null ? new long[cap] : Arrays.copyOf(aStart, cap);
        aSize = aSize == null ? new long[cap] : Arrays.copyOf(aSize, cap);
        aFlags = aFlags == null ? new int[cap] : Arrays.copyOf(aFlags, cap);
        aNrPages = aNrPages == null ? new int[cap] : Arrays.copyOf(aNrPages, cap);
        aCaller = aCaller == null ? new String[cap] : Arrays.copyOf(aCaller, cap);
        aPhys = aPhys == null ? new long[cap] : Arrays.copyOf(aPhys, cap);
        aPages = aPages == null ? new long[cap][] : Arrays.copyOf(aPages, cap);
        aPageOrder = aPageOrder == null ? new int[cap] : Arrays.copyOf(aPageOrder, cap);
        aPagesArray = aPagesArray == null ? new long[cap] : Arrays.copyOf(aPagesArray, cap);
        aPagesVmalloc = aPagesVmalloc == null ? new boolean[cap] : Arrays.copyOf(aPagesVmalloc, cap);
        aVmStruct = aVmStruct == null ? new long[cap] : Arrays.copyOf(aVmStruct, cap);
        aVmapArea = aVmapArea == null ? new long[cap] : Arrays.copyOf(aVmapArea, cap);
        freeSlots = freeSlots == null ? new int[cap] : Arrays.copyOf(freeSlots, cap);
        capacity = cap;
    }

    // ---------------------------------------------------------------- reports

    /** The busy areas in address order, as /proc/vmallocinfo's s_show() lines, then the unpurged ones. */
    public List<VmallocInfo.Line> vmallocinfoLines() {
        List<VmallocInfo.Line> lines = new ArrayList<>();
        for (int b = 0; b < busy.count(); b++) {
            int slot = busySlot(b);
            int[] perNode = null;
            if (range.numa() && (aFlags[slot] & VmFlags.VM_UNINITIALIZED) == 0 && aNrPages[slot] > 0
                    && aPages[slot] != null) {
                perNode = new int[Math.max(1, numOnlineNodes)];
                int step = 1 << aPageOrder[slot];
                for (int i = 0; i < aNrPages[slot]; i += step) {
                    int nid = pages.pfnToNid(aPages[slot][i]);
                    if (nid >= perNode.length) {
                        perNode = Arrays.copyOf(perNode, nid + 1);
                    }
                    perNode[nid] += step;
                }
            }
            lines.add(new VmallocInfo.Line(VmallocInfo.Kind.AREA, aStart[slot], aStart[slot] + aSize[slot],
                    aSize[slot], aCaller[slot], aNrPages[slot], aPhys[slot], aFlags[slot], aPagesVmalloc[slot],
                    perNode));
        }
        for (int i = 0; i < purge.count(); i++) {
            lines.add(VmallocInfo.Line.unpurged(purge.start(i), purge.end(i)));
        }
        return lines;
    }

    /** The busy areas as [start, end) pairs in address order (for checks). */
    public long[] busyRanges() {
        long[] r = new long[2 * busy.count()];
        for (int b = 0; b < busy.count(); b++) {
            int slot = busySlot(b);
            r[2 * b] = aStart[slot];
            r[2 * b + 1] = aStart[slot] + aSize[slot];
        }
        return r;
    }

    /** The free space as [start, end) pairs in address order. */
    public long[] freeRanges() {
        long[] r = new long[2 * free.count()];
        int i = 0;
        for (int n = free.first(); n >= 0; n = free.next(n)) {
            r[i++] = free.start(n);
            r[i++] = free.end(n);
        }
        return r;
    }

    /** The lazily freed, not yet purged ranges. */
    public long[] purgeRanges() {
        long[] r = new long[2 * purge.count()];
        for (int i = 0; i < purge.count(); i++) {
            r[2 * i] = purge.start(i);
            r[2 * i + 1] = purge.end(i);
        }
        return r;
    }

    /** vmap_lazy_nr. */
    public long vmapLazyNr() {
        return vmapLazyNr;
    }

    /** How often the lazy areas were purged. */
    public long purges() {
        return purges;
    }

    /** nr_vmalloc_pages (vmalloc_nr_pages()). */
    public long nrVmallocPages() {
        return nrVmallocPages;
    }

    /** Kernel page-table pages mapping the vmalloc range so far (PTE plus PMD pages). */
    public long pageTablePages() {
        return ptePages.size() + pmdPages.size();
    }

    public VmallocRange range() {
        return range;
    }

    /** meminfo's VmallocTotal, VmallocUsed and VmallocChunk lines (fs/proc/meminfo.c). */
    public String meminfoLines() {
        return meminfoLines(range.totalKb(), nrVmallocPages, pageShift);
    }

    /** The three meminfo lines from VMALLOC_TOTAL (kB) and vmalloc_nr_pages(); VmallocChunk is always 0 in 6.1. */
    public static String meminfoLines(long totalKb, long vmallocPages, int pageShift) {
        return String.format("VmallocTotal:   %8d kB\nVmallocUsed:    %8d kB\nVmallocChunk:   %8d kB\n", totalKb,
                vmallocPages << (pageShift - 10), 0);
    }
}
