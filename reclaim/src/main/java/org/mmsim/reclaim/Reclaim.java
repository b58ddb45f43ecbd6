package org.mmsim.reclaim;

import org.mmsim.page.Watermarks;
import org.mmsim.page.Zone;
import org.mmsim.page.Zonelist;
import org.mmsim.page.AllocContext;
import org.mmsim.page.Buddy;

/**
 * Page reclaim of mm/vmscan.c (6.1) without memcg and MGLRU, method by method under the kernel's function names:
 * try_to_free_pages / do_try_to_free_pages and shrink_zones (direct reclaim), shrink_node, prepare_scan_count,
 * get_scan_count ({@link ScanBalance}), shrink_lruvec with its proportional scan adjustment, shrink_list,
 * shrink_active_list, shrink_inactive_list, isolate_lru_folios, shrink_folio_list with folio_check_references
 * ({@link FolioReferences}), swap-out of anon and shmem pages, workingset shadow entries (mm/workingset.c
 * workingset_eviction / workingset_refault) and the slab shrinkers (shrink_slab, do_shrink_slab) over the
 * reclaimable slab list. Each method says where it differs from the kernel.
 */
public final class Reclaim {
    private final Memory mem;
    private final PageOwners po;
    private final VmCounters c;
    final ScanControl sc = new ScanControl();
    private final long[] nr = new long[Lruvec.ACTIVE_FILE + 1];
    private final long[] targets = new long[Lruvec.ACTIVE_FILE + 1];
    private final int[] isolated = new int[ScanControl.SWAP_CLUSTER_MAX];
    private final long[] refaultsSeen;
    /** Pages shrink_folio_list() wrote to swap so far (its nr_pageout), for lru_note_cost. */
    private long nrPageout;

    Reclaim(Memory mem) {
        this.mem = mem;
        this.po = mem.owners;
        this.c = mem.counters;
        this.refaultsSeen = new long[2];
    }

    /**
     * Models mm/vmscan.c try_to_free_pages() with do_try_to_free_pages(): direct reclaim of SWAP_CLUSTER_MAX
     * pages for an allocation, from DEF_PRIORITY down to 0, one shrink_zones() pass per priority, until enough
     * was reclaimed or a zone was found ready for compaction. Returns the pages reclaimed, or 1 when nothing was
     * but reclaim stopped for compaction (the kernel's "don't OOM, compact" answer). Differs: no retry with
     * force_deactivate when active lists were skipped, and no memcg protection retry (no memcg in the model).
     */
    public long tryToFreePages(AllocContext ac, int gfp, int order) {
        return doTryToFreePages(ac.zonelist(), ac.highestZoneidx(), gfp, order);
    }

    /** The body of {@link #tryToFreePages}: a fresh scan_control for the zonelist, then the priority loop. */
    long doTryToFreePages(Zonelist zonelist, int highestZoneidx, int gfp, int order) {
        ScanControl s = sc;
        s.reset(ScanControl.SWAP_CLUSTER_MAX, ScanControl.DEF_PRIORITY, order, highestZoneidx, gfp, false);
        mem.env.ftrace().vmscanDirectReclaimBegin(order, gfp);
        do {
            s.nrScanned = 0;
            shrinkZones(zonelist);
            if (s.nrReclaimed >= s.nrToReclaim || s.compactionReady) {
                break;
            }
        } while (--s.priority >= 0);
        mem.flushFreeBatch();
        long result = s.nrReclaimed;
        if (result == 0 && s.compactionReady) {
            result = 1;
        }
        mem.env.ftrace().vmscanDirectReclaimEnd(result);
        return result;
    }

