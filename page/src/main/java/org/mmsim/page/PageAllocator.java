package org.mmsim.page;

/**
 * The allocator's entry points, mm/page_alloc.c 6.1: __alloc_pages() (prepare_alloc_pages,
 * alloc_flags_nofragment, the fast path), get_page_from_freelist(), rmqueue(), prep_new_page's bookkeeping,
 * __alloc_pages_slowpath() with __alloc_pages_direct_reclaim, __alloc_pages_may_oom, should_reclaim_retry
 * and wake_all_kswapds, and the free side: __free_pages() -> free_the_page() -> free_unref_page() or
 * __free_pages_ok(), and free_unref_page_list(). Not modelled: cpusets, memcg, node_reclaim, dirty limits,
 * PF_MEMALLOC and OOM-victim reserves, real-time tasks.
 */
final class PageAllocator {
    private PageAllocator() {
    }

    /** Loops of a __GFP_NOFAIL request before the model gives up (the kernel would loop for ever). */
    static final int NOFAIL_LOOP_LIMIT = 1000;
    /** MAX_RECLAIM_RETRIES. */
    static final int MAX_RECLAIM_RETRIES = 16;

    static long allocPages(Machine m, int gfp, int order, int nid) {
        PreparedAlloc p = m.prepared;
        if (p.gfp == gfp && p.nid == nid && order >= 0 && order <= p.pcpMaxOrder) {
            long pfn = allocFromPreferredPcp(m, p, order);
            if (pfn >= 0) {
                PageAllocTracer t = m.tracer;
                if (t != null) {
                    t.mmPageAlloc(pfn, order, gfp, p.migratetype);
                }
                return pfn;
            }
        }
        return allocPagesFull(m, gfp, order, nid);
    }

    /** __alloc_pages() from the start: the zonelist walk, then the slow path. */
    private static long allocPagesFull(Machine m, int gfp, int order, int nid) {
        PreparedAlloc p = m.prepared;
        AllocContext ac = m.ac;
        if (order >= m.maxOrder || order < 0) {
            m.events[VmEvent.FAIL_BAD_ORDER]++;
            m.lastFailReason = VmEvent.FAIL_BAD_ORDER;
            return -1;
        }
        if (p.gfp != gfp || p.nid != nid) {
            prepareAllocPages(m, gfp, nid, p);
        }
        ac.highestZoneidx = p.highestZoneidx;
        ac.zonelist = p.zonelist;
        ac.migratetype = p.migratetype;
        ac.preferredZoneref = p.preferredZoneref;
        ac.gfp = gfp;
        ac.order = order;
        int allocFlags = p.allocFlags;
        long pfn = getPageFromFreelist(m, gfp, order, allocFlags, ac);
        if (pfn < 0) {
            pfn = slowpath(m, gfp, order, ac);
        }
        PageAllocTracer t = m.tracer;
        if (t != null) {
            t.mmPageAlloc(pfn, order, gfp, ac.migratetype);
        }
        return pfn;
    }

    /**
     * Models prepare_alloc_pages() and the fast path's first alloc flags (ALLOC_WMARK_LOW, gfp_to_alloc_flags_cma,
     * alloc_flags_nofragment) for one gfp mask and preferred node, into {@code p}. They depend only on the request
     * and on the machine's configuration, so the machine keeps the last result for the next request.
     */
    static void prepareAllocPages(Machine m, int gfp, int nid, PreparedAlloc p) {
        int zidx = m.gfpZoneIdx[gfp & Gfp.GFP_ZONEMASK];
        if (zidx < 0) {
            throw new IllegalArgumentException("invalid GFP zone modifiers in 0x" + Integer.toHexString(gfp));
        }
        p.highestZoneidx = zidx;
        p.zonelist = (gfp & Gfp.__GFP_THISNODE) != 0 ? m.zonelistNoFallback[nid] : m.zonelistFallback[nid];
        p.migratetype = m.pageGroupByMobilityDisabled() ? MigrateType.UNMOVABLE : Gfp.gfpMigratetype(gfp);
        p.preferredZoneref = p.zonelist.firstZone(zidx);
        Zone preferred = p.preferredZoneref < 0 ? null : p.zonelist.zones[p.preferredZoneref];
        p.allocFlags = AllocFlags.gfpToAllocFlagsCma(gfp, AllocFlags.ALLOC_WMARK_LOW, m.types.hasCma())
                | allocFlagsNofragment(m, preferred, gfp);
        p.preferredZone = preferred;
        p.allocatedState = MemMap.allocatedFlags(p.migratetype == MigrateType.MOVABLE, 0);
        boolean pcpOk = m.fastPaths && m.pcpEnabled && preferred != null
                && pcpAllowedMigratetype(m, p.allocFlags, p.migratetype)
                && (p.allocFlags & AllocFlags.ALLOC_NO_WATERMARKS) == 0;
        p.pcpMaxOrder = !pcpOk ? -1
                : (p.allocFlags & AllocFlags.ALLOC_HARDER) != 0 ? 0 : Buddy.PAGE_ALLOC_COSTLY_ORDER;
        p.gfp = gfp;
        p.nid = nid;
    }

