package org.mmsim.kernel.slab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.mmsim.page.Gfp;
import org.mmsim.page.init.BootOutOfMemory;
import org.mmsim.kernel.KernelMath;
import org.mmsim.kernel.PageSource;

/**
 * The SLUB allocator of Linux 6.1 (mm/slub.c with mm/slab_common.c): cache creation and merging
 * (kmem_cache_create_usercopy(), find_mergeable(), kmem_cache_open()), the allocation paths
 * (slab_alloc_node() fast path, ___slab_alloc(), get_partial_node(), get_any_partial(), allocate_slab()),
 * the free paths (do_slab_free(), __slab_free(), put_cpu_partial(), __unfreeze_partials(), deactivate_slab()),
 * kmem_cache_shrink() (__kmem_cache_shrink()) and the NR_SLAB_RECLAIMABLE_B / NR_SLAB_UNRECLAIMABLE_B counters.
 * Boot ({@link #boot}) follows kmem_cache_init() and create_kmalloc_caches().
 *
 * <p>Data layout: slabs live in a table of primitive arrays indexed by a slab id; each slab's free pointers are
 * one {@code int[]} of next-object indices (the free pointer stored inside each free object in the kernel), -1
 * ending a chain. A pfn-indexed array maps every page of a slab to its slab id, as page->slab_cache does.
 *
 * <p>Object addresses are physical: {@code (pfn << PAGE_SHIFT) + index * s->size}. The direct-map virtual
 * address is this plus the architecture's PAGE_OFFSET; keeping the physical form makes the model independent of
 * the address layout and lets callers find the pfn with one shift.
 *
 * <p>Not modelled: debug caches (red zones, poisoning, user tracking, their sizing and free paths), freelist
 * randomization and hardening (objects are handed out in address order), RCU-delayed slab freeing
 * (SLAB_TYPESAFE_BY_RCU slabs are freed at once), pfmemalloc slabs, and the 1-in-43 chance get_any_partial()
 * skips remote nodes (get_cycles() % 1024 > remote_node_defrag_ratio): the model always searches them.
 */
public final class Slub {
    /** NUMA_NO_NODE. */
    public static final int NUMA_NO_NODE = -1;
    /** SHRINK_PROMOTE_MAX. */
    static final int SHRINK_PROMOTE_MAX = 32;

    private static final int GFP_RECLAIM_MASK = Gfp.__GFP_RECLAIM | Gfp.__GFP_HIGH | Gfp.__GFP_IO | Gfp.__GFP_FS
            | Gfp.__GFP_NOWARN | Gfp.__GFP_RETRY_MAYFAIL | Gfp.__GFP_NOFAIL | Gfp.__GFP_NORETRY | Gfp.__GFP_MEMALLOC
            | Gfp.__GFP_NOMEMALLOC | Gfp.__GFP_NOLOCKDEP;
    private static final int GFP_CONSTRAINT_MASK = Gfp.__GFP_HARDWALL | Gfp.__GFP_THISNODE;

    private enum SlabState { DOWN, PARTIAL, UP }

    private final SlubParams params;
    private final SlubSizing sizing;
    private final PageSource pages;
    private final int pageShift;
    private final int nodes;
    private final int cpus;
    private final List<KmemCache> caches = new ArrayList<>();
    private int nextCacheId;
    private KmemCache[] cacheById = new KmemCache[16];
    private SlabState slabState = SlabState.DOWN;
    private KmemCache kmemCache;
    private KmemCache kmemCacheNode;
    private Kmalloc kmalloc;

    /** pfn -> slab id + 1 (0: not a slab page). */
    private final int[] slabOfPfn;

    // The slab table (struct slab fields), indexed by slab id.
    private int slabCapacity;
    private int slabCount;
    private long[] slabPfn;
    private long[] slabBase;
    private int[] slabCache;
    private byte[] slabOrder;
    private int[] slabNid;
    private int[] slabObjects;
    private int[] slabInuse;
    private int[] slabFreelist;
    private boolean[] slabFrozen;
    private int[] slabNext;
    private int[] slabPrev;
    private int[] slabCpuNext;
    private int[] slabSlabs;
    private int[][] slabLinks;
    private int[] freeSlabIds;
    private int freeSlabIdCount;

    private final long[] nrSlabReclaimable;
    private final long[] nrSlabUnreclaimable;
    private long orderFallbacks;

    /** A SLUB instance with no caches yet; use {@link #boot} for one that has gone through kmem_cache_init(). */
    public Slub(SlubParams params, PageSource pages) {
        if (pages.pageShift() != params.pageShift()) {
            throw new IllegalArgumentException("page source and SLUB disagree on PAGE_SHIFT");
        }
        if (pages.endPfn() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many pfns for the slab map: " + pages.endPfn());
        }
        this.params = params;
        this.sizing = new SlubSizing(params);
        this.pages = pages;
        this.pageShift = params.pageShift();
        this.nodes = params.nrNodeIds();
        this.cpus = params.nrCpuIds();
        this.slabOfPfn = new int[(int) pages.endPfn()];
        this.nrSlabReclaimable = new long[nodes];
        this.nrSlabUnreclaimable = new long[nodes];
        growSlabTable(64);
    }

