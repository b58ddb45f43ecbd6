package org.mmsim.page;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;

/**
 * A simulated machine's physical memory: the nodes, the CPUs (each on a node) and the zonelists, with the
 * page allocator's public API (alloc_pages / __free_pages) and its state: vm event counters, the tracepoint
 * listener, the slow-path hooks and the sysctls it reads (watermark_boost_factor,
 * page_group_by_mobility_disabled). One machine is single-threaded; the CPU of an operation is chosen with
 * {@link #setCurrentCpu(int)}.
 */
public final class Machine {
    private final Arch arch;
    private final int nrCpus;
    private final Node[] nodes;
    private final List<Node> nodeList;
    private final List<Zone> zoneList;
    /** The check debug mode runs after every allocPages and freePages; null when debug mode is off. */
    private ZoneCheck debugVm;
    /** The zone the last zoneOf() found on a one-node machine: frees mostly hit the same zone again. */
    private Zone lastZoneOf;
    private final int[] cpuToNode;
    private int[][] distance;
    Zonelist[] zonelistFallback;
    Zonelist[] zonelistNoFallback;
    final MigrateType types;
    final int[] gfpZoneIdx = new int[16];
    final int normalIdx;
    final int dma32Idx;

    int currentCpu;
    final long[] events = new long[VmEvent.NR_EVENTS];
    long extfragEvents;
    int lastFailReason = -1;
    boolean lastOomProgress;
    PageAllocTracer tracer;
    SlowPathHooks hooks = SlowPathHooks.NONE;
    private int watermarkBoostFactor = 15000;
    private boolean pageGroupByMobilityDisabled;
    boolean pcpEnabled = true;
    /** Whether allocations may take {@link PageAllocator#allocFromPreferredPcp}'s shortcut (a model switch). */
    boolean fastPaths = true;
    final AllocContext ac = new AllocContext();
    final PreparedAlloc prepared = new PreparedAlloc();
    /** MAX_ORDER of the architecture (orders 0 .. maxOrder-1 exist). */
    final int maxOrder;

    /** A machine over the given nodes (in nid order); CPUs are spread over the nodes in equal consecutive runs. */
    public Machine(Arch arch, int nrCpus, List<Node> nodes) {
        if (nrCpus < 1 || nodes.isEmpty()) {
            throw new IllegalArgumentException("a machine needs a CPU and a node");
        }
        this.arch = arch;
        this.maxOrder = arch.maxOrder();
        this.nrCpus = nrCpus;
        this.nodes = nodes.toArray(new Node[0]);
        this.nodeList = List.of(this.nodes);
        List<Zone> all = new ArrayList<>();
        for (Node n : this.nodes) {
            all.addAll(List.of(n.zones()));
        }
        this.zoneList = List.copyOf(all);
        this.types = MigrateType.forArch(arch);
        this.cpuToNode = new int[nrCpus];
        for (int c = 0; c < nrCpus; c++) {
            cpuToNode[c] = (int) ((long) c * this.nodes.length / nrCpus);
        }
        this.distance = new int[this.nodes.length][this.nodes.length];
        for (int i = 0; i < this.nodes.length; i++) {
            for (int j = 0; j < this.nodes.length; j++) {
                distance[i][j] = i == j ? 10 : 20;
            }
        }
        for (Node n : this.nodes) {
            n.machine = this;
            for (Zone z : n.zones()) {
                z.attach(this);
            }
        }
        List<ZoneType> zt = arch.zoneTypes();
        normalIdx = zt.indexOf(ZoneType.NORMAL);
        dma32Idx = zt.indexOf(ZoneType.DMA32);
        for (int bits = 0; bits < 16; bits++) {
            int idx;
            try {
                idx = zt.indexOf(Gfp.gfpZone(bits, zt));
            } catch (IllegalArgumentException e) {
                idx = -1;
            }
            gfpZoneIdx[bits] = idx;
        }
    }

