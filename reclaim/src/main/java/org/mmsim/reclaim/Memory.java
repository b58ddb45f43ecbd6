package org.mmsim.reclaim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;
import org.mmsim.page.Gfp;
import org.mmsim.page.GfpNames;
import org.mmsim.page.Machine;
import org.mmsim.page.Node;
import org.mmsim.page.Zone;

/**
 * The memory users and the reclaim side of a simulated machine: who owns every allocated page
 * ({@link PageOwners}), the per-node LRU lists, the accounting of the processes' anonymous folios (which the vm
 * layer maps and which reclaim and compaction reach only through its {@link Rmap}), the one page cache and shmem,
 * the one swap device, kernel and slab allocations, hugetlb pages; and the reclaim, kswapd, compaction and OOM
 * models plugged into the page allocator's slow path. The operations model the kernel paths that add and free
 * these pages: folio_add_new_anon_rmap and lru_cache_add_inactive_or_unevictable (mm/rmap.c, mm/swap.c),
 * mlock_folio (mm/mlock.c), filemap_read, filemap_fault and folio_mark_accessed (mm/filemap.c, mm/swap.c),
 * shmem_get_folio (mm/shmem.c), truncate_inode_pages, drop_caches (fs/drop_caches.c), set_max_huge_pages
 * (mm/hugetlb.c).
 */
public final class Memory {
    public final Machine machine;
    public final MmEnvironment env;
    public final MmConfig config;
    public final PageOwners owners;
    public final VmCounters counters = new VmCounters();
    public final SwapDevice swap;
    final Lruvec[] lruvecs;
    final List<AddressSpace> spaces = new ArrayList<>();
    public final Reclaim reclaim;
    public final Kswapd kswapd;
    public final CompactionApi compaction;
    public final OomKiller oom;
    /** The flusher and the dirty accounting of the page cache. */
    public final Writeback writeback;
    final SlowPathModel hooks;
    private final long[] freeBatch = new long[64];
    private XaNodeAllocator xaNodeAllocator;
    private Rmap rmap;
    private Supplier<List<OomCandidate>> tasks;
    private long[] rcuXaFrees = new long[16];
    private int rcuXaFreesLen;
    private int freeBatchLen;
    private int nextSlabId = 1;
    private final List<long[]> hugetlbPool = new ArrayList<>();
    private boolean firstThpFailureNoted;
    private IntToLongFunction slabCacheShrinker = nid -> 0;

    /**
     * The memory of a machine with these settings; {@code compaction} builds the compaction model over it
     * (org.mmsim.compaction's {@code Compaction::new}).
     */
    public Memory(Machine machine, MmConfig config, MmEnvironment env,
            Function<Memory, ? extends CompactionApi> compaction) {
        this.machine = machine;
        this.env = env;
        this.config = config;
        this.owners = new PageOwners(machine);
        this.swap = new SwapDevice(config.swapPages());
        List<Node> nodes = machine.nodes();
        lruvecs = new Lruvec[nodes.size()];
        for (int i = 0; i < lruvecs.length; i++) {
            lruvecs[i] = new Lruvec(owners, nodes.get(i).nid());
        }
        this.compaction = compaction.apply(this);
        this.reclaim = new Reclaim(this);
        this.kswapd = new Kswapd(this);
        this.oom = new OomKiller(this);
        this.writeback = new Writeback(this);
        this.hooks = new SlowPathModel(this);
        machine.setHooks(hooks);
    }

    public Lruvec lruvec(int nid) {
        return lruvecs[nid];
    }

    public List<AddressSpace> spaces() {
        return spaces;
    }

    public AddressSpace space(int id) {
        return spaces.get(id);
    }

    int nidOf(long pfn) {
        return machine.zoneOf(pfn).node().nid();
    }

    Lruvec lruvecOf(long pfn) {
        return lruvecs.length == 1 ? lruvecs[0] : lruvecs[nidOf(pfn)];
    }

    /** alloc_pages() on behalf of a task; resets the per-request slow-path state first. */
    public long allocPages(int gfp, int order) {
        hooks.beginRequest(gfp, order);
        return machine.allocPages(gfp, order);
    }

    /** __alloc_pages(gfp, order, nid) for a kernel allocator preferring node nid (SLUB, vmalloc). */
    public long allocPagesNode(int gfp, int order, int nid) {
        hooks.beginRequest(gfp, order);
        return machine.allocPages(gfp, order, nid);
    }