    /**
     * Models alloc_flags_nofragment(): ALLOC_KSWAPD from __GFP_KSWAPD_RECLAIM, and ALLOC_NOFRAGMENT when the
     * preferred zone is ZONE_NORMAL with ZONE_DMA32 configured (and, on several nodes, populated).
     */
    static int allocFlagsNofragment(Machine m, Zone zone, int gfp) {
        int flags = gfp & Gfp.__GFP_KSWAPD_RECLAIM;
        if (m.dma32Idx < 0 || zone == null || zone.zoneIdx() != m.normalIdx) {
            return flags;
        }
        if (m.nrNodes() > 1 && !zone.node().zones()[m.dma32Idx].populated()) {
            return flags;
        }
        return flags | AllocFlags.ALLOC_NOFRAGMENT;
    }

    /**
     * Models get_page_from_freelist(): walks the zonelist from the preferred zone, skipping zones above the
     * request's highest zone or failing zone_watermark_fast (unless ALLOC_NO_WATERMARKS); takes a page with
     * rmqueue(); reserves a highatomic pageblock after a high-order ALLOC_HARDER success. ALLOC_NOFRAGMENT is
     * dropped, and the walk restarted, before moving to a remote node and after a fruitless pass.
     */
    static long getPageFromFreelist(Machine m, int gfp, int order, int allocFlags, AllocContext ac) {
        if (ac.preferredZoneref < 0) {
            return -1;
        }
        Zone[] zl = ac.zonelist.zones;
        boolean multiNode = m.nrNodes() > 1;
        retry:
        while (true) {
            boolean noFallback = (allocFlags & AllocFlags.ALLOC_NOFRAGMENT) != 0;
            Zone preferred = zl[ac.preferredZoneref];
            for (int i = ac.preferredZoneref; i < zl.length; i++) {
                Zone z = zl[i];
                if (z.zoneIdx() > ac.highestZoneidx) {
                    continue;
                }
                if (noFallback && multiNode && z != preferred && z.node() != preferred.node()) {
                    allocFlags &= ~AllocFlags.ALLOC_NOFRAGMENT;
                    continue retry;
                }
                long mark = z.wmarkPages(allocFlags & AllocFlags.ALLOC_WMARK_MASK);
                if (!Watermarks.zoneWatermarkFast(z, order, mark, ac.highestZoneidx, allocFlags, gfp)
                        && (allocFlags & AllocFlags.ALLOC_NO_WATERMARKS) == 0) {
                    continue;
                }
                long pfn = takeFromZone(m, z, order, allocFlags, ac);
                if (pfn >= 0) {
                    return pfn;
                }
            }
            if (noFallback) {
                allocFlags &= ~AllocFlags.ALLOC_NOFRAGMENT;
                continue;
            }
            return -1;
        }
    }

    /**
     * The part of get_page_from_freelist() after a zone passed its watermark: rmqueue(), prep_new_page's state
     * (an allocated head, counted as movable for MIGRATE_MOVABLE) and reserve_highatomic_pageblock() after a
     * high-order ALLOC_HARDER success. Returns the pfn, or -1 when the zone had nothing.
     */
    static long takeFromZone(Machine m, Zone z, int order, int allocFlags, AllocContext ac) {
        ac.allocFlags = allocFlags;
        int idx = rmqueue(m, z, order, allocFlags, ac.migratetype);
        if (idx == LinkSpace.NIL) {
            return -1;
        }
        z.mm.setFlags(idx, MemMap.allocatedFlags(ac.migratetype == MigrateType.MOVABLE, order));
        if (order != 0 && (allocFlags & AllocFlags.ALLOC_HARDER) != 0) {
            HighAtomic.reserveHighatomicPageblock(z, idx);
        }
        return z.mm.pfn(idx);
    }

