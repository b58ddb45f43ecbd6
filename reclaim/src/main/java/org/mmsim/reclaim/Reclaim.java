package org.mmsim.reclaim;

import org.mmsim.page.Watermarks;
import org.mmsim.page.Zone;
import org.mmsim.page.Zonelist;
import org.mmsim.page.AllocContext;

/**
 * Page reclaim of mm/vmscan.c without memcg and MGLRU: try_to_free_pages / do_try_to_free_pages /
 * shrink_zones (direct reclaim), shrink_node, prepare_scan_count and get_scan_count (swappiness and the
 * anon/file cost balance), shrink_lruvec, shrink_active_list, shrink_inactive_list and shrink_folio_list with
 * folio_check_references, swap-out of anon and shmem pages, workingset shadow entries (mm/workingset.c
 * workingset_eviction / workingset_refault) and the slab shrinkers (shrink_slab, do_shrink_slab) over the
 * reclaimable slab list.
 */
public final class Reclaim {
    private final Memory mem;
    private final PageOwners po;
    private final VmCounters c;
    final ScanControl sc = new ScanControl();
    private final long[] nr = new long[4];
    private final int[] isolated = new int[ScanControl.SWAP_CLUSTER_MAX];
    private final long[] refaultsSeen;

    Reclaim(Memory mem) {
        this.mem = mem;
        this.po = mem.owners;
        this.c = mem.counters;
        this.refaultsSeen = new long[2];
    }

    /**
     * try_to_free_pages(): direct reclaim for an allocation, SWAP_CLUSTER_MAX pages, from DEF_PRIORITY down to
     * 0, shrinking each node of the zonelist once per priority (shrink_zones), skipping zones where a costly
     * request should compact instead (compaction_ready). Returns the pages reclaimed.
     */
    public long tryToFreePages(AllocContext ac, int gfp, int order) {
        ScanControl s = sc;
        s.reset(ScanControl.SWAP_CLUSTER_MAX, ScanControl.DEF_PRIORITY, order, ac.highestZoneidx(), gfp, false);
        if (mem.env.traceEnabled("mm_vmscan_direct_reclaim_begin")) {
            mem.env.trace("task", 1, "mm_vmscan_direct_reclaim_begin",
                    "order=" + order + " gfp_flags=" + GfpNames.show(gfp));
        }
        Zonelist zl = ac.zonelist();
        long total = 0;
        do {
            s.nrScanned = 0;
            int lastNid = -1;
            boolean allCompactionReady = true;
            for (Zone z : zl.zones()) {
                if (z.zoneIdx() > ac.highestZoneidx() || z.managedPages() == 0) {
                    continue;
                }
                if (order > 3 && mem.config.compaction() && mem.compaction.compactionReady(z, order, ac.highestZoneidx())) {
                    continue;
                }
                allCompactionReady = false;
                int nid = z.node().nid();
                if (nid == lastNid) {
                    continue;
                }
                lastNid = nid;
                shrinkNode(nid);
            }
            total = s.nrReclaimed;
            if (total >= s.nrToReclaim || allCompactionReady) {
                break;
            }
        } while (--s.priority >= 0);
        mem.flushFreeBatch();
        if (mem.env.traceEnabled("mm_vmscan_direct_reclaim_end")) {
            mem.env.trace("task", 1, "mm_vmscan_direct_reclaim_end", "nr_reclaimed=" + total);
        }
        return total;
    }

    /** shrink_node(): the LRU lists of the node (shrink_lruvec) and its slab caches (shrink_slab). */
    void shrinkNode(int nid) {
        ScanControl s = sc;
        Lruvec lv = mem.lruvecs[nid];
        prepareScanCount(lv, nid);
        long before = s.nrReclaimed;
        shrinkLruvec(lv);
        shrinkSlab(lv, s.priority);
        mem.flushFreeBatch();
        if (s.nrReclaimed == before && s.kswapd) {
            return;
        }
    }