    /**
     * Sets what shrink_slab() and drop_slab() also do to the real slab caches of a node (the simulation's SLUB
     * frees their empty slabs); the function returns the pages it freed.
     */
    public void setSlabCacheShrinker(IntToLongFunction shrinker) {
        this.slabCacheShrinker = shrinker;
    }

    /** Runs the slab cache shrinker for a node; returns the pages freed. */
    long shrinkSlabCaches(int nid) {
        return slabCacheShrinker.applyAsLong(nid);
    }

    // ---- anonymous memory ----------------------------------------------------------------------------------

    /**
     * Sets the reverse map of the processes that map anonymous pages (the vm layer's VmSystem): reclaim ages and
     * swaps, and compaction migrates, those pages only through it.
     */
    public void setRmap(Rmap rmap) {
        this.rmap = rmap;
    }

    /** The reverse map of anonymous pages, or null while no process exists. */
    public Rmap rmap() {
        return rmap;
    }

    /**
     * folio_add_new_anon_rmap() + lru_cache_add_inactive_or_unevictable() of a freshly faulted anonymous folio
     * (a base page, or a THP's head): counted in NR_ANON_PAGES (and NR_ANON_THPS), and put on the inactive anon
     * list, or on the unevictable one in a VM_LOCKED vma (NR_MLOCK). Reclaim swaps a THP whole through
     * {@link Rmap#swapOut}; compaction leaves it.
     */
    public void addNewAnonPage(long pfn, int order, boolean mlocked) {
        owners.set(pfn, PageOwners.ANON, order, 0, 0);
        int n = 1 << order;
        counters.add(VmCounters.NR_ANON_PAGES, n);
        if (order > 0) {
            counters.inc(VmCounters.NR_ANON_THPS);
        }
        int s = owners.slot(pfn);
        if (mlocked) {
            owners.flags[s] |= PageOwners.F_UNEVICTABLE;
            counters.add(VmCounters.NR_MLOCK, n);
            lruvecOf(pfn).addHead(s, Lruvec.UNEVICTABLE);
        } else {
            lruvecOf(pfn).addHead(s, Lruvec.INACTIVE_ANON);
        }
    }

    /**
     * mlock_folio() of an anonymous folio (a base page or a THP's head) of a vma that became VM_LOCKED: PG_mlocked, NR_MLOCK, and from its
     * LRU list to the unevictable one (unless reclaim has it isolated; putback will find it unevictable).
     */
    public void mlockAnonPage(long pfn) {
        int s = owners.slot(pfn);
        if (owners.kind[s] != PageOwners.ANON || (owners.flags[s] & PageOwners.F_UNEVICTABLE) != 0) {
            return;
        }
        owners.flags[s] |= PageOwners.F_UNEVICTABLE;
        counters.add(VmCounters.NR_MLOCK, 1L << owners.order[s]);
        if ((owners.flags[s] & PageOwners.F_LRU) != 0) {
            Lruvec lv = lruvecOf(pfn);
            lv.del(s);
            owners.flags[s] &= (short) ~PageOwners.F_ACTIVE;
            lv.addHead(s, Lruvec.UNEVICTABLE);
        }
    }

    /**
     * An anonymous folio's last reference is gone (page_remove_rmap() and the final put_page()): off its LRU list
     * and out of the counters. The caller gives the pages back to the allocator.
     */
    public void freeAnonPage(long pfn) {
        int s = owners.slot(pfn);
        if (owners.kind[s] != PageOwners.ANON) {
            return;
        }
        int order = owners.order[s];
        counters.add(VmCounters.NR_ANON_PAGES, -(1L << order));
        if (order > 0) {
            counters.add(VmCounters.NR_ANON_THPS, -1);
        }
        forget(s, pfn);
    }