    /**
     * Models mm/vmscan.c shrink_zones(): walks the zonelist up to the reclaim index and shrinks each node once;
     * for a costly order (above PAGE_ALLOC_COSTLY_ORDER) a zone that compaction_ready() finds ready is skipped
     * and marks the whole pass ready for compaction, so one such zone is enough to stop direct reclaim.
     * Differs: no cpuset or memcg soft-limit reclaim.
     */
    void shrinkZones(Zonelist zonelist) {
        ScanControl s = sc;
        int lastNid = -1;
        for (Zone z : zonelist.zones()) {
            if (z.zoneIdx() > s.reclaimIdx || z.managedPages() == 0) {
                continue;
            }
            if (s.order > Buddy.PAGE_ALLOC_COSTLY_ORDER && mem.config.compaction()
                    && mem.compaction.compactionReady(z, s.order, s.reclaimIdx)) {
                s.compactionReady = true;
                continue;
            }
            int nid = z.node().nid();
            if (nid == lastNid) {
                continue;
            }
            lastNid = nid;
            shrinkNode(nid);
        }
    }

    /**
     * Models mm/vmscan.c shrink_node(): prepare_scan_count(), the node's LRU lists (shrink_lruvec) and its slab
     * caches (shrink_slab); any progress clears the node's kswapd_failures. Differs: no should_continue_reclaim()
     * loop for compaction, and no PGDAT_WRITEBACK/PGDAT_DIRTY/congestion flags or reclaim throttling (the model
     * has no I/O queue to wait on).
     */
    void shrinkNode(int nid) {
        ScanControl s = sc;
        Lruvec lv = mem.lruvecs[nid];
        long before = s.nrReclaimed;
        prepareScanCount(lv, nid);
        shrinkLruvec(lv);
        shrinkSlab(lv, s.priority);
        mem.flushFreeBatch();
        if (s.nrReclaimed != before) {
            mem.kswapd.resetFailures(nid);
        }
    }

    /**
     * Models mm/vmscan.c prepare_scan_count(): may_deactivate from inactive_is_low and refaults, cache_trim_mode
     * and file_is_tiny (free plus file pages of the node at or under the sum of its zones' high watermarks).
     * Differs: refaults are the workingset refault counters sampled at every call, where 6.1 compares its
     * workingset activations against a snapshot taken at the end of each reclaim run (snapshot_refaults); and
     * file_is_tiny counts free pages and high watermarks of the zones up to the reclaim index only (6.1: every
     * managed zone of the node).
     */
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
     * Models mm/vmscan.c get_scan_count(): chooses the {@link ScanBalance} and fills nr[] with the pages to scan of
     * each evictable list. Differs: anon can be reclaimed when swap has a free slot (no demotion tiers), and
     * there is no memcg protection or per-memcg swappiness.
     */
    ScanBalance getScanCount(Lruvec lv, long[] nr) {
        ScanControl s = sc;
        int swappiness = mem.config.swappiness();
        boolean canReclaimAnon = s.maySwap && mem.swap.freePages() > 0;
        ScanBalance balance = scanBalance(canReclaimAnon, s.priority, swappiness, s.fileIsTiny, s.cacheTrimMode);
        long[] sizes = {lv.size(Lruvec.INACTIVE_ANON), lv.size(Lruvec.ACTIVE_ANON), lv.size(Lruvec.INACTIVE_FILE),
            lv.size(Lruvec.ACTIVE_FILE)};
        scanTargets(balance, sizes, s.priority, swappiness, lv.anonCost, lv.fileCost, nr);
        return balance;
    }

    /** The scan balance get_scan_count() picks, in the order of its tests. */
    static ScanBalance scanBalance(boolean canReclaimAnon, int priority, int swappiness, boolean fileIsTiny,
            boolean cacheTrimMode) {
        if (!canReclaimAnon) {
            return ScanBalance.SCAN_FILE;
        }
        if (priority == 0 && swappiness != 0) {
            return ScanBalance.SCAN_EQUAL;
        }
        if (fileIsTiny) {
            return ScanBalance.SCAN_ANON;
        }
        if (cacheTrimMode) {
            return ScanBalance.SCAN_FILE;
        }
        return ScanBalance.SCAN_FRACT;
    }

