package org.mmsim.web.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.page.MemMap;
import org.mmsim.workload.SimulationView;

/**
 * The pages of one pageblock, each with its state, the order and head of the block it belongs to, its owner and
 * migratetype, and the block's summary, read from a {@link Source}: a frame's kept per-page codes or the live
 * model. A page's code is what its struct page says on its own (state in the high nibble, order in the low one):
 * a head of a free, pcp or allocated block, a reserved page, a page without a memory map, or nothing (a tail);
 * a tail belongs to the nearest aligned head whose block covers it, as the buddy allocator's alignment implies.
 */
public final class PageblockPages {
    static final int NONE = 0;
    static final int RESERVED = 1;
    static final int ALLOCATED = 2;
    static final int PCP = 3;
    static final int FREE = 4;
    static final int HOLE = 5;
    /** The state names by code, as the page shows them. */
    static final String[] STATES = {"untracked", "reserved", "allocated", "pcp", "free", "hole"};
    private static final int MAX_ORDER_NIBBLE = 15;

    private PageblockPages() {
    }

    /** Where a block's page codes come from. */
    interface Source {
        /** The page's code ({@link #code}). */
        int code(long pfn);

        /** For an allocated head its owner kind's index + 1 (0: none); for a free head its list's type + 1. */
        int aux(long pfn);

        /** pageOwnerDetail of an allocated head, or null when the source cannot tell. */
        String detail(long pfn);
    }

    /** One page of the block. */
    public record Page(long pfn, String state, int order, long head, String owner, String detail,
            String migratetype) {
    }

    /** A block's pages and their sums. */
    public record Block(long pfnStart, long pfnEnd, String zone, String migratetype, Map<String, Integer> states,
            int free, int pcp, int used, Map<String, Integer> owners, List<Page> pages) {
    }

    /** The code of one page, read through the MemMap's public predicates. */
    static int code(MemMap mm, long pfn) {
        if (!mm.isValid(pfn)) {
            return HOLE << 4;
        }
        if (mm.isBuddy(pfn)) {
            return FREE << 4 | mm.order(pfn);
        }
        if (mm.isOnPcp(pfn)) {
            return PCP << 4 | mm.order(pfn);
        }
        if (mm.isAllocatedHead(pfn)) {
            return ALLOCATED << 4 | mm.order(pfn);
        }
        return mm.isReserved(pfn) ? RESERVED << 4 : NONE;
    }

    /** The aux byte of a page of that code (see {@link Source#aux}). */
    static int aux(MemMap mm, SimulationView view, long pfn, int code) {
        int state = code >>> 4;
        if (state == ALLOCATED) {
            String kind = view.pageOwner(pfn);
            return kind == null ? 0 : SimulationView.OWNER_KINDS.indexOf(kind) + 1;
        }
        return state == FREE ? mm.buddyListType(pfn) + 1 : 0;
    }

    /** The live model's pages of one node. */
    static Source live(SimulationView view, MemMap mm) {
        return new Source() {
            @Override
            public int code(long pfn) {
                return pfn < mm.basePfn() || pfn >= mm.endPfn() ? HOLE << 4 : PageblockPages.code(mm, pfn);
            }

            @Override
            public int aux(long pfn) {
                return PageblockPages.aux(mm, view, pfn, code(pfn));
            }

            @Override
            public String detail(long pfn) {
                return view.pageOwnerDetail(pfn);
            }
        };
    }

    /** A frame's kept pages of one zone. */
    static Source kept(PageblockZone zone, PageblockZone.Pages pages) {
        return new Source() {
            @Override
            public int code(long pfn) {
                return zone.holdsBlockOf(pfn) ? pages.codes()[(int) (pfn - zone.firstPfn())] & 0xff : HOLE << 4;
            }

            @Override
            public int aux(long pfn) {
                return zone.holdsBlockOf(pfn) ? pages.aux()[(int) (pfn - zone.firstPfn())] & 0xff : 0;
            }

            @Override
            public String detail(long pfn) {
                return null;
            }
        };
    }

    /**
     * The block of {@code pageblockPages} pages starting at {@code start} in {@code zone}, read from {@code src};
     * pages outside the zone's span count as holes.
     */
    static Block read(Source src, PageblockZone zone, long start, int pageblockPages, String blockType,
            String[] typeNames) {
        long end = start + pageblockPages;
        List<Page> pages = new ArrayList<>(pageblockPages);
        Map<String, Integer> states = new LinkedHashMap<>();
        for (String s : STATES) {
            states.put(s, 0);
        }
        Map<String, Integer> owners = new LinkedHashMap<>();
        long p = start;
        while (p < end) {
            if (p < zone.zoneStartPfn() || p >= zone.zoneEndPfn() || (src.code(p) >>> 4) == HOLE) {
                pages.add(new Page(p, STATES[HOLE], 0, p, null, null, blockType));
                states.merge(STATES[HOLE], 1, Integer::sum);
                p++;
                continue;
            }
            long head = headOf(src, p, zone.zoneStartPfn());
            int code = src.code(head);
            int state = code >>> 4;
            int order = state == RESERVED || state == NONE ? 0 : code & 0x0f;
            long stop = state == RESERVED || state == NONE ? p + 1
                    : Math.min(Math.min(end, head + (1L << order)), zone.zoneEndPfn());
            int aux = src.aux(head);
            String owner = state == ALLOCATED && aux > 0 ? SimulationView.OWNER_KINDS.get(aux - 1)
                    : null;
            String detail = owner == null ? null : src.detail(head);
            String type = state == FREE && aux > 0 ? typeNames[aux - 1] : blockType;
            for (long q = p; q < stop; q++) {
                pages.add(new Page(q, STATES[state], order, head, owner, detail, type));
            }
            int n = (int) (stop - p);
            states.merge(STATES[state], n, Integer::sum);
            if (owner != null) {
                owners.merge(owner, n, Integer::sum);
            }
            p = stop;
        }
        int free = states.get(STATES[FREE]);
        int pcp = states.get(STATES[PCP]);
        int used = pageblockPages - states.get(STATES[HOLE]) - free - pcp;
        return new Block(start, end - 1, zone.name(), blockType, states, free, pcp, used, owners, pages);
    }

    /** The head of the block covering pfn, or pfn itself when no aligned head covers it (a reserved page, a tail). */
    private static long headOf(Source src, long pfn, long zoneStart) {
        for (int o = 0; o <= MAX_ORDER_NIBBLE; o++) {
            long q = pfn & -(1L << o);
            if (q < zoneStart) {
                break;
            }
            int code = src.code(q);
            int state = code >>> 4;
            if (state == FREE || state == PCP || state == ALLOCATED) {
                return q + (1L << (code & 0x0f)) > pfn ? q : pfn;
            }
            if (state != NONE) {
                return pfn;
            }
        }
        return pfn;
    }
}