    /**
     * get_page_from_freelist()'s first step when it cannot fail: the preferred zone passes zone_watermark_fast()
     * and the current CPU's per-CPU list for the request holds a page, so rmqueue() takes that page, and no
     * boosted watermark waits to be cleared. An order-0 request far above the marks passes with one comparison
     * ({@link Zone#order0Floor}). This is nearly every small allocation; it gives exactly what the
     * zonelist walk would, without its set-up. Returns -1, having changed nothing, when the case does not hold
     * (then the full path decides, from the start).
     */
    static long allocFromPreferredPcp(Machine m, PreparedAlloc p, int order) {
        Zone z = p.preferredZone;
        int cpu = m.currentCpu;
        PageDeque list = z.pcpLists[cpu * Zone.NR_PCP_LISTS + MigrateType.PCPTYPES * order + p.migratetype];
        if (list.isEmpty() || z.boostedWatermark) {
            return -1;
        }
        if ((order != 0 || z.nrFreePages <= z.order0Floor) && !Watermarks.zoneWatermarkFast(z, order,
                z.wmarkPages(p.allocFlags & AllocFlags.ALLOC_WMARK_MASK), p.highestZoneidx, p.allocFlags, p.gfp)) {
            return -1;
        }
        int idx = PerCpuPages.takeHead(z, cpu, list, order);
        z.mm.setFlags(idx, p.allocatedState | order);
        return z.mm.pfn(idx);
    }

    /**
     * Models rmqueue(): pcp-allowed orders go through the per-CPU lists (movable ones only when CMA may be used
     * or CMA is not configured), the rest and pcp failures through rmqueue_buddy(); then a pending
     * ZONE_BOOSTED_WATERMARK is cleared with a kswapd wake.
     */
    static int rmqueue(Machine m, Zone z, int order, int allocFlags, int mt) {
        int idx = LinkSpace.NIL;
        if (m.pcpEnabled && PerCpuPages.pcpAllowedOrder(z, order) && pcpAllowedMigratetype(m, allocFlags, mt)) {
            idx = PerCpuPages.rmqueuePcplist(z, m.currentCpu, order, mt, allocFlags);
        }
        if (idx == LinkSpace.NIL) {
            idx = Buddy.rmqueueBuddy(z, order, allocFlags, mt);
        }
        if (z.boostedWatermark) {
            z.boostedWatermark = false;
            m.hooks.wakeKswapd(m, z, 0, 0, z.zoneIdx());
        }
        return idx;
    }

    /** rmqueue()'s CMA test: movable requests use the per-CPU lists only if they may use CMA or none exists. */
    static boolean pcpAllowedMigratetype(Machine m, int allocFlags, int mt) {
        return !m.types.hasCma() || (allocFlags & AllocFlags.ALLOC_CMA) != 0 || mt != MigrateType.MOVABLE;
    }

    private static long fail(Machine m, int reason) {
        m.events[reason]++;
        m.lastFailReason = reason;
        return -1;
    }