    /** prepare_scan_count(): may_deactivate from inactive_is_low and refaults, file_is_tiny, cache_trim_mode. */
    private void prepareScanCount(Lruvec lv, int nid) {
        ScanControl s = sc;
        s.mayDeactivate = 0;
        long ra = c.get(VmCounters.WORKINGSET_REFAULT_ANON);
        long rf = c.get(VmCounters.WORKINGSET_REFAULT_FILE);
        if (ra != refaultsSeen[0] || lv.inactiveIsLow(false)) {
            s.mayDeactivate |= ScanControl.DEACTIVATE_ANON;
        }
        if (rf != refaultsSeen[1] || lv.inactiveIsLow(true)) {
            s.mayDeactivate |= ScanControl.DEACTIVATE_FILE;
        }
        refaultsSeen[0] = ra;
        refaultsSeen[1] = rf;
        long file = lv.size(Lruvec.INACTIVE_FILE);
        s.cacheTrimMode = (file >> s.priority) != 0 && (s.mayDeactivate & ScanControl.DEACTIVATE_FILE) == 0;
        long free = 0;
        long highWmarks = 0;
        for (Zone z : mem.machine.node(nid).zones()) {
            if (z.populated() && z.zoneIdx() <= s.reclaimIdx) {
                free += z.nrFreePages();
                highWmarks += z.highWmarkPages();
            }
        }
        long allFile = file + lv.size(Lruvec.ACTIVE_FILE);
        long anon = lv.size(Lruvec.INACTIVE_ANON);
        s.fileIsTiny = allFile + free <= highWmarks && (s.mayDeactivate & ScanControl.DEACTIVATE_ANON) == 0
                && (anon >> s.priority) != 0;
    }

    /**
     * get_scan_count(): SCAN_FILE without swap, SCAN_EQUAL at priority 0, SCAN_ANON when the file cache is tiny,
     * SCAN_FILE in cache-trim mode, else SCAN_FRACT weighting anon by swappiness and file by 200 - swappiness
     * against the recent reclaim costs. Fills nr[] with the pages to scan of each evictable list.
     */
    void getScanCount(Lruvec lv) {
        ScanControl s = sc;
        int swappiness = mem.config.swappiness();
        boolean canSwap = s.maySwap && mem.swap.freePages() > 0;
        long fa = 0;
        long ff = 0;
        long denom = 1;
        int mode;
        if (!canSwap) {
            mode = 1;
        } else if (s.priority == 0 && swappiness != 0) {
            mode = 0;
        } else if (s.fileIsTiny) {
            mode = 2;
        } else if (s.cacheTrimMode) {
            mode = 1;
        } else {
            mode = 3;
            long total = lv.anonCost + lv.fileCost;
            long a = total + lv.anonCost;
            long f = total + lv.fileCost;
            total = a + f;
            fa = (long) swappiness * (total + 1) / (a + 1);
            ff = (long) (200 - swappiness) * (total + 1) / (f + 1);
            denom = fa + ff;
        }
        for (int lru = 0; lru < 4; lru++) {
            boolean file = lru >= Lruvec.INACTIVE_FILE;
            long scan = lv.size(lru) >> s.priority;
            switch (mode) {
                case 1 -> scan = file ? scan : 0;
                case 2 -> scan = file ? 0 : scan;
                case 3 -> scan = denom == 0 ? 0 : scan * (file ? ff : fa) / denom;
                default -> {
                }
            }
            nr[lru] = scan;
        }
    }

