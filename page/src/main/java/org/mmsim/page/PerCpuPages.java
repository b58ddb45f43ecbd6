package org.mmsim.page;

/**
 * The per-CPU page lists of mm/page_alloc.c 6.1: order_to_pindex(), pcp_allowed_order(), rmqueue_pcplist() /
 * __rmqueue_pcplist() with rmqueue_bulk(), free_unref_page() / free_unref_page_commit() with nr_pcp_high(),
 * nr_pcp_free() and free_pcppages_bulk(), and the drains (drain_pages_zone). Each list is a {@link PageDeque} of
 * page indexes, so list traffic touches no per-page links; a page on a list remembers its migratetype in its
 * flags byte.
 */
public final class PerCpuPages {
    private PerCpuPages() {
    }

    /** pcp_allowed_order(): orders up to PAGE_ALLOC_COSTLY_ORDER and the THP order (pageblock order). */
    static boolean pcpAllowedOrder(Zone z, int order) {
        return order <= Buddy.PAGE_ALLOC_COSTLY_ORDER || order == z.pageblockOrder;
    }

    /** order_to_pindex(). */
    public static int orderToPindex(int mt, int order) {
        if (order > Buddy.PAGE_ALLOC_COSTLY_ORDER) {
            return Zone.NR_PCP_LISTS - 1;
        }
        return MigrateType.PCPTYPES * order + mt;
    }

    /** pindex_to_order(). */
    static int pindexToOrder(Zone z, int pindex) {
        return pindex == Zone.NR_PCP_LISTS - 1 ? z.pageblockOrder : pindex / MigrateType.PCPTYPES;
    }

    /**
     * Models rmqueue_bulk(): up to {@code count} __rmqueue() calls, each page appended at the list tail with
     * its pcp migratetype; NR_FREE_PAGES drops by what was taken. Returns the number of pages listed.
     */
    static int rmqueueBulk(Zone z, int order, int count, PageDeque list, int mt, int allocFlags) {
        int i;
        int cma = z.types.cma();
        for (i = 0; i < count; i++) {
            long page = Buddy.rmqueue(z, order, mt, allocFlags);
            if (page == Buddy.NO_PAGE) {
                break;
            }
            int idx = Buddy.rmqueueIdx(page);
            int pmt = Buddy.rmqueueMt(page);
            list.addLast(idx);
            z.mm.setFlags(idx, MemMap.pcpFlags(order, pmt));
            if (pmt == cma) {
                z.nrFreeCmaPages -= 1L << order;
            }
        }
        z.nrFreePages -= (long) i << order;
        return i;
    }

    /**
     * Models rmqueue_pcplist() and __rmqueue_pcplist(): halves free_factor, refills an empty list with
     * max(batch >> order, 2) pages (batch if batch is 1), and takes the head. Counts pgalloc. Returns the page
     * index or -1.
     */
    static int rmqueuePcplist(Zone z, int cpu, int order, int mt, int allocFlags) {
        z.pcpFreeFactor[cpu] >>= 1;
        PageDeque list = z.pcpLists[cpu * Zone.NR_PCP_LISTS + orderToPindex(mt, order)];
        if (list.isEmpty()) {
            int batch = z.pcpBatch;
            if (batch > 1) {
                batch = Math.max(batch >> order, 2);
            }
            int alloced = rmqueueBulk(z, order, batch, list, mt, allocFlags);
            z.pcpCount[cpu] += alloced << order;
            if (list.isEmpty()) {
                return LinkSpace.NIL;
            }
        }
        return takeFirst(z, cpu, list, order);
    }

    /** __rmqueue_pcplist()'s take of the head of a list that holds a page: counts pgalloc. */
    private static int takeFirst(Zone z, int cpu, PageDeque list, int order) {
        int idx = list.pollFirst();
        z.pcpCount[cpu] -= 1 << order;
        z.events[VmEvent.PGALLOC_BASE + z.typeOrdinal] += 1L << order;
        return idx;
    }

    /** rmqueue_pcplist() on a list known to hold a page: halves free_factor and takes the head. */
    static int takeHead(Zone z, int cpu, PageDeque list, int order) {
        z.pcpFreeFactor[cpu] >>= 1;
        return takeFirst(z, cpu, list, order);
    }

    /**
     * Models free_unref_page() for one page: the pageblock's migratetype is remembered; Isolate pages go
     * straight to the buddy (free_one_page); HighAtomic and CMA pages go on the Movable list.
     */
    static void freeUnrefPage(Zone z, int cpu, int idx, int order) {
        int mt = z.pageblockMt(idx);
        if (mt >= MigrateType.PCPTYPES) {
            if (mt == z.types.isolate()) {
                Buddy.freeOnePage(z, idx, order, mt, false);
                return;
            }
            z.mm.setFlags(idx, MemMap.pcpFlags(order, mt));
            freeUnrefPageCommit(z, cpu, idx, MigrateType.MOVABLE, order);
            return;
        }
        z.mm.setFlags(idx, MemMap.pcpFlags(order, mt));
        freeUnrefPageCommit(z, cpu, idx, mt, order);
    }