    /**
     * kmem_cache_init(): creates kmem_cache_node and kmem_cache from static boot copies, bootstraps them into
     * real objects, then the kmalloc caches (create_kmalloc_caches()), in the kernel's order.
     */
    public static Slub boot(SlubParams params, PageSource pages) {
        Slub s = new Slub(params, pages);
        s.kmemCacheInit();
        return s;
    }

    private void kmemCacheInit() {
        kmemCacheNode = createBootCache("kmem_cache_node", params.kmemCacheNodeSize(), SlabFlags.SLAB_HWCACHE_ALIGN,
                0);
        slabState = SlabState.PARTIAL;
        kmemCache = createBootCache("kmem_cache",
                params.kmemCacheNodeArray() + params.nrNodeIds() * params.pointerSize(),
                SlabFlags.SLAB_HWCACHE_ALIGN, 0);
        bootstrap(kmemCache);
        bootstrap(kmemCacheNode);
        kmalloc = new Kmalloc(this, params);
        kmalloc.createKmallocCaches();
        slabState = SlabState.UP;
    }

    /** The line kmem_cache_init() prints at the end of boot: "SLUB: HWalign=64, Order=0-3, MinObjects=0, ...". */
    public String bootMessage() {
        return "SLUB: HWalign=" + params.cacheLineSize() + ", Order=" + params.slubMinOrder() + "-"
                + params.slubMaxOrder() + ", MinObjects=" + params.slubMinObjects() + ", CPUs=" + params.nrCpuIds()
                + ", Nodes=" + params.nrNodeIds();
    }

    /** bootstrap(): moves a static boot cache into an object of kmem_cache and flushes its CPU slab. */
    private void bootstrap(KmemCache s) {
        s.structAddress = kmemCacheAlloc(kmemCache, Gfp.GFP_NOWAIT, 0);
        flushCpuSlab(s, 0);
        caches.add(s);
    }

    /** create_boot_cache(): a cache with boot alignment (ARCH_KMALLOC_MINALIGN, natural for powers of two). */
    private KmemCache createBootCache(String name, int size, int flags, int usersize) {
        int align = sizing.bootCacheAlignment(flags, size);
        KmemCache s = kmemCacheOpen(name, size, align, flags, false, usersize);
        s.refcount = -1;
        return s;
    }

    /** create_kmalloc_cache(): allocates the struct from kmem_cache, creates the cache and lists it. */
    KmemCache createKmallocCache(String name, int size, int flags) {
        long struct = kmemCacheAlloc(kmemCache, Gfp.GFP_NOWAIT, 0);
        KmemCache s = createBootCache(name, size, flags | SlabFlags.SLAB_KMALLOC, size);
        s.structAddress = struct;
        caches.add(s);
        s.refcount = 1;
        return s;
    }

    /** kmem_cache_create(): see {@link #kmemCacheCreate(String, int, int, int, boolean, int)}. */
    public KmemCache kmemCacheCreate(String name, int size, int align, int flags) {
        return kmemCacheCreate(name, size, align, flags, false, 0);
    }

    /**
     * kmem_cache_create_usercopy(): returns an existing cache this one can be merged into (__kmem_cache_alias(),
     * find_mergeable()), or creates a new cache (create_cache()) whose struct is an object of kmem_cache.
     *
     * @param hasCtor  whether the caller passes a constructor (moves the free pointer out of the object and
     *                 prevents merging)
     * @param usersize the usercopy region size; non-zero prevents merging
     */
    public KmemCache kmemCacheCreate(String name, int size, int align, int flags, boolean hasCtor, int usersize) {
        if (slabState != SlabState.UP) {
            throw new IllegalStateException("kmem_cache_create before kmem_cache_init");
        }
        if (usersize == 0) {
            KmemCache alias = findMergeable(size, align, flags, hasCtor);
            if (alias != null) {
                alias.refcount++;
                alias.objectSize = Math.max(alias.objectSize, size);
                alias.inuse = Math.max(alias.inuse, KernelMath.align(size, params.pointerSize()));
                return alias;
            }
        }
        long struct = kmemCacheAlloc(kmemCache, Gfp.GFP_KERNEL, 0);
        KmemCache s = kmemCacheOpen(name, size, sizing.calculateAlignment(flags, align, size), flags, hasCtor,
                usersize);
        s.structAddress = struct;
        s.refcount = 1;
        caches.add(s);
        return s;
    }

