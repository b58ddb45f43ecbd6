package org.mmsim.web.buddy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mmsim.page.MemMap;
import org.mmsim.page.MigrateType;
import org.mmsim.page.Zone;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoFormat;
import org.mmsim.proc.PageTypeInfoNode;
import org.mmsim.proc.ZoneBlockCounts;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneFreeByType;

/**
 * One moment of the demo's zone as the page draws it: every free list {@code free_area[order].free_list[mt]}
 * head to tail, the pageblocks' migratetypes, CPU 0's per-CPU lists and the allocated blocks (read from the
 * memory map). Read from the live zone with {@link #of}; a step inside one tracepoint (a split of several
 * orders, say) is shown as a copy changed by what the allocator was seen to do.
 */
final class ZoneState {
    /** How many pfns from the head of each list a step carries for the page. */
    static final int HEAD_PFNS = 16;

    private final String zoneName;
    private final long startPfn;
    private final long endPfn;
    private final int pageblockOrder;
    private final int orders;
    private final MigrateType types;
    private final List<List<Long>> free;
    private final int[] pageblocks;
    private final List<List<Long>> pcp;
    private final TreeMap<Long, Integer> allocated;
    private final Map<Long, String> owners;

    private ZoneState(ZoneState o) {
        zoneName = o.zoneName;
        startPfn = o.startPfn;
        endPfn = o.endPfn;
        pageblockOrder = o.pageblockOrder;
        orders = o.orders;
        types = o.types;
        free = deepCopy(o.free);
        pageblocks = o.pageblocks.clone();
        pcp = deepCopy(o.pcp);
        allocated = new TreeMap<>(o.allocated);
        owners = o.owners;
    }