    /** Sets node_distance(); the default is 10 locally and 20 between nodes. */
    public void setNodeDistance(int[][] d) {
        this.distance = d;
        prepared.clear();
    }

    /** Puts a CPU on a node (cpu_to_node). */
    public void setCpuNode(int cpu, int nid) {
        cpuToNode[cpu] = nid;
    }

    public int cpuToNode(int cpu) {
        return cpuToNode[cpu];
    }

    /**
     * Models build_all_zonelists(): each node's ZONELIST_FALLBACK (nodes by distance, nearest first and ties by
     * nid, each contributing its populated zones from the highest type down) and ZONELIST_NOFALLBACK (local
     * zones only, for __GFP_THISNODE); then page_group_by_mobility_disabled from vm_total_pages (pages above
     * the high watermark of the zones a GFP_HIGHUSER_MOVABLE request may use) against pageblock_nr_pages *
     * MIGRATE_TYPES.
     */
    public void buildZonelists() {
        int n = nodes.length;
        zonelistFallback = new Zonelist[n];
        zonelistNoFallback = new Zonelist[n];
        for (int local = 0; local < n; local++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            final int l = local;
            order.sort((a, b) -> a == l ? -1 : b == l ? 1
                    : distance[l][a] != distance[l][b] ? Integer.compare(distance[l][a], distance[l][b])
                    : Integer.compare(a, b));
            List<Zone> fb = new ArrayList<>();
            for (int nid : order) {
                addZones(nodes[nid], fb);
            }
            List<Zone> nf = new ArrayList<>();
            addZones(nodes[local], nf);
            zonelistFallback[local] = new Zonelist(fb);
            zonelistNoFallback[local] = new Zonelist(nf);
        }
        long vmTotalPages = 0;
        int movableIdx = gfpZoneIdx[(Gfp.GFP_HIGHUSER_MOVABLE & Gfp.GFP_ZONEMASK)];
        for (Zone z : zonelistFallback[0].zones) {
            if (z.zoneIdx() <= movableIdx && z.managedPages() > z.highWmarkPages()) {
                vmTotalPages += z.managedPages() - z.highWmarkPages();
            }
        }
        pageGroupByMobilityDisabled = vmTotalPages < (long) (1 << arch.pageblockOrder()) * types.count();
        prepared.clear();
    }

    private static void addZones(Node node, List<Zone> out) {
        Zone[] zs = node.zones();
        for (int i = zs.length - 1; i >= 0; i--) {
            if (zs[i].populated()) {
                out.add(zs[i]);
            }
        }
    }

    // ---- the allocator API ---------------------------------------------------------------------------------

    /** alloc_pages(gfp, order) on the current CPU's node; returns the first pfn of the block, or -1. */
    public long allocPages(int gfp, int order) {
        long pfn = PageAllocator.allocPages(this, gfp, order, cpuToNode[currentCpu]);
        if (debugVm != null && pfn >= 0) {
            debugVm.check(this, zoneOf(pfn));
        }
        return pfn;
    }

    /** __alloc_pages(gfp, order, nid): preferring node nid; returns the first pfn of the block, or -1. */
    public long allocPages(int gfp, int order, int nid) {
        long pfn = PageAllocator.allocPages(this, gfp, order, nid);
        if (debugVm != null && pfn >= 0) {
            debugVm.check(this, zoneOf(pfn));
        }
        return pfn;
    }

    /** __free_pages(page, order) of a block this machine handed out, on the current CPU. */
    public void freePages(long pfn, int order) {
        ZoneCheck check = debugVm;
        PageAllocator.freePages(this, pfn, order, check != null);
        if (check != null) {
            check.check(this, zoneOf(pfn));
        }
    }