    /** Takes an LRU page off its list, forgets its owner and frees it (order 0 pages in batches). */
    void releaseLruPage(long pfn) {
        int s = owners.slot(pfn);
        int order = owners.order[s];
        int n = 1 << order;
        switch (owners.kind[s]) {
            case PageOwners.SHMEM -> {
                counters.add(VmCounters.NR_SHMEM, -n);
                counters.add(VmCounters.NR_FILE_PAGES, -n);
                spaces.get(owners.owner[s]).nrPages -= n;
            }
            case PageOwners.FILE -> {
                counters.add(VmCounters.NR_FILE_PAGES, -n);
                spaces.get(owners.owner[s]).nrPages -= n;
                writeback.forget(s);
            }
            default -> {
            }
        }
        forget(s, pfn);
        if (order == 0) {
            freeBatch[freeBatchLen++] = pfn;
            if (freeBatchLen == freeBatch.length) {
                flushFreeBatch();
            }
        } else {
            machine.freePages(pfn, order);
        }
    }

    /** Takes a page off its LRU list (and NR_MLOCK) and forgets its owner. */
    private void forget(int s, long pfn) {
        if ((owners.flags[s] & PageOwners.F_UNEVICTABLE) != 0) {
            counters.add(VmCounters.NR_MLOCK, -(1L << owners.order[s]));
        }
        if ((owners.flags[s] & PageOwners.F_LRU) != 0) {
            lruvecOf(pfn).del(s);
        }
        owners.clear(pfn);
    }

    /**
     * free_unref_page_list() of the pending order-0 pages, then the xa_nodes emptied meanwhile: those are freed
     * by RCU callbacks (radix_tree_node_rcu_free) after a grace period, so after the pages they indexed.
     */
    void flushFreeBatch() {
        if (freeBatchLen > 0) {
            machine.freePagesBatch(freeBatch, freeBatchLen);
            freeBatchLen = 0;
        }
        for (int i = 0; i < rcuXaFreesLen; i++) {
            xaNodeAllocator.free(rcuXaFrees[i]);
        }
        rcuXaFreesLen = 0;
    }

    /** The tasks the OOM killer chooses among (the vm layer's processes). */
    public void setTasks(Supplier<List<OomCandidate>> tasks) {
        this.tasks = tasks;
    }

    List<OomCandidate> tasks() {
        return tasks == null ? List.of() : tasks.get();
    }

    /**
     * Gives the page cache's xarray nodes a slab cache (radix_tree_node). Without one, they cost nothing. Each
     * mapping then allocates a node whenever an entry lands under an empty one, and frees it, after the pages
     * freed with it, when its last entry goes.
     */
    public void setXaNodeAllocator(XaNodeAllocator a) {
        this.xaNodeAllocator = a;
    }

    private void xaStore(AddressSpace as, int index) {
        if (xaNodeAllocator != null) {
            as.xa.add(index, rcuXaNodes);
        }
    }

    private void xaErase(AddressSpace as, int index) {
        if (xaNodeAllocator != null) {
            as.xa.remove(index, rcuXaNodes);
        }
    }

    /** The node allocator as the page cache sees it: frees wait in {@link #rcuXaFrees} for the grace period. */
    private final XaNodeAllocator rcuXaNodes = new XaNodeAllocator() {
        @Override
        public long alloc() {
            return xaNodeAllocator.alloc();
        }

        @Override
        public void free(long handle) {
            if (rcuXaFreesLen == rcuXaFrees.length) {
                rcuXaFrees = Arrays.copyOf(rcuXaFrees, rcuXaFrees.length * 2);
            }
            rcuXaFrees[rcuXaFreesLen++] = handle;
        }
    };

    /** swap_free() of a shmem entry's slot, which no swap cache holds: the slot is free again at count 0. */
    private void swapFree(long slot) {
        if (swap.free(slot) == 0) {
            swap.release(slot);
        }
    }

    // ---- page cache and shmem -----------------------------------------------------------------------------

    public AddressSpace newAddressSpace(String name, int nrPages, boolean shmem) {
        AddressSpace as = new AddressSpace(spaces.size(), name, nrPages, shmem);
        spaces.add(as);
        return as;
    }

    /**
     * A buffered read of one page (filemap_read): a cached page is marked accessed; a missing one is allocated
     * with the mapping's GFP_HIGHUSER_MOVABLE, checked against its workingset shadow (workingset_refault) and
     * added to the file LRU. Returns false if the allocation failed.
     */
    public boolean readFile(AddressSpace as, int index) {
        int p = as.pages[index];
        if (p >= 0) {
            markPageAccessed(p);
            return true;
        }
        return addToPageCache(as, index);
    }