    private ZoneState(Zone z, int orders, Map<Long, String> owners) {
        zoneName = z.name();
        startPfn = z.zoneStartPfn();
        endPfn = z.zoneEndPfn();
        pageblockOrder = z.node().arch().pageblockOrder();
        this.orders = orders;
        types = z.migrateTypes();
        free = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            for (int mt = 0; mt < types.count(); mt++) {
                free.add(boxed(z.freeList(o, mt)));
            }
        }
        int blocks = (int) ((endPfn - startPfn + (1L << pageblockOrder) - 1) >> pageblockOrder);
        pageblocks = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            pageblocks[i] = z.getPageblockMigratetype(startPfn + ((long) i << pageblockOrder));
        }
        pcp = new ArrayList<>();
        for (int p = 0; p < Zone.NR_PCP_LISTS; p++) {
            pcp.add(boxed(z.pcpList(0, p)));
        }
        allocated = new TreeMap<>();
        MemMap mm = z.node().memMap();
        for (long pfn = startPfn; pfn < endPfn; ) {
            if (mm.isAllocatedHead(pfn)) {
                allocated.put(pfn, mm.order(pfn));
            }
            pfn += mm.isAllocatedHead(pfn) || mm.isBuddy(pfn) || mm.isOnPcp(pfn) ? 1L << mm.order(pfn) : 1;
        }
        this.owners = Map.copyOf(owners);
    }

    /** The zone now; {@code owners} names the GFP flags each allocated block was asked with. */
    static ZoneState of(Zone z, Map<Long, String> owners) {
        return new ZoneState(z, z.node().arch().maxOrder(), owners);
    }

    ZoneState copy() {
        return new ZoneState(this);
    }

    private static List<Long> boxed(long[] pfns) {
        List<Long> l = new ArrayList<>(pfns.length);
        for (long p : pfns) {
            l.add(p);
        }
        return l;
    }

    private static List<List<Long>> deepCopy(List<List<Long>> lists) {
        List<List<Long>> c = new ArrayList<>(lists.size());
        for (List<Long> l : lists) {
            c.add(new ArrayList<>(l));
        }
        return c;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    MigrateType types() {
        return types;
    }

    int pageblockOrder() {
        return pageblockOrder;
    }

    int orders() {
        return orders;
    }

    private List<Long> list(int order, int mt) {
        return free.get(order * types.count() + mt);
    }

    /** Every free block, on whatever list it sits. */
    Set<FreeBlock> freeBlocks() {
        Set<FreeBlock> s = new HashSet<>();
        for (int o = 0; o < orders; o++) {
            for (int mt = 0; mt < types.count(); mt++) {
                for (long pfn : list(o, mt)) {
                    s.add(new FreeBlock(pfn, o, mt));
                }
            }
        }
        return s;
    }

    /** Where the block sits on its list, in words: "alone on", "at the head of" or "at the tail of". */
    String placeOn(FreeBlock b) {
        List<Long> l = list(b.order(), b.mt());
        if (l.size() == 1) {
            return "alone on";
        }
        return l.get(0) == b.pfn() ? "at the head of" : "at the tail of";
    }

    /** The pages on CPU 0's per-CPU lists, as blocks with their list's pindex in place of a migratetype. */
    Set<FreeBlock> pcpBlocks() {
        Set<FreeBlock> s = new HashSet<>();
        for (int p = 0; p < pcp.size(); p++) {
            for (long pfn : pcp.get(p)) {
                s.add(new FreeBlock(pfn, pindexOrder(p), p));
            }
        }
        return s;
    }

    /** pcp->count: base pages on CPU 0's lists. */
    long pcpCount() {
        long n = 0;
        for (int p = 0; p < pcp.size(); p++) {
            n += (long) pcp.get(p).size() << pindexOrder(p);
        }
        return n;
    }

    int pindexOrder(int pindex) {
        return pindex == Zone.NR_PCP_LISTS - 1 ? pageblockOrder : pindex / MigrateType.PCPTYPES;
    }

    /** The name of a per-CPU list: its order and migratetype (or THP for the pageblock-order list). */
    String pcpListName(int pindex) {
        return pindex == Zone.NR_PCP_LISTS - 1 ? "order " + pageblockOrder + " (THP)"
                : "order " + pindexOrder(pindex) + " " + types.name(pindex % MigrateType.PCPTYPES);
    }

    int pageblockCount() {
        return pageblocks.length;
    }

    int pageblockMt(int i) {
        return pageblocks[i];
    }

    long pageblockPfn(int i) {
        return startPfn + ((long) i << pageblockOrder);
    }

    /** The migratetype of the pageblock holding pfn. */
    int pageblockMtOf(long pfn) {
        return pageblocks[(int) ((pfn - startPfn) >> pageblockOrder)];
    }

    /** The order of the allocated block headed by pfn, or -1. */
    int allocatedOrder(long pfn) {
        Integer o = allocated.get(pfn);
        return o == null ? -1 : o;
    }

    /** The allocated blocks, pfn to order. */
    Map<Long, Integer> allocated() {
        return Collections.unmodifiableMap(allocated);
    }

    /** free_area[order].nr_free: the blocks on every list of the order. */
    long nrFree(int order) {
        long n = 0;
        for (int mt = 0; mt < types.count(); mt++) {
            n += list(order, mt).size();
        }
        return n;
    }

    long freeCount(int order, int mt) {
        return list(order, mt).size();
    }

    long nrFreePages() {
        long n = 0;
        for (int o = 0; o < orders; o++) {
            n += nrFree(o) << o;
        }
        return n;
    }

    // ---- changing a copy -----------------------------------------------------------------------------------

    ZoneState removeFree(FreeBlock b) {
        list(b.order(), b.mt()).remove(Long.valueOf(b.pfn()));
        return this;
    }

    ZoneState addFreeHead(FreeBlock b) {
        list(b.order(), b.mt()).add(0, b.pfn());
        return this;
    }

    ZoneState addPcpTail(int pindex, long pfn) {
        pcp.get(pindex).add(pfn);
        return this;
    }

    ZoneState addPcpHead(int pindex, long pfn) {
        pcp.get(pindex).add(0, pfn);
        return this;
    }

    ZoneState removePcp(long pfn) {
        for (List<Long> l : pcp) {
            l.remove(Long.valueOf(pfn));
        }
        return this;
    }

    ZoneState removeAllocated(long pfn) {
        allocated.remove(pfn);
        return this;
    }

    ZoneState addAllocated(long pfn, int order) {
        allocated.put(pfn, order);
        return this;
    }

    // ---- the kernel's files and the page's view ------------------------------------------------------------

    /** /proc/buddyinfo of this moment (mm/vmstat.c frag_show). */
    String buddyinfo() {
        long[] nr = new long[orders];
        for (int o = 0; o < orders; o++) {
            nr[o] = nrFree(o);
        }
        return BuddyInfoFormat.render(new BuddyInfo(List.of(new ZoneFreeArea(0, zoneName, nr))));
    }

    /** /proc/pagetypeinfo of this moment (mm/vmstat.c pagetypeinfo_show). */
    String pagetypeinfo() {
        int n = types.count();
        long[][] counts = new long[n][orders];
        long[] blocks = new long[n];
        List<String> names = new ArrayList<>();
        for (int mt = 0; mt < n; mt++) {
            names.add(types.name(mt));
            for (int o = 0; o < orders; o++) {
                counts[mt][o] = freeCount(o, mt);
            }
        }
        for (int b : pageblocks) {
            blocks[b]++;
        }
        PageTypeInfoNode node = new PageTypeInfoNode(0, pageblockOrder, 1L << pageblockOrder, orders, names,
                List.of(new ZoneFreeByType(zoneName, counts)), List.of(new ZoneBlockCounts(zoneName, blocks)),
                List.of());
        return PageTypeInfoFormat.render(new PageTypeInfo(List.of(node)));
    }

    /**
     * What the page draws: the lists (count and head pfns per order and migratetype), the pageblocks, the
     * per-CPU lists, the memory map as blocks (free, pcp, allocated), the allocated blocks, and the two files.
     */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<List<Map<String, Object>>> lists = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            List<Map<String, Object>> row = new ArrayList<>();
            for (int mt = 0; mt < types.count(); mt++) {
                List<Long> l = list(o, mt);
                row.add(Map.of("count", l.size(), "head", List.copyOf(l.subList(0, Math.min(HEAD_PFNS, l.size())))));
            }
            lists.add(row);
        }
        m.put("lists", lists);
        List<Long> nrFree = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            nrFree.add(nrFree(o));
        }
        m.put("nrFree", nrFree);
        m.put("nrFreePages", nrFreePages());
        List<Integer> pb = new ArrayList<>();
        for (int b : pageblocks) {
            pb.add(b);
        }
        m.put("pageblocks", pb);
        List<Map<String, Object>> pcpLists = new ArrayList<>();
        for (int p = 0; p < pcp.size(); p++) {
            if (!pcp.get(p).isEmpty()) {
                pcpLists.add(Map.of("pindex", p, "name", pcpListName(p), "order", pindexOrder(p),
                        "pfns", List.copyOf(pcp.get(p))));
            }
        }
        m.put("pcp", pcpLists);
        m.put("pcpCount", pcpCount());
        List<Object[]> map = new ArrayList<>();
        for (FreeBlock b : freeBlocks()) {
            map.add(new Object[] {b.pfn(), b.order(), "free", b.mt()});
        }
        for (FreeBlock b : pcpBlocks()) {
            map.add(new Object[] {b.pfn(), b.order(), "pcp", b.mt()});
        }
        List<Map<String, Object>> alloc = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : allocated.entrySet()) {
            map.add(new Object[] {e.getKey(), e.getValue(), "alloc", -1});
            alloc.add(Map.of("pfn", e.getKey(), "order", e.getValue(), "gfp", owners.getOrDefault(e.getKey(), "")));
        }
        map.sort((a, b) -> Long.compare((Long) a[0], (Long) b[0]));
        m.put("map", map);
        m.put("allocated", alloc);
        m.put("buddyinfo", buddyinfo());
        m.put("pagetypeinfo", pagetypeinfo());
        return m;
    }
}