    /**
     * Debug mode in the spirit of CONFIG_DEBUG_VM: after every allocPages and freePages the zone involved is
     * checked by the given check (org.mmsim.page.debug's {@code BuddyChecker::check}), which throws at the first
     * broken invariant; null turns debug mode off. Costs a scan of the zone per operation: for tests and small
     * machines.
     */
    public void setDebugVm(ZoneCheck check) {
        debugVm = check;
    }

    /** Whether debug mode is on. */
    public boolean debugVm() {
        return debugVm != null;
    }

    /** split_page(): an allocated non-compound block of 2^order pages becomes 2^order order-0 pages. */
    public void splitPage(long pfn, int order) {
        PageAllocator.splitPage(this, pfn, order);
    }

    /** free_unref_page_list() of order-0 pages (release_pages, LRU batches): pfns[0..count). */
    public void freePagesBatch(long[] pfns, int count) {
        PageAllocator.freePagesBatch(this, pfns, count);
    }

    /** drain_local_pages(NULL): frees the current CPU's pcp lists of every zone. */
    public void drainLocalPages() {
        for (Node n : nodes) {
            for (Zone z : n.zones()) {
                if (z.populated()) {
                    PerCpuPages.drainPagesZone(z, currentCpu);
                }
            }
        }
    }

    /** drain_local_pages(zone): frees the current CPU's pcp lists of one zone. */
    public void drainLocalPages(Zone z) {
        PerCpuPages.drainPagesZone(z, currentCpu);
    }

    /** drain_all_pages(zone): frees every CPU's pcp lists of one zone. */
    public void drainAllPages(Zone z) {
        for (int c = 0; c < nrCpus; c++) {
            PerCpuPages.drainPagesZone(z, c);
        }
    }

    /** drain_all_pages(NULL): frees every CPU's pcp lists of every zone. */
    public void drainAllPages() {
        for (Node n : nodes) {
            for (Zone z : n.zones()) {
                if (z.populated()) {
                    for (int c = 0; c < nrCpus; c++) {
                        PerCpuPages.drainPagesZone(z, c);
                    }
                }
            }
        }
    }

    /**
     * Models set_migratetype_isolate() for the pageblock holding pfn (no page is migrated): the block becomes
     * MIGRATE_ISOLATE, its free pages move to the Isolate lists and leave NR_FREE_PAGES. Returns false if the
     * block is already isolated.
     */
    public boolean isolatePageblock(long pfn) {
        Zone z = zoneOf(pfn);
        int idx = z.mm.index(pfn);
        int iso = types.isolate();
        int old = z.pageblockMt(idx);
        if (old == iso) {
            return false;
        }
        z.pageblockMt[(idx - z.pbBaseIdx) >>> z.pageblockOrder] = (byte) iso;
        z.nrIsolatePageblock++;
        int moved = Fallback.moveFreepagesBlock(z, idx, iso);
        z.modFreepageState(-moved, old);
        return true;
    }

    /** Models unset_migratetype_isolate(): the block gets type mt back, its free pages move and count again. */
    public void unisolatePageblock(long pfn, int mt) {
        Zone z = zoneOf(pfn);
        int idx = z.mm.index(pfn);
        if (z.pageblockMt(idx) != types.isolate()) {
            return;
        }
        int moved = Fallback.moveFreepagesBlock(z, idx, mt);
        z.modFreepageState(moved, mt);
        z.setPageblockMt(idx, mt);
        z.nrIsolatePageblock--;
    }

    // ---- CPUs, configuration -------------------------------------------------------------------------------

    public void setCurrentCpu(int cpu) {
        if (cpu < 0 || cpu >= nrCpus) {
            throw new IllegalArgumentException("no CPU " + cpu);
        }
        currentCpu = cpu;
    }

    public int currentCpu() {
        return currentCpu;
    }

    public int nrCpus() {
        return nrCpus;
    }

    public Arch arch() {
        return arch;
    }

    public MigrateType migrateTypes() {
        return types;
    }

    /** Sets the tracepoint listener (null: tracing off). */
    public void setTracer(PageAllocTracer t) {
        tracer = t;
    }