    /**
     * kmem_cache_destroy(): drops a reference; the last one shuts the cache down (__kmem_cache_shutdown(): flush
     * the CPU slabs, free the empty node partial slabs) and, if no slab is left, unlists it and frees its
     * kmem_cache_node and kmem_cache objects. Returns false when objects remain (the kernel then reports
     * "Objects remaining" and keeps the cache).
     */
    public boolean kmemCacheDestroy(KmemCache s) {
        if (s.refcount < 0 || s == kmemCache || s == kmemCacheNode) {
            throw new IllegalArgumentException("kmem_cache_destroy(" + s.name + "): boot caches are never destroyed");
        }
        if (--s.refcount > 0) {
            return true;
        }
        flushAll(s);
        boolean busy = false;
        for (int node = 0; node < nodes; node++) {
            int slab = s.partialHead[node];
            while (slab >= 0) {
                int next = slabNext[slab];
                if (slabInuse[slab] == 0) {
                    removePartial(s, slab);
                    discardSlab(s, slab);
                }
                slab = next;
            }
            busy |= s.nrSlabs[node] > 0;
        }
        if (busy) {
            return false;
        }
        caches.remove(s);
        for (int node = 0; node < nodes; node++) {
            kmemCacheFree(kmemCacheNode, s.nodeStructAddress[node], 0);
        }
        kmemCacheFree(kmemCache, s.structAddress, 0);
        return true;
    }

    /** find_mergeable(): the oldest mergeable cache whose objects can hold these. */
    private KmemCache findMergeable(int size, int align, int flags, boolean hasCtor) {
        if (hasCtor) {
            return null;
        }
        size = KernelMath.align(size, params.pointerSize());
        align = sizing.calculateAlignment(flags, align, size);
        size = KernelMath.align(size, align);
        if ((flags & SlabFlags.SLAB_NEVER_MERGE) != 0) {
            return null;
        }
        for (KmemCache s : caches) {
            if ((s.flags & SlabFlags.SLAB_NEVER_MERGE) != 0 || s.hasCtor || s.usersize != 0 || s.refcount < 0) {
                continue;
            }
            if (size > s.size) {
                continue;
            }
            if ((flags & SlabFlags.SLAB_MERGE_SAME) != (s.flags & SlabFlags.SLAB_MERGE_SAME)) {
                continue;
            }
            if ((s.size & ~(align - 1)) != s.size) {
                continue;
            }
            if (s.size - size >= params.pointerSize()) {
                continue;
            }
            return s;
        }
        return null;
    }

    /** kmem_cache_open(): sizes, min_partial, cpu_partial, and the per-node structs. */
    private KmemCache kmemCacheOpen(String name, int size, int align, int flags, boolean hasCtor, int usersize) {
        CacheLayout layout = sizing.calculateSizes(size, align, flags, hasCtor);
        if (layout == null) {
            throw new IllegalArgumentException("kmem_cache_open(" + name + "): no slab order fits size " + size);
        }
        boolean cpuPartial = (flags & SlabFlags.SLAB_DEBUG_FLAGS) == 0;
        int nrObjects = cpuPartial ? sizing.cpuPartialObjects(layout.size()) : 0;
        KmemCache s = new KmemCache(nextCacheId++, name, size, align, flags, hasCtor, usersize, layout,
                SlubSizing.minPartial(layout.size()), nrObjects,
                SlubSizing.cpuPartialSlabs(nrObjects, layout.objects()), cpus, nodes);
        if (s.id == cacheById.length) {
            cacheById = Arrays.copyOf(cacheById, cacheById.length * 2);
        }
        cacheById[s.id] = s;
        if (slabState == SlabState.DOWN) {
            for (int node = 0; node < nodes; node++) {
                earlyKmemCacheNodeAlloc(s, node);
            }
        } else {
            for (int node = 0; node < nodes; node++) {
                s.nodeStructAddress[node] = kmemCacheAllocNode(kmemCacheNode, Gfp.GFP_KERNEL, node, 0);
            }
        }
        return s;
    }

    /** early_kmem_cache_node_alloc(): the first kmem_cache_node object on a node, taken by hand from a new slab. */
    private void earlyKmemCacheNodeAlloc(KmemCache s, int node) {
        int slab = allocateSlab(s, Gfp.GFP_NOWAIT, node);
        if (slab < 0) {
            throw new BootOutOfMemory(BootOutOfMemory.Source.KERNEL, "SLUB's first kmem_cache_node on node " + node,
                    1L << s.layout.minOrder(), -1);
        }
        int obj = slabFreelist[slab];
        slabFreelist[slab] = slabLinks[slab][obj];
        slabInuse[slab] = 1;
        s.nodeStructAddress[node] = slabBase[slab] + (long) obj * s.size;
        incSlabsNode(s, node, slabObjects[slab]);
        addPartial(s, slab, false);
    }

    // ---------------------------------------------------------------- allocation

    /** kmem_cache_alloc() on a CPU: returns the object's address, or 0 when no memory. */
    public long kmemCacheAlloc(KmemCache s, int gfp, int cpu) {
        int obj = s.cpuFreelist[cpu];
        if (obj >= 0) {
            int slab = s.cpuSlab[cpu];
            s.cpuFreelist[cpu] = slabLinks[slab][obj];
            return slabBase[slab] + (long) obj * s.size;
        }
        return slabAllocSlow(s, gfp, NUMA_NO_NODE, cpu);
    }