    /**
     * shrink_lruvec(): scans the lists in SWAP_CLUSTER_MAX batches until the targets are met; stops once enough
     * was reclaimed (except for global direct reclaim at DEF_PRIORITY, proportional reclaim); then ages the
     * active anon list if the inactive one is low.
     */
    private void shrinkLruvec(Lruvec lv) {
        ScanControl s = sc;
        getScanCount(lv);
        boolean proportional = !s.kswapd && s.priority == ScanControl.DEF_PRIORITY;
        while (nr[Lruvec.INACTIVE_ANON] > 0 || nr[Lruvec.ACTIVE_FILE] > 0 || nr[Lruvec.INACTIVE_FILE] > 0) {
            for (int lru = 0; lru < 4; lru++) {
                if (nr[lru] > 0) {
                    long n = Math.min(nr[lru], ScanControl.SWAP_CLUSTER_MAX);
                    nr[lru] -= n;
                    shrinkList(lv, lru, n);
                }
            }
            if (s.nrReclaimed < s.nrToReclaim || proportional) {
                continue;
            }
            break;
        }
        if (s.maySwap && mem.swap.freePages() > 0 && lv.inactiveIsLow(false)) {
            shrinkActiveList(lv, Lruvec.ACTIVE_ANON, ScanControl.SWAP_CLUSTER_MAX);
        }
    }

    private void shrinkList(Lruvec lv, int lru, long n) {
        boolean file = lru >= Lruvec.INACTIVE_FILE;
        if ((lru & 1) == 1) {
            if ((sc.mayDeactivate & (file ? ScanControl.DEACTIVATE_FILE : ScanControl.DEACTIVATE_ANON)) != 0) {
                shrinkActiveList(lv, lru, n);
            }
            return;
        }
        shrinkInactiveList(lv, lru, n);
    }

    /**
     * shrink_active_list(): takes pages from the tail of an active list, clears their accessed bits
     * (folio_referenced) and moves them to the head of the inactive list with PG_workingset (executable file
     * pages, which stay active, are not modelled).
     */
    void shrinkActiveList(Lruvec lv, int lru, long nrToScan) {
        int inactive = lru - 1;
        long scanned = 0;
        long deact = 0;
        while (scanned < nrToScan) {
            int s = lv.tailSlot(lru);
            if (s == PageOwners.NIL) {
                break;
            }
            int n = 1 << po.order[s];
            scanned += n;
            lv.del(s);
            po.flags[s] = (short) ((po.flags[s] & ~(PageOwners.F_ACTIVE | PageOwners.F_YOUNG))
                    | PageOwners.F_WORKINGSET);
            lv.addHead(s, inactive);
            deact += n;
        }
        c.add(VmCounters.PGREFILL, scanned);
        c.add(VmCounters.PGDEACTIVATE, deact);
    }