    /**
     * get_scan_count()'s targets: each list's size shifted right by the priority, then for SCAN_FRACT scaled by
     * ap / (ap + fp) or fp / (ap + fp), where ap = swappiness * (total + 1) / (anon + 1) and
     * fp = (200 - swappiness) * (total + 1) / (file + 1), with anon = total + anonCost, file = total + fileCost
     * and total = anon + file (rounding down, as for the online root memcg).
     */
    static void scanTargets(ScanBalance balance, long[] lruSizes, int priority, int swappiness, long anonCost,
            long fileCost, long[] nr) {
        long ap = 0;
        long fp = 0;
        if (balance == ScanBalance.SCAN_FRACT) {
            long total = anonCost + fileCost;
            long anon = total + anonCost;
            long file = total + fileCost;
            total = anon + file;
            ap = (long) swappiness * (total + 1) / (anon + 1);
            fp = (long) (200 - swappiness) * (total + 1) / (file + 1);
        }
        long denominator = ap + fp;
        for (int lru = Lruvec.INACTIVE_ANON; lru <= Lruvec.ACTIVE_FILE; lru++) {
            boolean file = lru >= Lruvec.INACTIVE_FILE;
            long scan = lruSizes[lru] >> priority;
            switch (balance) {
                case SCAN_EQUAL -> {
                }
                case SCAN_FRACT -> scan = denominator == 0 ? 0 : scan * (file ? fp : ap) / denominator;
                case SCAN_FILE -> scan = file ? scan : 0;
                case SCAN_ANON -> scan = file ? 0 : scan;
            }
            nr[lru] = scan;
        }
    }

    /**
     * Models mm/vmscan.c shrink_lruvec(): scans the lists in SWAP_CLUSTER_MAX batches toward the get_scan_count()
     * targets. Once this call has reclaimed nr_to_reclaim (counted from this call, not the running total),
     * it stops the smaller of anon and file and cuts the other to its target's unscanned share
     * ({@link #adjustScanProportionally}); global direct reclaim at DEF_PRIORITY scans its whole targets instead
     * (proportional_reclaim). Then ages the active anon list if the inactive one is low. Differs: anon is aged
     * only while swap has a free slot (6.1 ages it whenever a swap device exists).
     */
    void shrinkLruvec(Lruvec lv) {
        ScanControl s = sc;
        getScanCount(lv, nr);
        System.arraycopy(nr, 0, targets, 0, nr.length);
        boolean proportionalReclaim = !s.kswapd && s.priority == ScanControl.DEF_PRIORITY;
        long nrReclaimed = 0;
        long nrToReclaim = s.nrToReclaim;
        while (nr[Lruvec.INACTIVE_ANON] > 0 || nr[Lruvec.ACTIVE_FILE] > 0 || nr[Lruvec.INACTIVE_FILE] > 0) {
            for (int lru = Lruvec.INACTIVE_ANON; lru <= Lruvec.ACTIVE_FILE; lru++) {
                if (nr[lru] > 0) {
                    long n = Math.min(nr[lru], ScanControl.SWAP_CLUSTER_MAX);
                    nr[lru] -= n;
                    nrReclaimed += shrinkList(lv, lru, n);
                }
            }
            if (nrReclaimed < nrToReclaim || proportionalReclaim) {
                continue;
            }
            if (!adjustScanProportionally(nr, targets)) {
                break;
            }
        }
        s.nrReclaimed += nrReclaimed;
        if (s.maySwap && mem.swap.freePages() > 0 && lv.inactiveIsLow(false)) {
            shrinkActiveList(lv, Lruvec.ACTIVE_ANON, ScanControl.SWAP_CLUSTER_MAX);
        }
    }