    /** kmem_cache_alloc_node(): an object from a slab of {@code node} (or any node for NUMA_NO_NODE). */
    public long kmemCacheAllocNode(KmemCache s, int gfp, int node, int cpu) {
        int obj = s.cpuFreelist[cpu];
        if (obj >= 0) {
            int slab = s.cpuSlab[cpu];
            if (node == NUMA_NO_NODE || slabNid[slab] == node) {
                s.cpuFreelist[cpu] = slabLinks[slab][obj];
                return slabBase[slab] + (long) obj * s.size;
            }
        }
        return slabAllocSlow(s, gfp, node, cpu);
    }

    /** ___slab_alloc(): refill from the CPU slab, the per-CPU partials, the node partials, or a new slab. */
    private long slabAllocSlow(KmemCache s, int gfp, int node, int cpu) {
        if (node != NUMA_NO_NODE && node >= nodes) {
            node = NUMA_NO_NODE;
        }
        int slab = s.cpuSlab[cpu];
        while (true) {
            if (slab >= 0) {
                if (node != NUMA_NO_NODE && slabNid[slab] != node) {
                    int freelist = s.cpuFreelist[cpu];
                    s.cpuSlab[cpu] = -1;
                    s.cpuFreelist[cpu] = -1;
                    deactivateSlab(s, slab, freelist);
                } else {
                    int freelist = s.cpuFreelist[cpu];
                    if (freelist < 0) {
                        freelist = getFreelist(slab);
                    }
                    if (freelist >= 0) {
                        return loadFreelist(s, slab, freelist, cpu);
                    }
                    s.cpuSlab[cpu] = -1;
                }
            }
            // new_slab: take the next per-CPU partial slab and retry with it.
            int partial = s.cpuPartialHead[cpu];
            if (partial < 0) {
                break;
            }
            s.cpuPartialHead[cpu] = slabCpuNext[partial];
            s.cpuSlab[cpu] = partial;
            slab = partial;
        }
        // new_objects
        int freelist = getPartial(s, node, cpu);
        if (freelist >= 0) {
            slab = acquiredSlab;
        } else {
            int nid = node == NUMA_NO_NODE ? params.cpuNode(cpu) : node;
            slab = allocateSlab(s, gfp, nid);
            if (slab < 0) {
                return 0;
            }
            freelist = slabFreelist[slab];
            slabFreelist[slab] = -1;
            slabInuse[slab] = slabObjects[slab];
            slabFrozen[slab] = true;
            incSlabsNode(s, slabNid[slab], slabObjects[slab]);
        }
        if (s.cpuSlab[cpu] >= 0) {
            int flushSlab = s.cpuSlab[cpu];
            int flushFreelist = s.cpuFreelist[cpu];
            s.cpuSlab[cpu] = -1;
            s.cpuFreelist[cpu] = -1;
            deactivateSlab(s, flushSlab, flushFreelist);
        }
        s.cpuSlab[cpu] = slab;
        return loadFreelist(s, slab, freelist, cpu);
    }

    private long loadFreelist(KmemCache s, int slab, int freelist, int cpu) {
        s.cpuFreelist[cpu] = slabLinks[slab][freelist];
        return slabBase[slab] + (long) freelist * s.size;
    }

    /** get_freelist(): takes the slab's freelist for the CPU; the slab stays frozen only if it had one. */
    private int getFreelist(int slab) {
        int freelist = slabFreelist[slab];
        slabFreelist[slab] = -1;
        slabInuse[slab] = slabObjects[slab];
        slabFrozen[slab] = freelist >= 0;
        return freelist;
    }

    /** The slab get_partial() acquired for the CPU. */
    private int acquiredSlab = -1;

    /** get_partial(): the local (or requested) node's partial list, then other nodes' (get_any_partial()). */
    private int getPartial(KmemCache s, int node, int cpu) {
        int searchNode = node == NUMA_NO_NODE ? params.cpuNode(cpu) : node;
        int obj = getPartialNode(s, searchNode, cpu);
        if (obj >= 0 || node != NUMA_NO_NODE) {
            return obj;
        }
        for (int i = 1; i < nodes; i++) {
            int n = (searchNode + i) % nodes;
            if (s.nrPartial[n] > s.minPartial) {
                obj = getPartialNode(s, n, cpu);
                if (obj >= 0) {
                    return obj;
                }
            }
        }
        return -1;
    }