    /**
     * Models free_unref_page_commit(): counts pgfree, puts the page at the head of its list, and when the count
     * reaches nr_pcp_high() frees nr_pcp_free() pages with free_pcppages_bulk().
     */
    static void freeUnrefPageCommit(Zone z, int cpu, int idx, int mt, int order) {
        z.events[VmEvent.PGFREE] += 1L << order;
        int pindex = orderToPindex(mt, order);
        z.pcpLists[cpu * Zone.NR_PCP_LISTS + pindex].addFirst(idx);
        int count = z.pcpCount[cpu] + (1 << order);
        z.pcpCount[cpu] = count;
        boolean freeHigh = z.pcpFreeFactor[cpu] != 0 && order != 0 && order <= Buddy.PAGE_ALLOC_COSTLY_ORDER;
        int high = nrPcpHigh(z, freeHigh);
        if (count >= high) {
            freePcppagesBulk(z, cpu, nrPcpFree(z, cpu, high, z.pcpBatch, freeHigh), pindex);
        }
    }

    /** Models nr_pcp_high(): 0 with free_high, else {@link Zone#pcpHighNow}. */
    static int nrPcpHigh(Zone z, boolean freeHigh) {
        return freeHigh ? 0 : z.pcpHighNow;
    }

    /**
     * Models nr_pcp_free(): all with free_high, 1 when high is below batch, else batch doubled per free_factor
     * step (free_factor grows while below high - batch), clamped to [batch, high - batch].
     */
    static int nrPcpFree(Zone z, int cpu, int high, int batch, boolean freeHigh) {
        if (freeHigh) {
            return z.pcpCount[cpu];
        }
        if (high < batch) {
            return 1;
        }
        int minNrFree = batch;
        int maxNrFree = high - batch;
        batch <<= z.pcpFreeFactor[cpu];
        if (batch < maxNrFree) {
            z.pcpFreeFactor[cpu]++;
        }
        return Math.max(minNrFree, Math.min(batch, maxNrFree));
    }

    /**
     * Models free_pcppages_bulk(): frees up to {@code count} base pages, starting with list {@code pindex} and
     * then round-robin over the lists, taking each list's pages from the tail (oldest first) and giving them to
     * __free_one_page with their remembered migratetype (re-read from the pageblock when an isolated pageblock
     * exists). Emits mm_page_pcpu_drain per page. Each page's state is checked first, as bulkfree_pcp_prepare()
     * does: a page freed twice stops the model here.
     */
    static void freePcppagesBulk(Zone z, int cpu, int count, int pindex) {
        int minPindex = 0;
        int maxPindex = Zone.NR_PCP_LISTS - 1;
        count = Math.min(z.pcpCount[cpu], count);
        int base = cpu * Zone.NR_PCP_LISTS;
        pindex = pindex - 1;
        boolean isolated = z.nrIsolatePageblock > 0;
        PageAllocTracer t = z.machine.tracer;
        while (count > 0) {
            PageDeque list;
            while (true) {
                if (++pindex > maxPindex) {
                    pindex = minPindex;
                }
                list = z.pcpLists[base + pindex];
                if (!list.isEmpty()) {
                    break;
                }
                if (pindex == maxPindex) {
                    maxPindex--;
                }
                if (pindex == minPindex) {
                    minPindex++;
                }
            }
            int order = pindexToOrder(z, pindex);
            int nrPages = 1 << order;
            do {
                int idx = list.pollLast();
                int f = z.mm.flags(idx);
                if (!MemMap.isPcp(f)) {
                    throw new IllegalStateException("bad page on a per-CPU list: pfn 0x"
                            + Long.toHexString(z.mm.pfn(idx)) + " (flags 0x" + Integer.toHexString(f)
                            + "), freed twice?");
                }
                int mt = MemMap.pcpMt(f);
                count -= nrPages;
                z.pcpCount[cpu] -= nrPages;
                if (isolated) {
                    mt = z.pageblockMt(idx);
                }
                Buddy.freeOnePage(z, idx, order, mt, false);
                if (t != null) {
                    t.mmPagePcpuDrain(z.mm.pfn(idx), order, mt);
                }
            } while (count > 0 && !list.isEmpty());
        }
    }

    /** Models drain_pages_zone(): frees everything on one CPU's lists of the zone. */
    public static void drainPagesZone(Zone z, int cpu) {
        if (z.pcpCount[cpu] > 0) {
            freePcppagesBulk(z, cpu, z.pcpCount[cpu], 0);
        }
    }