    /**
     * shrink_lruvec()'s nudge toward proportional scanning once enough was reclaimed: false (stop) if anon or
     * file has nothing left to scan; else the type with less left stops, and each list of the other type is cut
     * to its target times the share the stopped type still had left (percent, rounded down), less what it has
     * already scanned.
     */
    static boolean adjustScanProportionally(long[] nr, long[] targets) {
        long nrFile = nr[Lruvec.INACTIVE_FILE] + nr[Lruvec.ACTIVE_FILE];
        long nrAnon = nr[Lruvec.INACTIVE_ANON] + nr[Lruvec.ACTIVE_ANON];
        if (nrFile == 0 || nrAnon == 0) {
            return false;
        }
        int stop;
        long percentage;
        if (nrFile > nrAnon) {
            stop = Lruvec.INACTIVE_ANON;
            percentage = nrAnon * 100 / (targets[Lruvec.INACTIVE_ANON] + targets[Lruvec.ACTIVE_ANON] + 1);
        } else {
            stop = Lruvec.INACTIVE_FILE;
            percentage = nrFile * 100 / (targets[Lruvec.INACTIVE_FILE] + targets[Lruvec.ACTIVE_FILE] + 1);
        }
        nr[stop] = 0;
        nr[stop + 1] = 0;
        int other = stop == Lruvec.INACTIVE_FILE ? Lruvec.INACTIVE_ANON : Lruvec.INACTIVE_FILE;
        for (int lru = other; lru <= other + 1; lru++) {
            long scanned = targets[lru] - nr[lru];
            long left = targets[lru] * (100 - percentage) / 100;
            nr[lru] = left - Math.min(left, scanned);
        }
        return true;
    }

    /**
     * Models mm/vmscan.c shrink_list(): an active list is aged (shrink_active_list) only when may_deactivate
     * allows its type; an inactive list is reclaimed. Returns the pages reclaimed.
     */
    private long shrinkList(Lruvec lv, int lru, long n) {
        boolean file = lru >= Lruvec.INACTIVE_FILE;
        if ((lru & 1) == 1) {
            if ((sc.mayDeactivate & (file ? ScanControl.DEACTIVATE_FILE : ScanControl.DEACTIVATE_ANON)) != 0) {
                shrinkActiveList(lv, lru, n);
            }
            return 0;
        }
        return shrinkInactiveList(lv, lru, n);
    }

    /**
     * Models mm/vmscan.c shrink_active_list(): takes folios from the tail of an active list, clears their young
     * ptes (folio_referenced) and moves them to the head of the inactive list with PG_workingset. Differs:
     * referenced executable file folios, which 6.1 keeps active, are not modelled (the model maps no file).
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
     * Models mm/vmscan.c shrink_inactive_list(): isolates up to nrToScan pages from the tail
     * (isolate_lru_folios), reclaims what it can (shrink_folio_list), counts the scan and the steal, notes the
     * cost of the pages written to swap (lru_note_cost), and wakes the flusher (WB_REASON_VMSCAN) when every page
     * taken was dirty and not yet queued for writeback. Returns the pages reclaimed.
     */
    long shrinkInactiveList(Lruvec lv, int lru, long nrToScan) {
        ScanControl s = sc;
        boolean file = lru == Lruvec.INACTIVE_FILE;
        int taken = isolateLruFolios(lv, lru, nrToScan);
        if (taken == 0) {
            return 0;
        }
        long nrTaken = 0;
        long unqueuedDirty = 0;
        for (int i = 0; i < taken; i++) {
            int slot = isolated[i];
            nrTaken += 1L << po.order[slot];
            int f = po.flags[slot];
            if (po.kind[slot] == PageOwners.FILE && (f & PageOwners.F_DIRTY) != 0
                    && (f & PageOwners.F_WRITEBACK) == 0) {
                unqueuedDirty += 1L << po.order[slot];
            }
        }
        s.nrScanned += nrTaken;
        c.add(s.kswapd ? VmCounters.PGSCAN_KSWAPD : VmCounters.PGSCAN_DIRECT, nrTaken);
        c.add(file ? VmCounters.PGSCAN_FILE : VmCounters.PGSCAN_ANON, nrTaken);
        long pageout = nrPageout;
        long reclaimed = shrinkFolioList(lv, lru, taken);
        pageout = nrPageout - pageout;
        if (unqueuedDirty == nrTaken) {
            mem.writeback.wakeupFlusherForReclaim();
        }
        c.add(s.kswapd ? VmCounters.PGSTEAL_KSWAPD : VmCounters.PGSTEAL_DIRECT, reclaimed);
        c.add(file ? VmCounters.PGSTEAL_FILE : VmCounters.PGSTEAL_ANON, reclaimed);
        noteCost(lv, file, pageout);
        return reclaimed;
    }