    /**
     * get_partial_node(): freezes the first partial slab for the CPU (acquire_slab() taking its whole freelist),
     * then moves more onto the per-CPU partial list until more than cpu_partial_slabs / 2 were moved.
     */
    private int getPartialNode(KmemCache s, int node, int cpu) {
        if (s.nrPartial[node] == 0) {
            return -1;
        }
        int object = -1;
        int partialSlabs = 0;
        boolean cpuPartial = (s.flags & SlabFlags.SLAB_DEBUG_FLAGS) == 0;
        int slab = s.partialHead[node];
        while (slab >= 0) {
            int next = slabNext[slab];
            removePartial(s, slab);
            slabFrozen[slab] = true;
            if (object < 0) {
                object = slabFreelist[slab];
                slabFreelist[slab] = -1;
                slabInuse[slab] = slabObjects[slab];
                acquiredSlab = slab;
            } else {
                putCpuPartial(s, slab, false, cpu);
                partialSlabs++;
            }
            if (!cpuPartial || partialSlabs > s.cpuPartialSlabs / 2) {
                break;
            }
            slab = next;
        }
        return object;
    }

    /**
     * allocate_slab(): a slab of the preferred order with __GFP_NORETRY (no direct reclaim for costly orders),
     * falling back to s->min; builds its freelist in address order and accounts its pages.
     */
    private int allocateSlab(KmemCache s, int gfp, int nid) {
        int flags = (gfp & (GFP_RECLAIM_MASK | GFP_CONSTRAINT_MASK)) | s.allocflags;
        int allocGfp = (flags | Gfp.__GFP_NOWARN | Gfp.__GFP_NORETRY) & ~Gfp.__GFP_NOFAIL;
        int order = s.order;
        int objects = s.objects;
        if ((allocGfp & Gfp.__GFP_DIRECT_RECLAIM) != 0 && order > s.layout.minOrder()) {
            allocGfp = (allocGfp | Gfp.__GFP_NOMEMALLOC) & ~Gfp.__GFP_RECLAIM;
        }
        long pfn = pages.allocPages(allocGfp, order, nid);
        if (pfn == PageSource.NO_PAGE) {
            order = s.layout.minOrder();
            objects = s.layout.minObjects();
            pfn = pages.allocPages(flags, order, nid);
            if (pfn == PageSource.NO_PAGE) {
                return -1;
            }
            orderFallbacks++;
        }
        int slab = newSlabId();
        int node = pages.pfnToNid(pfn);
        slabPfn[slab] = pfn;
        slabBase[slab] = pfn << pageShift;
        slabCache[slab] = s.id;
        slabOrder[slab] = (byte) order;
        slabNid[slab] = node;
        slabObjects[slab] = objects;
        slabInuse[slab] = 0;
        slabFrozen[slab] = false;
        slabNext[slab] = -1;
        slabPrev[slab] = -1;
        slabCpuNext[slab] = -1;
        slabSlabs[slab] = 0;
        int[] links = slabLinks[slab];
        if (links == null || links.length < objects) {
            links = new int[objects];
            slabLinks[slab] = links;
        }
        for (int i = 0; i < objects - 1; i++) {
            links[i] = i + 1;
        }
        links[objects - 1] = -1;
        slabFreelist[slab] = 0;
        int n = 1 << order;
        for (int i = 0; i < n; i++) {
            slabOfPfn[(int) (pfn + i)] = slab + 1;
        }
        s.pages += n;
        if (s.reclaimable()) {
            nrSlabReclaimable[node] += n;
        } else {
            nrSlabUnreclaimable[node] += n;
        }
        return slab;
    }

    // ---------------------------------------------------------------- free

    /** kmem_cache_free() on a CPU. */
    public void kmemCacheFree(KmemCache s, long address, int cpu) {
        int slab = slabOfAddress(address);
        if (slab < 0 || slabCache[slab] != s.id) {
            throw new IllegalArgumentException("kmem_cache_free(" + s.name + "): 0x" + Long.toHexString(address)
                    + " is not an object of this cache");
        }
        freeObject(s, slab, address, cpu);
    }

    void freeObject(KmemCache s, int slab, long address, int cpu) {
        int obj = s.objectIndex(address - slabBase[slab]);
        if (slab == s.cpuSlab[cpu]) {
            slabLinks[slab][obj] = s.cpuFreelist[cpu];
            s.cpuFreelist[cpu] = obj;
            return;
        }
        slabFree(s, slab, obj, cpu);
    }

    /** __slab_free(): a free into a slab that is not this CPU's slab. */
    private void slabFree(KmemCache s, int slab, int obj, int cpu) {
        int prior = slabFreelist[slab];
        slabLinks[slab][obj] = prior;
        slabFreelist[slab] = obj;
        boolean wasFrozen = slabFrozen[slab];
        int inuse = --slabInuse[slab];
        boolean cpuPartial = (s.flags & SlabFlags.SLAB_DEBUG_FLAGS) == 0;
        boolean nodeLocked = false;
        if ((inuse == 0 || prior < 0) && !wasFrozen) {
            if (cpuPartial && prior < 0) {
                slabFrozen[slab] = true;
            } else {
                nodeLocked = true;
            }
        }
        if (!nodeLocked) {
            if (!wasFrozen && slabFrozen[slab]) {
                putCpuPartial(s, slab, true, cpu);
            }
            return;
        }
        int node = slabNid[slab];
        if (inuse == 0 && s.nrPartial[node] >= s.minPartial) {
            if (prior >= 0) {
                removePartial(s, slab);
            }
            discardSlab(s, slab);
            return;
        }
        if (!cpuPartial && prior < 0) {
            addPartial(s, slab, true);
        }
    }