    /**
     * Models __alloc_pages_slowpath() without cpusets, PF_MEMALLOC or OOM victims: min watermark and
     * gfp_to_alloc_flags, kswapd wakes, the first direct compaction for costly or non-movable high orders,
     * then the retry loop of direct reclaim, direct compaction, should_reclaim_retry, should_compact_retry and
     * the OOM killer. A failure is counted under its reason ({@link VmEvent} FAIL_*).
     */
    static long slowpath(Machine m, int gfp, int order, AllocContext ac) {
        SlowPathHooks hooks = m.hooks;
        boolean canDirectReclaim = (gfp & Gfp.__GFP_DIRECT_RECLAIM) != 0;
        boolean costly = order > Buddy.PAGE_ALLOC_COSTLY_ORDER;
        if ((gfp & (Gfp.__GFP_ATOMIC | Gfp.__GFP_DIRECT_RECLAIM)) == (Gfp.__GFP_ATOMIC | Gfp.__GFP_DIRECT_RECLAIM)) {
            gfp &= ~Gfp.__GFP_ATOMIC;
        }
        int compactionRetries = 0;
        int noProgressLoops = 0;
        int compactPriority = SlowPathHooks.DEF_COMPACT_PRIORITY;
        int compactResult = SlowPathHooks.COMPACT_SKIPPED;
        int nofailLoops = 0;
        int allocFlags = AllocFlags.gfpToAllocFlags(gfp, m.types.hasCma());
        ac.preferredZoneref = ac.zonelist.firstZone(ac.highestZoneidx);
        if (ac.preferredZoneref < 0) {
            return fail(m, VmEvent.FAIL_NO_ZONE);
        }
        if ((allocFlags & AllocFlags.ALLOC_KSWAPD) != 0) {
            wakeAllKswapds(m, order, gfp, ac);
        }
        long pfn = getPageFromFreelist(m, gfp, order, allocFlags, ac);
        if (pfn >= 0) {
            return pfn;
        }
        boolean pfmemalloc = pfmemallocFlags(gfp) != 0;
        if (canDirectReclaim && (costly || (order > 0 && ac.migratetype != MigrateType.MOVABLE)) && !pfmemalloc) {
            ac.allocFlags = allocFlags;
            compactResult = hooks.compact(m, ac, SlowPathHooks.INIT_COMPACT_PRIORITY);
            pfn = getPageFromFreelist(m, gfp, order, allocFlags, ac);
            if (pfn >= 0) {
                return pfn;
            }
            if (costly && (gfp & Gfp.__GFP_NORETRY) != 0) {
                if (compactResult == SlowPathHooks.COMPACT_SKIPPED || compactResult == SlowPathHooks.COMPACT_DEFERRED) {
                    return fail(m, VmEvent.FAIL_COMPACT_SKIPPED);
                }
                compactPriority = SlowPathHooks.INIT_COMPACT_PRIORITY;
            }
        }
        while (true) {
            if ((allocFlags & AllocFlags.ALLOC_KSWAPD) != 0) {
                wakeAllKswapds(m, order, gfp, ac);
            }
            int reserveFlags = pfmemallocFlags(gfp);
            if (reserveFlags != 0) {
                allocFlags = AllocFlags.gfpToAllocFlagsCma(gfp, reserveFlags, m.types.hasCma())
                        | (allocFlags & AllocFlags.ALLOC_KSWAPD);
            }
            pfn = getPageFromFreelist(m, gfp, order, allocFlags, ac);
            if (pfn >= 0) {
                return pfn;
            }
            int reason;
            if (!canDirectReclaim) {
                reason = VmEvent.FAIL_NO_RECLAIM;
            } else {
                m.events[VmEvent.ALLOCSTALL_BASE + ac.zonelist.zones[ac.preferredZoneref].type().ordinal()]++;
                ac.allocFlags = allocFlags;
                long progress = hooks.reclaim(m, ac);
                if (progress > 0) {
                    pfn = getPageFromFreelist(m, gfp, order, allocFlags, ac);
                    if (pfn < 0) {
                        HighAtomic.unreserveHighatomicPageblock(ac, false);
                        m.drainAllPages();
                        pfn = getPageFromFreelist(m, gfp, order, allocFlags, ac);
                    }
                    if (pfn >= 0) {
                        return pfn;
                    }
                }
                compactResult = hooks.compact(m, ac, compactPriority);
                pfn = getPageFromFreelist(m, gfp, order, allocFlags, ac);
                if (pfn >= 0) {
                    return pfn;
                }
                if ((gfp & Gfp.__GFP_NORETRY) != 0) {
                    reason = VmEvent.FAIL_NORETRY;
                } else if (costly && (gfp & Gfp.__GFP_RETRY_MAYFAIL) == 0) {
                    reason = VmEvent.FAIL_COSTLY;
                } else {
                    if (progress > 0 && order <= Buddy.PAGE_ALLOC_COSTLY_ORDER) {
                        noProgressLoops = 0;
                    } else {
                        noProgressLoops++;
                    }
                    if (shouldReclaimRetry(m, order, ac, allocFlags, noProgressLoops)) {
                        continue;
                    }
                    if (progress > 0 && hooks.shouldCompactRetry(m, ac, compactResult, compactionRetries++)) {
                        continue;
                    }
                    pfn = mayOom(m, gfp, order, ac);
                    if (pfn >= 0) {
                        return pfn;
                    }
                    if (m.lastOomProgress) {
                        noProgressLoops = 0;
                        continue;
                    }
                    reason = VmEvent.FAIL_OOM;
                }
            }
            if ((gfp & Gfp.__GFP_NOFAIL) != 0 && canDirectReclaim && ++nofailLoops < NOFAIL_LOOP_LIMIT) {
                pfn = getPageFromFreelist(m, gfp, order, AllocFlags.ALLOC_HARDER, ac);
                if (pfn >= 0) {
                    return pfn;
                }
                continue;
            }
            return fail(m, reason);
        }
    }