    public PageAllocTracer tracer() {
        return tracer;
    }

    public void setHooks(SlowPathHooks h) {
        hooks = h == null ? SlowPathHooks.NONE : h;
    }

    public SlowPathHooks hooks() {
        return hooks;
    }

    /** vm.watermark_boost_factor (default 15000). */
    public int watermarkBoostFactor() {
        return watermarkBoostFactor;
    }

    public void setWatermarkBoostFactor(int f) {
        watermarkBoostFactor = f;
    }

    public boolean pageGroupByMobilityDisabled() {
        return pageGroupByMobilityDisabled;
    }

    /** Overrides what {@link #buildZonelists()} derived. */
    public void setPageGroupByMobilityDisabled(boolean v) {
        pageGroupByMobilityDisabled = v;
        prepared.clear();
    }

    /**
     * A model switch (not a kernel one): with the shortcuts off every allocation walks the zonelist from the start
     * (get_page_from_freelist), as the shortcut must be indistinguishable from that walk; for differential tests.
     */
    public void setFastPaths(boolean v) {
        fastPaths = v;
        prepared.clear();
    }

    /**
     * A model switch (not a kernel one): with pcp disabled no order uses the per-CPU lists, every allocation
     * goes through rmqueue_buddy and every free through __free_pages_ok, for tests and benchmarks of the buddy
     * alone. Drain the lists before turning it off.
     */
    public void setPcpEnabled(boolean v) {
        pcpEnabled = v;
        prepared.clear();
    }

    public boolean pcpEnabled() {
        return pcpEnabled;
    }

    // ---- state queries -------------------------------------------------------------------------------------

    public List<Node> nodes() {
        return nodeList;
    }

    /** Number of nodes (without building a list: the allocation fast path asks). */
    int nrNodes() {
        return nodes.length;
    }

    public Node node(int nid) {
        return nodes[nid];
    }

    /** The ZONELIST_FALLBACK zonelist of a node. */
    public Zonelist zonelist(int nid) {
        return zonelistFallback[nid];
    }

    /** The ZONELIST_NOFALLBACK zonelist of a node (__GFP_THISNODE). */
    public Zonelist zonelistNoFallback(int nid) {
        return zonelistNoFallback[nid];
    }

    /** The zone spanning pfn, or null. */
    public Zone zoneOf(long pfn) {
        Zone last = lastZoneOf;
        if (last != null && last.spans(pfn)) {
            return last;
        }
        for (Node n : nodes) {
            if (pfn >= n.nodeStartPfn() && pfn < n.nodeStartPfn() + n.spannedPages()) {
                Zone z = n.zoneOf(pfn);
                if (z != null && nodes.length == 1) {
                    lastZoneOf = z;
                }
                return z;
            }
        }
        return null;
    }

    /** Every zone of every node, node by node in zone_idx order. */
    public List<Zone> zones() {
        return zoneList;
    }

    /** NR_FREE_PAGES summed over all zones (pages on pcp lists are not free). */
    public long nrFreePages() {
        long s = 0;
        for (Node n : nodes) {
            for (Zone z : n.zones()) {
                s += z.nrFreePages;
            }
        }
        return s;
    }

    /** The vm event counters, indexed by {@link VmEvent} (live array: do not modify). */
    public long[] events() {
        return events;
    }

    /** A vm event counter by its /proc/vmstat name. */
    public long event(String name) {
        int i = VmEvent.byName(name);
        if (i < 0) {
            throw new IllegalArgumentException("no vm event " + name);
        }
        return events[i];
    }

    /** Fallback events (__rmqueue_fallback steals, one mm_page_alloc_extfrag each). */
    public long extfragEvents() {
        return extfragEvents;
    }

    /** The VmEvent FAIL_* counter of the last failed allocation, or -1. */
    public int lastFailReason() {
        return lastFailReason;
    }
}