    /** put_cpu_partial(): pushes a frozen slab on the CPU's partial list, draining it first when full. */
    private void putCpuPartial(KmemCache s, int slab, boolean drain, int cpu) {
        int old = s.cpuPartialHead[cpu];
        int slabs = 0;
        if (old >= 0) {
            if (drain && slabSlabs[old] >= s.cpuPartialSlabs) {
                s.cpuPartialHead[cpu] = -1;
                unfreezePartials(s, old);
                old = -1;
            } else {
                slabs = slabSlabs[old];
            }
        }
        slabSlabs[slab] = slabs + 1;
        slabCpuNext[slab] = old;
        s.cpuPartialHead[cpu] = slab;
    }

    /** __unfreeze_partials(): puts a chain of per-CPU partial slabs back on node lists, freeing surplus empties. */
    private void unfreezePartials(KmemCache s, int chain) {
        int discard = -1;
        while (chain >= 0) {
            int slab = chain;
            chain = slabCpuNext[slab];
            slabCpuNext[slab] = -1;
            slabFrozen[slab] = false;
            if (slabInuse[slab] == 0 && s.nrPartial[slabNid[slab]] >= s.minPartial) {
                slabCpuNext[slab] = discard;
                discard = slab;
            } else {
                addPartial(s, slab, true);
            }
        }
        while (discard >= 0) {
            int slab = discard;
            discard = slabCpuNext[slab];
            discardSlab(s, slab);
        }
    }

    /** deactivate_slab(): returns a CPU slab and the CPU's freelist for it to the node. */
    private void deactivateSlab(KmemCache s, int slab, int freelist) {
        boolean toTail = slabFreelist[slab] >= 0;
        int[] links = slabLinks[slab];
        int freeDelta = 0;
        int tail = -1;
        for (int o = freelist; o >= 0; o = links[o]) {
            tail = o;
            freeDelta++;
        }
        if (tail >= 0) {
            links[tail] = slabFreelist[slab];
            slabFreelist[slab] = freelist;
            slabInuse[slab] -= freeDelta;
        }
        slabFrozen[slab] = false;
        int node = slabNid[slab];
        if (slabInuse[slab] == 0 && s.nrPartial[node] >= s.minPartial) {
            discardSlab(s, slab);
        } else if (slabFreelist[slab] >= 0) {
            addPartial(s, slab, toTail);
        }
    }

    /** discard_slab() and __free_slab(): uncounts the slab and gives its pages back. */
    private void discardSlab(KmemCache s, int slab) {
        int node = slabNid[slab];
        s.nrSlabs[node]--;
        s.totalObjects[node] -= slabObjects[slab];
        int order = slabOrder[slab];
        int n = 1 << order;
        long pfn = slabPfn[slab];
        for (int i = 0; i < n; i++) {
            slabOfPfn[(int) (pfn + i)] = 0;
        }
        s.pages -= n;
        if (s.reclaimable()) {
            nrSlabReclaimable[node] -= n;
        } else {
            nrSlabUnreclaimable[node] -= n;
        }
        slabCache[slab] = -1;
        freeSlabIds[freeSlabIdCount++] = slab;
        pages.freePages(pfn, order);
    }

    private void incSlabsNode(KmemCache s, int node, int objects) {
        s.nrSlabs[node]++;
        s.totalObjects[node] += objects;
    }

    private void addPartial(KmemCache s, int slab, boolean tail) {
        int node = slabNid[slab];
        s.nrPartial[node]++;
        if (s.partialHead[node] < 0) {
            slabNext[slab] = -1;
            slabPrev[slab] = -1;
            s.partialHead[node] = slab;
            s.partialTail[node] = slab;
        } else if (tail) {
            int t = s.partialTail[node];
            slabNext[t] = slab;
            slabPrev[slab] = t;
            slabNext[slab] = -1;
            s.partialTail[node] = slab;
        } else {
            int h = s.partialHead[node];
            slabPrev[h] = slab;
            slabNext[slab] = h;
            slabPrev[slab] = -1;
            s.partialHead[node] = slab;
        }
    }

    private void removePartial(KmemCache s, int slab) {
        int node = slabNid[slab];
        int prev = slabPrev[slab];
        int next = slabNext[slab];
        if (prev >= 0) {
            slabNext[prev] = next;
        } else {
            s.partialHead[node] = next;
        }
        if (next >= 0) {
            slabPrev[next] = prev;
        } else {
            s.partialTail[node] = prev;
        }
        slabNext[slab] = -1;
        slabPrev[slab] = -1;
        s.nrPartial[node]--;
    }

    // ---------------------------------------------------------------- flush and shrink