    /** __gfp_pfmemalloc_flags() for an ordinary task: ALLOC_NO_WATERMARKS for __GFP_MEMALLOC only. */
    static int pfmemallocFlags(int gfp) {
        if ((gfp & Gfp.__GFP_NOMEMALLOC) != 0) {
            return 0;
        }
        return (gfp & Gfp.__GFP_MEMALLOC) != 0 ? AllocFlags.ALLOC_NO_WATERMARKS : 0;
    }

    /** Models wake_all_kswapds(): one wakeup_kswapd per node, at its first managed zone in the zonelist. */
    static void wakeAllKswapds(Machine m, int order, int gfp, AllocContext ac) {
        Node last = null;
        for (Zone z : ac.zonelist.zones) {
            if (z.zoneIdx() > ac.highestZoneidx || z.managedPages() == 0) {
                continue;
            }
            if (z.node() != last) {
                m.hooks.wakeKswapd(m, z, gfp, order, ac.highestZoneidx);
                last = z.node();
            }
        }
    }

    /**
     * Models should_reclaim_retry(): past MAX_RECLAIM_RETRIES fruitless loops it unreserves highatomic blocks
     * (force) and retries only if that moved pages; otherwise it retries if some zone would pass the min
     * watermark counting its reclaimable pages as free.
     */
    static boolean shouldReclaimRetry(Machine m, int order, AllocContext ac, int allocFlags, int noProgressLoops) {
        if (noProgressLoops > MAX_RECLAIM_RETRIES) {
            return HighAtomic.unreserveHighatomicPageblock(ac, true);
        }
        for (Zone z : ac.zonelist.zones) {
            if (z.zoneIdx() > ac.highestZoneidx) {
                continue;
            }
            long available = m.hooks.zoneReclaimablePages(z) + z.nrFreePages;
            if (Watermarks.zoneWatermarkOk(z, order, z.minWmarkPages(), ac.highestZoneidx, allocFlags, available)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Models __alloc_pages_may_oom(): a last try at the high watermark, then, except for costly orders,
     * __GFP_RETRY_MAYFAIL or __GFP_THISNODE requests and requests below ZONE_NORMAL, the OOM killer hook.
     */
    static long mayOom(Machine m, int gfp, int order, AllocContext ac) {
        m.lastOomProgress = false;
        long pfn = getPageFromFreelist(m, (gfp | Gfp.__GFP_HARDWALL) & ~Gfp.__GFP_DIRECT_RECLAIM, order,
                AllocFlags.ALLOC_WMARK_HIGH | AllocFlags.ALLOC_CPUSET, ac);
        if (pfn >= 0 || order > Buddy.PAGE_ALLOC_COSTLY_ORDER
                || (gfp & (Gfp.__GFP_RETRY_MAYFAIL | Gfp.__GFP_THISNODE)) != 0
                || ac.highestZoneidx < m.normalIdx) {
            return pfn;
        }
        m.lastOomProgress = m.hooks.oom(m, ac);
        return -1;
    }

    // ---- freeing -------------------------------------------------------------------------------------------

    /** The zone of a block being freed, with free_pages_prepare()'s check of its state (see {@link #checkFree}). */
    private static Zone zoneForFree(Machine m, long pfn, int order) {
        Zone z = zoneOfFree(m, pfn);
        checkFree(z, pfn, order);
        return z;
    }

    /** The zone of a page being freed (a hole inside a zone is {@link #checkFree}'s to find). */
    private static Zone zoneOfFree(Machine m, long pfn) {
        Zone z = m.zoneOf(pfn);
        if (z == null) {
            throw new IllegalArgumentException("free of pfn 0x" + Long.toHexString(pfn) + " outside every zone");
        }
        return z;
    }

    /**
     * Models free_pages_prepare()'s check_free (free_page_is_bad): the block must be an allocated head of that
     * order. The kernel runs it on every __free_pages_ok(); for pages freed to the per-CPU lists it runs it only
     * with CONFIG_DEBUG_VM (free_pcp_prepare) and otherwise when they leave the lists
     * (bulkfree_pcp_prepare, {@link PerCpuPages#freePcppagesBulk}), which spares the free a read of the page.
     */
    private static void checkFree(Zone z, long pfn, int order) {
        int idx = z.mm.index(pfn);
        int f = z.mm.valid(idx) ? z.mm.flags(idx) : 0;
        int st = f & 0xf0;
        if ((st != MemMap.ST_ALLOCATED && st != MemMap.ST_ALLOCATED_MOVABLE) || (f & MemMap.ORDER_MASK) != order) {
            throw new IllegalArgumentException("bad free of pfn 0x" + Long.toHexString(pfn) + " order " + order
                    + ": not an allocated block of that order");
        }
    }

    /**
     * Models split_page(): an allocated block that is not compound becomes 2^order allocated order-0 pages, each
     * freed on its own later (what vm_area_alloc_pages() does with the high-order blocks of a huge vmalloc).
     */
    static void splitPage(Machine m, long pfn, int order) {
        Zone z = zoneForFree(m, pfn, order);
        int state = z.mm.flags(z.mm.index(pfn)) & 0xf0;
        for (long p = pfn; p < pfn + (1L << order); p++) {
            z.mm.setFlags(z.mm.index(p), state);
        }
    }

    /**
     * Models __free_pages() -> free_the_page(): pcp orders to free_unref_page, others to __free_pages_ok. The
     * block's state is checked as the kernel checks it (see {@link #checkFree}): on a per-CPU free only in debug
     * mode ({@code debug}).
     */
    static void freePages(Machine m, long pfn, int order, boolean debug) {
        Zone z = zoneOfFree(m, pfn);
        int idx = z.mm.index(pfn);
        boolean pcp = m.pcpEnabled && PerCpuPages.pcpAllowedOrder(z, order);
        if (!pcp || debug) {
            checkFree(z, pfn, order);
        }
        PageAllocTracer t = m.tracer;
        if (t != null) {
            t.mmPageFree(pfn, order);
        }
        if (pcp) {
            PerCpuPages.freeUnrefPage(z, m.currentCpu, idx, order);
        } else {
            z.mm.setFlags(idx, 0);
            Buddy.freeOnePage(z, idx, order, z.pageblockMt(idx), false);
            m.events[VmEvent.PGFREE] += 1L << order;
        }
    }

    /** Models free_unref_page_list() for order-0 pages. */
    static void freePagesBatch(Machine m, long[] pfns, int count) {
        PageAllocTracer t = m.tracer;
        for (int i = 0; i < count; i++) {
            long pfn = pfns[i];
            Zone z = zoneForFree(m, pfn, 0);
            int idx = z.mm.index(pfn);
            if (t != null) {
                t.mmPageFree(pfn, 0);
            }
            if (!m.pcpEnabled) {
                z.mm.setFlags(idx, 0);
                Buddy.freeOnePage(z, idx, 0, z.pageblockMt(idx), false);
                m.events[VmEvent.PGFREE]++;
                continue;
            }
            int mt = z.pageblockMt(idx);
            if (mt == m.types.isolate()) {
                z.mm.setFlags(idx, 0);
                Buddy.freeOnePage(z, idx, 0, mt, false);
                continue;
            }
            z.mm.setFlags(idx, MemMap.pcpFlags(0, mt));
            if (t != null) {
                t.mmPageFreeBatched(pfn);
            }
            PerCpuPages.freeUnrefPageCommit(z, m.currentCpu, idx, mt >= MigrateType.PCPTYPES ? MigrateType.MOVABLE : mt, 0);
        }
    }
}