    /**
     * Models mm/vmscan.c isolate_lru_folios(): takes folios from the tail of a list until nrToScan pages (a THP
     * counts its pages) or SWAP_CLUSTER_MAX folios, into {@code isolated}; returns how many folios. Differs:
     * folios of zones above the reclaim index are not skipped (the model keeps one LRU per node and scans it
     * whole).
     */
    int isolateLruFolios(Lruvec lv, int lru, long nrToScan) {
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
        return taken;
    }

    /**
     * Models mm/vmscan.c shrink_folio_list() over the isolated folios: a file folio under writeback gets PG_reclaim
     * and is activated (the case of global reclaim); otherwise folio_check_references() decides; a folio to
     * reclaim that is a dirty file folio gets PG_reclaim, counts in nr_vmscan_immediate and is activated (only
     * kswapd on a node flagged PGDAT_DIRTY could write it, and the model never flags one); a clean file folio is
     * freed with a shadow entry, an anon or shmem one swapped out, or activated when swap is full (add_to_swap
     * failing). Returns the pages reclaimed.
     */
    private long shrinkFolioList(Lruvec lv, int lru, int taken) {
        boolean file = lru == Lruvec.INACTIVE_FILE;
        long reclaimed = 0;
        for (int i = 0; i < taken; i++) {
            int slot = isolated[i];
            int n = 1 << po.order[slot];
            int f = po.flags[slot];
            boolean fileLru = po.kind[slot] == PageOwners.FILE;
            if (fileLru && (f & PageOwners.F_WRITEBACK) != 0) {
                po.flags[slot] |= PageOwners.F_RECLAIM;
                activate(lv, slot, file);
                continue;
            }
            FolioReferences references = folioCheckReferences(slot);
            if (references == FolioReferences.ACTIVATE) {
                activate(lv, slot, file);
                continue;
            }
            if (references == FolioReferences.KEEP) {
                lv.addHead(slot, lru);
                continue;
            }
            if (fileLru && (f & PageOwners.F_DIRTY) != 0) {
                po.flags[slot] |= PageOwners.F_RECLAIM;
                c.add(VmCounters.NR_VMSCAN_IMMEDIATE, n);
                activate(lv, slot, file);
                continue;
            }
            if (pageOut(slot)) {
                reclaimed += n;
                if (!fileLru) {
                    nrPageout += n;
                }
            } else {
                activate(lv, slot, file);
            }
        }
        return reclaimed;
    }

    /**
     * Models mm/vmscan.c folio_check_references(): reads and clears the folio's young pte (folio_referenced) and
     * its PG_referenced, sets PG_referenced again when a pte was young, and answers by
     * {@link #checkReferences}. Differs: one mapping per folio, so at most one young pte.
     */
    private FolioReferences folioCheckReferences(int slot) {
        int f = po.flags[slot];
        boolean young = po.kind[slot] == PageOwners.ANON
                ? mem.rmap() != null && mem.rmap().folioReferenced(po.pfn(slot))
                : (f & (PageOwners.F_YOUNG | PageOwners.F_MAPPED)) != 0;
        boolean referenced = (f & PageOwners.F_REFERENCED) != 0;
        po.flags[slot] = (short) (f & ~(PageOwners.F_YOUNG | PageOwners.F_REFERENCED));
        if (young) {
            po.flags[slot] |= PageOwners.F_REFERENCED;
        }
        return checkReferences(young ? 1 : 0, referenced, po.kind[slot] == PageOwners.FILE, false);
    }