    /** __flush_cpu_slab(): deactivates a CPU's slab and unfreezes its partial list. */
    public void flushCpuSlab(KmemCache s, int cpu) {
        int slab = s.cpuSlab[cpu];
        int freelist = s.cpuFreelist[cpu];
        s.cpuSlab[cpu] = -1;
        s.cpuFreelist[cpu] = -1;
        if (slab >= 0) {
            deactivateSlab(s, slab, freelist);
        }
        int partial = s.cpuPartialHead[cpu];
        s.cpuPartialHead[cpu] = -1;
        if (partial >= 0) {
            unfreezePartials(s, partial);
        }
    }

    /** flush_all(). */
    public void flushAll(KmemCache s) {
        for (int cpu = 0; cpu < cpus; cpu++) {
            flushCpuSlab(s, cpu);
        }
    }

    /**
     * kmem_cache_shrink() (__kmem_cache_shrink(), __kmem_cache_do_shrink()): flushes the CPU slabs, frees every
     * empty slab on the node partial lists (ignoring min_partial) and sorts the rest so the fullest slabs (fewest
     * free objects, up to SHRINK_PROMOTE_MAX) come first. Returns 1 if slabs remain, as the kernel does.
     */
    public int kmemCacheShrink(KmemCache s) {
        flushAll(s);
        int ret = 0;
        for (int node = 0; node < nodes; node++) {
            int[] promoteHead = new int[SHRINK_PROMOTE_MAX];
            Arrays.fill(promoteHead, -1);
            int discard = -1;
            int rest = -1;
            int restTail = -1;
            int slab = s.partialHead[node];
            while (slab >= 0) {
                int next = slabNext[slab];
                int free = slabObjects[slab] - slabInuse[slab];
                if (free == slabObjects[slab]) {
                    slabNext[slab] = discard;
                    discard = slab;
                } else if (free <= SHRINK_PROMOTE_MAX) {
                    slabNext[slab] = promoteHead[free - 1];
                    promoteHead[free - 1] = slab;
                } else {
                    slabNext[slab] = -1;
                    if (restTail < 0) {
                        rest = slab;
                    } else {
                        slabNext[restTail] = slab;
                    }
                    restTail = slab;
                }
                slab = next;
            }
            s.partialHead[node] = -1;
            s.partialTail[node] = -1;
            s.nrPartial[node] = 0;
            for (int i = 0; i < SHRINK_PROMOTE_MAX; i++) {
                for (int p = promoteHead[i]; p >= 0; ) {
                    int next = slabNext[p];
                    addPartial(s, p, true);
                    p = next;
                }
            }
            for (int p = rest; p >= 0; ) {
                int next = slabNext[p];
                addPartial(s, p, true);
                p = next;
            }
            while (discard >= 0) {
                int d = discard;
                discard = slabNext[d];
                slabNext[d] = -1;
                discardSlab(s, d);
            }
            if (s.nrSlabs[node] > 0) {
                ret = 1;
            }
        }
        return ret;
    }

    /** Shrinks every cache (what drop_slab()'s shrinkers end up doing to empty slabs). */
    public void shrinkAll() {
        for (KmemCache s : caches) {
            kmemCacheShrink(s);
        }
    }

    // ---------------------------------------------------------------- slab table

    private int newSlabId() {
        if (freeSlabIdCount > 0) {
            return freeSlabIds[--freeSlabIdCount];
        }
        if (slabCount == slabCapacity) {
            growSlabTable(slabCapacity * 2);
        }
        return slabCount++;
    }

    private void growSlabTable(int capacity) {
        slabPfn = slabPfn == null ? new long[capacity] : Arrays.copyOf(slabPfn, capacity);
        slabBase = slabBase == null ? new long[capacity] : Arrays.copyOf(slabBase, capacity);
        slabCache = slabCache == null ? new int[capacity] : Arrays.copyOf(slabCache, capacity);
        slabOrder = slabOrder == null ? new byte[capacity] : Arrays.copyOf(slabOrder, capacity);
        slabNid = slabNid == null ? new int[capacity] : Arrays.copyOf(slabNid, capacity);
        slabObjects = slabObjects == null ? new int[capacity] : Arrays.copyOf(slabObjects, capacity);
        slabInuse = slabInuse == null ? new int[capacity] : Arrays.copyOf(slabInuse, capacity);
        slabFreelist = slabFreelist == null ? new int[capacity] : Arrays.copyOf(slabFreelist, capacity);
        slabFrozen = slabFrozen == null ? new boolean[capacity] : Arrays.copyOf(slabFrozen, capacity);
        slabNext = slabNext == null ? new int[capacity] : Arrays.copyOf(slabNext, capacity);
        slabPrev = slabPrev == null ? new int[capacity] : Arrays.copyOf(slabPrev, capacity);
        slabCpuNext = slabCpuNext == null ? new int[capacity] : Arrays.copyOf(slabCpuNext, capacity);
        slabSlabs = slabSlabs == null ? new int[capacity] : Arrays.copyOf(slabSlabs, capacity);
        slabLinks = slabLinks == null ? new int[capacity][] : Arrays.copyOf(slabLinks, capacity);
        freeSlabIds = freeSlabIds == null ? new int[capacity] : Arrays.copyOf(freeSlabIds, capacity);
        slabCapacity = capacity;
    }