    /**
     * shrink_inactive_list() with shrink_folio_list(): isolates up to nrToScan pages from the tail; each is
     * activated, kept or reclaimed after folio_check_references (a young mapped page is activated if swap-backed
     * or referenced before, else kept with PG_referenced; an unreferenced page is reclaimed). Reclaim frees
     * clean file pages leaving a shadow entry, and swaps out anon and shmem pages while swap has room (else
     * they are activated, as when add_to_swap fails). A file page under writeback, or dirty (only kswapd could
     * write it, and 6.1 leaves that to the flusher), is marked PG_reclaim and activated; when every page taken was
     * dirty and not yet queued, the flusher is woken (WB_REASON_VMSCAN).
     */
    private void shrinkInactiveList(Lruvec lv, int lru, long nrToScan) {
        ScanControl s = sc;
        boolean file = lru == Lruvec.INACTIVE_FILE;
        int taken = 0;
        long scanned = 0;
        while (scanned < nrToScan && taken < isolated.length) {
            int slot = lv.tailSlot(lru);
            if (slot == PageOwners.NIL) {
                break;
            }
            scanned += 1L << po.order[slot];
            lv.del(slot);
            isolated[taken++] = slot;
        }
        if (taken == 0) {
            return;
        }
        s.nrScanned += scanned;
        c.add(s.kswapd ? VmCounters.PGSCAN_KSWAPD : VmCounters.PGSCAN_DIRECT, scanned);
        c.add(file ? VmCounters.PGSCAN_FILE : VmCounters.PGSCAN_ANON, scanned);
        long reclaimed = 0;
        long pageout = 0;
        long unqueuedDirty = 0;
        for (int i = 0; i < taken; i++) {
            int slot = isolated[i];
            int n = 1 << po.order[slot];
            int f = po.flags[slot];
            boolean swapBacked = po.kind[slot] != PageOwners.FILE;
            if (!swapBacked && (f & PageOwners.F_DIRTY) != 0 && (f & PageOwners.F_WRITEBACK) == 0) {
                unqueuedDirty += n;
            }
            if (!swapBacked && (f & PageOwners.F_WRITEBACK) != 0) {
                po.flags[slot] |= PageOwners.F_RECLAIM;
                activate(lv, slot, file);
                continue;
            }
            boolean young = po.kind[slot] == PageOwners.EXTERNAL
                    ? mem.externalPages() != null && mem.externalPages().referenced(po.pfn(slot))
                    : (f & PageOwners.F_YOUNG) != 0;
            boolean referenced = (f & PageOwners.F_REFERENCED) != 0;
            po.flags[slot] = (short) (f & ~(PageOwners.F_YOUNG | PageOwners.F_REFERENCED));
            if (young) {
                if (swapBacked || referenced) {
                    activate(lv, slot, file);
                } else {
                    po.flags[slot] |= PageOwners.F_REFERENCED;
                    lv.addHead(slot, lru);
                }
                continue;
            }
            if (!swapBacked && (f & PageOwners.F_DIRTY) != 0) {
                po.flags[slot] |= PageOwners.F_RECLAIM;
                c.add(VmCounters.NR_VMSCAN_IMMEDIATE, n);
                activate(lv, slot, file);
                continue;
            }
            if (pageOut(slot)) {
                reclaimed += n;
                if (swapBacked) {
                    pageout += n;
                }
            } else {
                activate(lv, slot, file);
            }
        }
        if (unqueuedDirty > 0 && unqueuedDirty == scanned) {
            mem.writeback.wakeupFlusherForReclaim();
        }
        s.nrReclaimed += reclaimed;
        c.add(s.kswapd ? VmCounters.PGSTEAL_KSWAPD : VmCounters.PGSTEAL_DIRECT, reclaimed);
        c.add(file ? VmCounters.PGSTEAL_FILE : VmCounters.PGSTEAL_ANON, reclaimed);
        noteCost(lv, file, pageout);
    }

    private void activate(Lruvec lv, int slot, boolean file) {
        po.flags[slot] |= PageOwners.F_ACTIVE;
        lv.addHead(slot, Lruvec.lruOf(file, true));
        c.add(VmCounters.PGACTIVATE, 1L << po.order[slot]);
    }

    /** lru_note_cost(): adds to the list type's cost, halving both when they outgrow a quarter of the LRU. */
    private void noteCost(Lruvec lv, boolean file, long cost) {
        if (cost == 0) {
            return;
        }
        if (file) {
            lv.fileCost += cost;
        } else {
            lv.anonCost += cost;
        }
        long lruSize = lv.size(0) + lv.size(1) + lv.size(2) + lv.size(3);
        if (lv.anonCost + lv.fileCost > lruSize / 4) {
            lv.anonCost /= 2;
            lv.fileCost /= 2;
        }
    }