    /**
     * A buffered write of one page of a regular file (generic_perform_write: write_begin finds or adds the page,
     * write_end marks it dirty). A tmpfs file's page is swap-backed and never dirty for the flusher. Returns false
     * if the page could not be allocated.
     */
    public boolean writeFile(AddressSpace as, int index) {
        if (as.shmem) {
            return writeShmem(as, index);
        }
        if (!readFile(as, index)) {
            return false;
        }
        writeback.markDirty(as, index, owners.slot(as.pages[index]));
        return true;
    }

    /** A write to one page of a tmpfs file (shmem_get_folio with SGP_WRITE), swapping it in if needed. */
    public boolean writeShmem(AddressSpace as, int index) {
        int p = as.pages[index];
        if (p >= 0) {
            markPageAccessed(p);
            return true;
        }
        return addToPageCache(as, index);
    }

    private boolean addToPageCache(AddressSpace as, int index) {
        long pfn = allocPages(Gfp.GFP_HIGHUSER_MOVABLE, 0);
        if (pfn < 0) {
            return false;
        }
        if (!as.hasEntry(index)) {
            xaStore(as, index);
        }
        int s = owners.slot(pfn);
        Lruvec lv = lruvecOf(pfn);
        boolean active = false;
        if (as.shmem) {
            if (AddressSpace.isSwapEntry(as.pages[index])) {
                swapFree(AddressSpace.swapSlot(as.pages[index]));
                as.swapEntries--;
                counters.inc(VmCounters.PSWPIN);
                counters.inc(VmCounters.PGMAJFAULT);
            }
            owners.set(pfn, PageOwners.SHMEM, 0, as.id, index);
            counters.inc(VmCounters.NR_SHMEM);
        } else {
            owners.set(pfn, PageOwners.FILE, 0, as.id, index);
            long shadow = as.shadow[index];
            if (shadow != 0) {
                as.shadow[index] = 0;
                active = reclaim.workingsetRefault(lv, shadow - 1);
                if (active) {
                    owners.flags[s] |= PageOwners.F_WORKINGSET;
                }
            }
        }
        as.pages[index] = (int) pfn;
        as.nrPages++;
        counters.inc(VmCounters.NR_FILE_PAGES);
        if (active) {
            owners.flags[s] |= PageOwners.F_ACTIVE;
        }
        lv.addHead(s, as.shmem ? Lruvec.lruOf(false, active) : Lruvec.lruOf(true, active));
        return true;
    }

    /**
     * folio_mark_accessed(): an inactive, referenced page is activated (workingset_activation); otherwise the
     * page is marked referenced. This is the "second reference" rule of the kernel's LRU aging.
     */
    public void markPageAccessed(long pfn) {
        int s = owners.slot(pfn);
        int f = owners.flags[s];
        if ((f & PageOwners.F_REFERENCED) != 0 && (f & (PageOwners.F_ACTIVE | PageOwners.F_UNEVICTABLE)) == 0
                && (f & PageOwners.F_LRU) != 0) {
            Lruvec lv = lruvecOf(pfn);
            boolean file = owners.kind[s] == PageOwners.FILE;
            lv.del(s);
            owners.flags[s] = (short) ((owners.flags[s] | PageOwners.F_ACTIVE) & ~PageOwners.F_REFERENCED);
            lv.addHead(s, Lruvec.lruOf(file, true));
            counters.inc(VmCounters.PGACTIVATE);
            lv.nonresidentAge++;
        } else if ((f & PageOwners.F_REFERENCED) == 0) {
            owners.flags[s] |= PageOwners.F_REFERENCED;
        }
    }

    /**
     * The page cache's page at {@code index}, read in (or, for shmem, found or added) if absent, and marked mapped
     * ({@link PageOwners#F_MAPPED}): filemap_fault() and shmem_fault() for a process mapping it. -1 when the page
     * could not be allocated.
     */
    public long faultPage(AddressSpace as, int index) {
        if (!readFile(as, index)) {
            return -1;
        }
        int p = as.pages[index];
        owners.flags[owners.slot(p)] |= PageOwners.F_MAPPED;
        return p;
    }