    /** The slab id an address lies in, or -1. */
    int slabOfAddress(long address) {
        long pfn = address >>> pageShift;
        if (pfn < 0 || pfn >= slabOfPfn.length) {
            return -1;
        }
        return slabOfPfn[(int) pfn] - 1;
    }

    /** The cache owning the slab at an address (virt_to_slab()->slab_cache), or null. */
    public KmemCache cacheOf(long address) {
        int slab = slabOfAddress(address);
        return slab < 0 ? null : cacheById(slabCache[slab]);
    }

    private KmemCache cacheById(int id) {
        return id >= 0 && id < cacheById.length ? cacheById[id] : null;
    }

    /** kfree() of a slab object: frees it to its slab's cache; false if the address is not in a slab. */
    boolean freeSlabObject(long address, int cpu) {
        int slab = slabOfAddress(address);
        if (slab < 0) {
            return false;
        }
        freeObject(cacheById[slabCache[slab]], slab, address, cpu);
        return true;
    }

    // ---------------------------------------------------------------- reports

    /** get_slabinfo() for one cache. */
    public SlabInfo.Row slabinfo(KmemCache s) {
        long nrSlabs = 0;
        long nrObjs = 0;
        long nrFree = 0;
        for (int node = 0; node < nodes; node++) {
            nrSlabs += s.nrSlabs[node];
            nrObjs += s.totalObjects[node];
            for (int slab = s.partialHead[node]; slab >= 0; slab = slabNext[slab]) {
                nrFree += slabObjects[slab] - slabInuse[slab];
            }
        }
        return new SlabInfo.Row(s.name, nrObjs - nrFree, nrObjs, s.size, s.objects, 1 << s.order, nrSlabs);
    }

    /** The slab_caches list as /proc/slabinfo walks it: newest cache first. */
    public List<KmemCache> slabCaches() {
        List<KmemCache> list = new ArrayList<>(caches);
        Collections.reverse(list);
        return list;
    }

    /** A cache by its name, or null (aliases are not listed under their own names). */
    public KmemCache findCache(String name) {
        for (KmemCache c : caches) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The kmem_cache cache (holds struct kmem_cache). */
    public KmemCache kmemCache() {
        return kmemCache;
    }

    /** The kmem_cache_node cache. */
    public KmemCache kmemCacheNode() {
        return kmemCacheNode;
    }

    /** kmalloc and its caches. */
    public Kmalloc kmalloc() {
        return kmalloc;
    }

    public SlubParams params() {
        return params;
    }

    public SlubSizing sizing() {
        return sizing;
    }

    PageSource pageSource() {
        return pages;
    }

    /** NR_SLAB_RECLAIMABLE_B of a node, in pages (vmstat nr_slab_reclaimable). */
    public long nrSlabReclaimable(int node) {
        return nrSlabReclaimable[node];
    }

    /** NR_SLAB_UNRECLAIMABLE_B of a node, in pages (vmstat nr_slab_unreclaimable); includes large kmalloc. */
    public long nrSlabUnreclaimable(int node) {
        return nrSlabUnreclaimable[node];
    }

    /** Sum over nodes of nr_slab_reclaimable. */
    public long nrSlabReclaimable() {
        long sum = 0;
        for (long v : nrSlabReclaimable) {
            sum += v;
        }
        return sum;
    }

    /** Sum over nodes of nr_slab_unreclaimable. */
    public long nrSlabUnreclaimable() {
        long sum = 0;
        for (long v : nrSlabUnreclaimable) {
            sum += v;
        }
        return sum;
    }

    /** Adds pages to the unreclaimable slab count (kmalloc_large()'s mod_lruvec_page_state()). */
    void accountLargeKmalloc(int node, long pagesDelta) {
        nrSlabUnreclaimable[node] += pagesDelta;
    }

    /** How often allocate_slab() fell back to s->min (the ORDER_FALLBACK statistic). */
    public long orderFallbacks() {
        return orderFallbacks;
    }

    /** meminfo's three slab lines, in kB. */
    public String meminfoLines() {
        return meminfoLines(nrSlabReclaimable(), nrSlabUnreclaimable(), pageShift);
    }

    /** fs/proc/meminfo.c's Slab, SReclaimable and SUnreclaim lines from the two vmstat counters (pages). */
    public static String meminfoLines(long reclaimablePages, long unreclaimablePages, int pageShift) {
        long rec = reclaimablePages << (pageShift - 10);
        long unrec = unreclaimablePages << (pageShift - 10);
        return String.format("Slab:           %8d kB\nSReclaimable:   %8d kB\nSUnreclaim:     %8d kB\n", rec + unrec,
                rec, unrec);
    }
}