    /**
     * folio_check_references()'s answer: with young ptes, activate if the folio was PG_referenced already, is
     * mapped young more than once, or is an executable file folio, else keep it for another trip; with none,
     * reclaim (only if clean when a file folio was PG_referenced).
     */
    static FolioReferences checkReferences(int referencedPtes, boolean referencedFolio, boolean fileLru,
            boolean exec) {
        if (referencedPtes > 0) {
            if (referencedFolio || referencedPtes > 1) {
                return FolioReferences.ACTIVATE;
            }
            if (exec && fileLru) {
                return FolioReferences.ACTIVATE;
            }
            return FolioReferences.KEEP;
        }
        if (referencedFolio && fileLru) {
            return FolioReferences.RECLAIM_CLEAN;
        }
        return FolioReferences.RECLAIM;
    }

    /** shrink_folio_list()'s activate_locked: PG_active, back to the head of the active list, pgactivate. */
    private void activate(Lruvec lv, int slot, boolean file) {
        po.flags[slot] |= PageOwners.F_ACTIVE;
        lv.addHead(slot, Lruvec.lruOf(file, true));
        c.add(VmCounters.PGACTIVATE, 1L << po.order[slot]);
    }

    /**
     * Models mm/swap.c lru_note_cost(): adds to the list type's cost, halving both when they outgrow a quarter of
     * the LRU. Differs: a call with no cost is skipped, where 6.1 still checks the decay.
     */
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

    /**
     * The reclaim of one isolated folio at the end of shrink_folio_list(): a clean file folio is removed from the
     * page cache with a workingset shadow entry (__remove_mapping), an anon or shmem one is added to swap and
     * unmapped (add_to_swap, try_to_unmap, pageout); false if it cannot be (swap full or swapping not allowed).
     */
    private boolean pageOut(int slot) {
        long pfn = po.pfn(slot);
        int n = 1 << po.order[slot];
        int kind = po.kind[slot];
        if (kind == PageOwners.ANON) {
            return sc.maySwap && mem.rmap() != null && mem.rmap().swapOut(pfn);
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
        if (!sc.maySwap) {
            return false;
        }
        long swapSlot = mem.swap.allocSlot();
        if (swapSlot < 0) {
            return false;
        }
        mem.swap.dup(swapSlot);
        c.add(VmCounters.PSWPOUT, n);
        AddressSpace as = mem.spaces.get(po.owner[slot]);
        as.pages[po.index[slot]] = AddressSpace.swapEntry(swapSlot);
        as.swapEntries += n;
        mem.releaseLruPage(pfn);
        return true;
    }

    /**
     * Models mm/workingset.c workingset_refault(): counts the refault and decides whether the page was evicted
     * recently enough (refault distance within the workingset: active file, plus anon when swap is available) to
     * be activated right away.
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
     * Models mm/vmscan.c shrink_slab() for the node: do_shrink_slab's delta, freeable >> priority times 4 divided
     * by DEFAULT_SEEKS (2); frees that many pages from the cold end of the reclaimable slab list. The real slab
     * caches, if any, first give back their empty slabs ({@link Memory#setSlabCacheShrinker}). Differs: the
     * delta is capped at the freeable count (6.1 lets the deferred scan reach twice that), and below
     * DEF_PRIORITY a zero delta becomes a batch of SWAP_CLUSTER_MAX, standing in for the deferred work.
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

    /** Whether a zone passes its high watermark for an order (pgdat_balanced()'s zone_watermark_ok_safe test). */
    static boolean zoneBalanced(Zone z, int order, int highestZoneidx) {
        return Watermarks.zoneWatermarkOk(z, order, z.highWmarkPages(), highestZoneidx, 0);
    }

    CompactionApi compaction() {
        return mem.compaction;
    }
}