    /** truncate_inode_pages() and unlink: frees the cached pages, shadows and swap entries. */
    public void truncate(AddressSpace as) {
        for (int i = 0; i < as.pages.length; i++) {
            boolean had = as.hasEntry(i);
            int p = as.pages[i];
            if (p >= 0) {
                releaseLruPage(p);
            } else if (AddressSpace.isSwapEntry(p)) {
                swapFree(AddressSpace.swapSlot(p));
                as.swapEntries--;
            }
            as.pages[i] = AddressSpace.NONE;
            if (as.shadow != null) {
                as.shadow[i] = 0;
            }
            if (had) {
                xaErase(as, i);
            }
        }
        flushFreeBatch();
    }

    /**
     * echo N > /proc/sys/vm/drop_caches: 1 invalidates the clean, unmapped page cache of every file
     * (invalidate_mapping_pages: dirty pages and pages under writeback stay; shmem is not dropped), 2 shrinks the
     * slab caches (drop_slab), 3 both.
     */
    public void dropCaches(int value) {
        if ((value & 1) != 0) {
            for (AddressSpace as : spaces) {
                if (as.shmem) {
                    continue;
                }
                for (int i = 0; i < as.pages.length; i++) {
                    if (as.pages[i] >= 0 && !owners.hasFlag(as.pages[i],
                            PageOwners.F_DIRTY | PageOwners.F_WRITEBACK | PageOwners.F_MAPPED)) {
                        releaseLruPage(as.pages[i]);
                        as.pages[i] = AddressSpace.NONE;
                        if (!as.hasEntry(i)) {
                            xaErase(as, i);
                        }
                    }
                }
            }
            flushFreeBatch();
            counters.inc(VmCounters.DROP_PAGECACHE);
        }
        if ((value & 2) != 0) {
            for (Lruvec lv : lruvecs) {
                reclaim.shrinkSlabList(lv, Long.MAX_VALUE);
                shrinkSlabCaches(lv.nid);
            }
            counters.inc(VmCounters.DROP_SLAB);
        }
    }

    // ---- kernel allocations --------------------------------------------------------------------------------

    /** An unmovable kernel allocation (alloc_pages with a kernel gfp); -1 on failure. */
    public long allocKernel(int gfp, int order) {
        long pfn = allocPages(gfp, order);
        if (pfn < 0) {
            counters.inc(VmCounters.KERNEL_ALLOC_FAIL);
            return -1;
        }
        owners.set(pfn, PageOwners.KERNEL, order, 0, 0);
        counters.add(VmCounters.NR_KERNEL_PAGES, 1L << order);
        return pfn;
    }

    public void freeKernel(long pfn) {
        int order = owners.order(pfn);
        owners.clear(pfn);
        counters.add(VmCounters.NR_KERNEL_PAGES, -(1L << order));
        machine.freePages(pfn, order);
    }

    /**
     * A new slab page (allocate_slab: GFP_KERNEL, plus __GFP_RECLAIMABLE for SLAB_RECLAIM_ACCOUNT caches);
     * reclaimable ones go on the list the shrinkers walk. Returns the slab's id (to free it later), or 0.
     */
    public int allocSlab(boolean reclaimable, long[] pfnOut) {
        long pfn = allocPages(reclaimable ? Gfp.GFP_KERNEL | Gfp.__GFP_RECLAIMABLE : Gfp.GFP_KERNEL, 0);
        if (pfn < 0) {
            counters.inc(VmCounters.KERNEL_ALLOC_FAIL);
            return 0;
        }
        int id = nextSlabId++;
        owners.set(pfn, reclaimable ? PageOwners.SLAB_RECLAIMABLE : PageOwners.SLAB_UNRECLAIMABLE, 0, id, 0);
        if (reclaimable) {
            counters.inc(VmCounters.NR_SLAB_RECLAIMABLE);
            lruvecOf(pfn).addHead(owners.slot(pfn), Lruvec.SLAB);
        } else {
            counters.inc(VmCounters.NR_SLAB_UNRECLAIMABLE);
        }
        pfnOut[0] = pfn;
        return id;
    }

    /** Frees a slab page if it still belongs to slab {@code id} (a shrinker may have freed it already). */
    public boolean freeSlab(long pfn, int id) {
        int s = owners.slot(pfn);
        int k = owners.kind[s];
        if ((k != PageOwners.SLAB_RECLAIMABLE && k != PageOwners.SLAB_UNRECLAIMABLE) || owners.owner[s] != id) {
            return false;
        }
        freeSlabSlot(s);
        return true;
    }