    /**
     * Puts a page on a CPU's list as the kernel's trace says it went there: at the head, as
     * free_unref_page_commit() does (HighAtomic and CMA pages on the Movable list, remembering their type), or at
     * the tail, as rmqueue_bulk() refills. No high/batch check: the drains the kernel did come as their own events.
     */
    public static void putPcpPage(Zone z, int cpu, long pfn, int order, int mt, boolean tail) {
        int idx = z.mm.index(pfn);
        int listMt = mt >= MigrateType.PCPTYPES ? MigrateType.MOVABLE : mt;
        PageDeque list = z.pcpLists[cpu * Zone.NR_PCP_LISTS + orderToPindex(listMt, order)];
        if (tail) {
            list.addLast(idx);
        } else {
            list.addFirst(idx);
        }
        z.mm.setFlags(idx, MemMap.pcpFlags(order, mt));
        z.pcpCount[cpu] += 1 << order;
    }

    /**
     * Models the list_del() of __rmqueue_pcplist() for a chosen page: takes {@code pfn} off the per-CPU list it
     * is on (the list of {@code cpu}, unless the page heads or ends another CPU's list) and makes it an allocated
     * head. Returns its remembered migratetype, or -1 (nothing changed) when it is on no per-CPU list.
     */
    public static int takePcpPage(Zone z, int cpu, long pfn, boolean movable) {
        int idx = z.mm.index(pfn);
        int f = z.mm.valid(idx) ? z.mm.flags(idx) : 0;
        if (!MemMap.isPcp(f)) {
            return -1;
        }
        int order = f & MemMap.ORDER_MASK;
        int mt = MemMap.pcpMt(f);
        unlinkPcp(z, cpu, idx, orderToPindex(mt >= MigrateType.PCPTYPES ? MigrateType.MOVABLE : mt, order), order);
        z.mm.setFlags(idx, MemMap.allocatedFlags(movable, order));
        return mt;
    }

    /** No pages: what {@link #pagesAhead} answers for a page at the head of its list or on no list. */
    private static final long[] NONE = new long[0];

    /**
     * The pages ahead of {@code pfn} on {@code cpu}'s per-CPU list that holds it, head first: the pages
     * __rmqueue_pcplist(), which always takes the head, hands out before it. Empty when the page heads the list
     * or is on no list of {@code cpu}.
     */
    public static long[] pagesAhead(Zone z, int cpu, long pfn) {
        int idx = z.mm.index(pfn);
        int f = z.mm.valid(idx) ? z.mm.flags(idx) : 0;
        if (!MemMap.isPcp(f)) {
            return NONE;
        }
        int mt = MemMap.pcpMt(f);
        int listMt = mt >= MigrateType.PCPTYPES ? MigrateType.MOVABLE : mt;
        PageDeque list = z.pcpLists[cpu * Zone.NR_PCP_LISTS + orderToPindex(listMt, f & MemMap.ORDER_MASK)];
        int n = list.indexOf(idx);
        if (n < 0) {
            n = list.size();
        }
        if (n == 0) {
            return NONE;
        }
        long[] ahead = new long[n];
        for (int k = 0; k < n; k++) {
            ahead[k] = z.mm.pfn(list.get(k));
        }
        return ahead;
    }

    /**
     * Models one page of free_pcppages_bulk(): {@code pfn} leaves its per-CPU list and __free_one_page() frees it
     * with migratetype {@code mt} (what mm_page_pcpu_drain reports). False (nothing changed) when the page is on
     * no per-CPU list.
     */
    public static boolean drainPcpPage(Zone z, int cpu, long pfn, int mt) {
        int idx = z.mm.index(pfn);
        int f = z.mm.valid(idx) ? z.mm.flags(idx) : 0;
        if (!MemMap.isPcp(f)) {
            return false;
        }
        int order = f & MemMap.ORDER_MASK;
        int pmt = MemMap.pcpMt(f);
        unlinkPcp(z, cpu, idx, orderToPindex(pmt >= MigrateType.PCPTYPES ? MigrateType.MOVABLE : pmt, order), order);
        Buddy.freeOnePage(z, idx, order, mt, false);
        return true;
    }

    /**
     * list_del() of a page from the per-CPU list that holds it: {@code cpu}'s list {@code pindex} first, then the
     * other CPUs' (a kernel trace may free on one CPU what another CPU's list holds).
     */
    private static void unlinkPcp(Zone z, int cpu, int idx, int pindex, int order) {
        int cpus = z.pcpCount.length;
        for (int k = 0; k < cpus; k++) {
            int c = (cpu + k) % cpus;
            PageDeque list = z.pcpLists[c * Zone.NR_PCP_LISTS + pindex];
            int at = list.indexOf(idx);
            if (at >= 0) {
                list.removeAt(at);
                z.pcpCount[c] -= 1 << order;
                return;
            }
        }
        throw new IllegalStateException("page index " + idx + " is on no per-CPU list " + pindex);
    }
}