    /** Reclaims one isolated page (already off its list); false if it cannot be (swap full). */
    private boolean pageOut(int slot) {
        long pfn = po.pfn(slot);
        int n = 1 << po.order[slot];
        int kind = po.kind[slot];
        if (kind == PageOwners.EXTERNAL) {
            return sc.maySwap && mem.externalPages() != null && mem.externalPages().pageOut(pfn);
        }
        if (kind == PageOwners.FILE) {
            AddressSpace as = mem.spaces.get(po.owner[slot]);
            Lruvec lv = mem.lruvecOf(pfn);
            int idx = po.index[slot];
            as.shadow[idx] = lv.nonresidentAge + 1;
            lv.nonresidentAge += n;
            as.pages[idx] = AddressSpace.NONE;
            po.flags[slot] &= ~PageOwners.F_LRU;
            mem.releaseLruPage(pfn);
            return true;
        }
        if (!sc.maySwap || !mem.swap.get(n)) {
            return false;
        }
        mem.counters.add(VmCounters.NR_SWAP_USED, n);
        c.add(VmCounters.PSWPOUT, n);
        if (kind == PageOwners.ANON) {
            Mm mm = mem.mms.get(po.owner[slot]);
            int v0 = po.index[slot];
            for (int i = 0; i < n; i++) {
                mm.pte[v0 + i] = Mm.SWAPPED;
            }
            mm.swapEntries += n;
            if (n > 1) {
                c.inc(VmCounters.THP_SWPOUT);
                c.add(VmCounters.NR_ANON_THPS, -1);
            }
        } else {
            AddressSpace as = mem.spaces.get(po.owner[slot]);
            as.pages[po.index[slot]] = AddressSpace.SWAPPED;
            as.swapEntries += n;
        }
        mem.releaseLruPage(pfn);
        return true;
    }

    /**
     * workingset_refault(): counts the refault and decides whether the page was evicted recently enough
     * (refault distance within the workingset: active file, plus anon when swap is available) to be
     * activated right away.
     */
    boolean workingsetRefault(Lruvec lv, long evictionAge) {
        c.inc(VmCounters.WORKINGSET_REFAULT_FILE);
        long distance = lv.nonresidentAge - evictionAge;
        long ws = lv.size(Lruvec.ACTIVE_FILE);
        if (mem.swap.freePages() > 0) {
            ws += lv.size(Lruvec.ACTIVE_ANON) + lv.size(Lruvec.INACTIVE_ANON);
        }
        noteCost(lv, true, 1);
        if (distance > ws) {
            return false;
        }
        c.inc(VmCounters.WORKINGSET_ACTIVATE_FILE);
        lv.nonresidentAge++;
        return true;
    }

    /**
     * shrink_slab() for the node: do_shrink_slab's delta = freeable >> (priority - 2) scaled by 4 (seeks
     * DEFAULT_SEEKS = 2), capped at twice the freeable count; frees that many pages from the cold end of the
     * reclaimable slab list. The real slab caches, if any, first give back their empty slabs
     * ({@link Memory#setSlabCacheShrinker}).
     */
    void shrinkSlab(Lruvec lv, int priority) {
        sc.nrReclaimed += mem.shrinkSlabCaches(lv.nid);
        long freeable = lv.size(Lruvec.SLAB);
        if (freeable == 0) {
            return;
        }
        long delta = priority >= 2 ? (freeable >> (priority - 2)) / 2 : freeable * 2;
        delta = Math.min(delta, freeable);
        if (delta == 0 && priority < ScanControl.DEF_PRIORITY) {
            delta = Math.min(freeable, ScanControl.SWAP_CLUSTER_MAX);
        }
        long freed = shrinkSlabList(lv, delta);
        c.add(VmCounters.SLABS_SCANNED, delta);
        sc.nrReclaimed += freed;
    }

    /** Frees up to n reclaimable slab pages from the tail of the node's list. */
    long shrinkSlabList(Lruvec lv, long n) {
        long freed = 0;
        while (freed < n) {
            int s = lv.tailSlot(Lruvec.SLAB);
            if (s == PageOwners.NIL) {
                break;
            }
            mem.freeSlabSlot(s);
            freed++;
        }
        return freed;
    }

    /** Whether a zone passes its high watermark (zone_watermark_ok_safe) for an order. */
    static boolean zoneBalanced(Zone z, int order, int highestZoneidx) {
        return Watermarks.zoneWatermarkOk(z, order, z.highWmarkPages(), highestZoneidx, 0);
    }

    CompactionApi compaction() {
        return mem.compaction;
    }
}