    void freeSlabSlot(int s) {
        long pfn = owners.pfn(s);
        if (owners.kind[s] == PageOwners.SLAB_RECLAIMABLE) {
            lruvecOf(pfn).del(s);
            counters.add(VmCounters.NR_SLAB_RECLAIMABLE, -1);
        } else {
            counters.add(VmCounters.NR_SLAB_UNRECLAIMABLE, -1);
        }
        owners.clear(pfn);
        machine.freePages(pfn, 0);
    }

    // ---- huge pages ----------------------------------------------------------------------------------------

    /** A THP allocation that is held (not mapped): -1 on failure. Notes the first failure. */
    public long allocThp(int gfp) {
        int order = machine.arch().pageblockOrder();
        counters.inc(VmCounters.THP_ALLOC_ATTEMPTS);
        long pfn = allocPages(gfp | Gfp.__GFP_COMP, order);
        if (pfn < 0) {
            if (!firstThpFailureNoted) {
                firstThpFailureNoted = true;
                env.note("first THP allocation failure (order-" + order + " " + GfpNames.format(gfp) + ")");
            }
            return -1;
        }
        counters.inc(VmCounters.THP_ALLOC_SUCCESS);
        owners.set(pfn, PageOwners.THP_HELD, order, 0, 0);
        return pfn;
    }

    public void freeThp(long pfn) {
        int order = owners.order(pfn);
        owners.clear(pfn);
        machine.freePages(pfn, order);
    }

    /**
     * echo count > /proc/sys/vm/nr_hugepages (set_max_huge_pages): allocates order-9 pool pages with
     * htlb_alloc_mask | __GFP_COMP | __GFP_RETRY_MAYFAIL | __GFP_NOWARN | __GFP_THISNODE, node by node
     * (alloc_pool_huge_page), adding __GFP_NORETRY on a node after it failed once, and stops at the first
     * round in which no node could give one. Returns the pool size.
     */
    public long setNrHugepages(long count) {
        int order = machine.arch().pageblockOrder();
        int nrNodes = machine.nodes().size();
        boolean[] noretry = new boolean[nrNodes];
        int nextNode = 0;
        while (hugetlbPool.size() < count) {
            long pfn = -1;
            for (int tries = 0; tries < nrNodes && pfn < 0; tries++) {
                int nid = machine.nodes().get(nextNode).nid();
                nextNode = (nextNode + 1) % nrNodes;
                int gfp = Gfp.GFP_HIGHUSER_MOVABLE | Gfp.__GFP_COMP | Gfp.__GFP_RETRY_MAYFAIL | Gfp.__GFP_NOWARN
                        | Gfp.__GFP_THISNODE | (noretry[nid] ? Gfp.__GFP_NORETRY : 0);
                hooks.beginRequest(gfp, order);
                pfn = machine.allocPages(gfp, order, nid);
                noretry[nid] = pfn < 0;
                counters.inc(pfn < 0 ? VmCounters.HTLB_BUDDY_ALLOC_FAIL : VmCounters.HTLB_BUDDY_ALLOC_SUCCESS);
            }
            if (pfn < 0) {
                break;
            }
            owners.set(pfn, PageOwners.HUGETLB, order, 0, 0);
            hugetlbPool.add(new long[] {pfn});
        }
        while (hugetlbPool.size() > count) {
            long pfn = hugetlbPool.remove(hugetlbPool.size() - 1)[0];
            owners.clear(pfn);
            machine.freePages(pfn, order);
        }
        counters.set(VmCounters.NR_HUGEPAGES, hugetlbPool.size());
        return hugetlbPool.size();
    }

    /** Pages of all LRU lists of a node that reclaim could free in a zone, for should_reclaim_retry. */
    long zoneReclaimablePages(Zone z) {
        Lruvec lv = lruvecs[z.node().nid()];
        long nr = lv.size(Lruvec.INACTIVE_FILE) + lv.size(Lruvec.ACTIVE_FILE);
        if (swap.freePages() > 0) {
            nr += lv.size(Lruvec.INACTIVE_ANON) + lv.size(Lruvec.ACTIVE_ANON);
        }
        long nodeManaged = 0;
        for (Zone x : z.node().zones()) {
            nodeManaged += x.managedPages();
        }
        return nodeManaged == 0 ? 0 : nr * z.managedPages() / nodeManaged;
    }
}
