package org.mmsim.web.buddy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmsim.page.Fallback;
import org.mmsim.page.MigrateType;
import org.mmsim.page.PageAllocTracer;
import org.mmsim.page.PerCpuPages;
import org.mmsim.page.Zone;
import org.mmsim.page.trace.FtraceWriter;

/**
 * Turns what the allocator did during one operation into {@link Step}s: a tracepoint listener that, at every
 * kmem event (mm_page_free, mm_page_alloc_zone_locked, mm_page_alloc_extfrag, mm_page_pcpu_drain,
 * mm_page_alloc), reads the zone and explains the difference from the zone last shown in the kernel's words:
 * the block __rmqueue_smallest took and the halves expand() listed, the fallback block and what
 * steal_suitable_fallback did with its pageblock, the buddies __free_one_page merged, the pages the per-CPU lists
 * gained and lost. Nothing is computed a second time: each step names blocks the zone was seen to gain or lose.
 */
final class StepRecorder implements PageAllocTracer {
    private static final Set<String> EVENTS = Set.of("mm_page_alloc", "mm_page_free", "mm_page_alloc_zone_locked",
            "mm_page_pcpu_drain", "mm_page_alloc_extfrag", "mm_page_free_batched");

    private final Zone zone;
    private final MigrateType types;
    private final FtraceWriter ftrace;
    private final List<String> lines = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private Map<Long, String> owners = Map.of();
    private ZoneState shown;
    private String gfpLabel = "";
    private boolean pcpPath;
    private int requestMt;
    private int refills;
    private boolean draining;
    private String drainCause = "";
    private FreeBlock pendingFree;
    private long clockNs;

    StepRecorder(Zone zone) {
        this.zone = zone;
        this.types = zone.migrateTypes();
        this.ftrace = FtraceWriter.traceFile(lines::add, EVENTS, () -> 0, () -> clockNs,
                zone.node().arch().pageblockOrder(), null);
        ftrace.setTask("alloc-demo", 1000);
    }

    /**
     * Starts an operation: the zone as it is now, the first step (the call itself), and what the operation goes
     * through (the per-CPU lists or not; the request's migratetype; the GFP text an allocation is labelled with).
     */
    void begin(Map<Long, String> liveOwners, String function, String text, boolean viaPcp, int mt, String gfp,
            String drainWhy) {
        owners = liveOwners;
        steps.clear();
        lines.clear();
        clockNs += 1_000_000L;
        shown = capture();
        pcpPath = viaPcp;
        requestMt = mt;
        gfpLabel = gfp;
        refills = 0;
        draining = false;
        drainCause = drainWhy;
        pendingFree = null;
        add(function, text, "", shown);
    }

    /** Ends the operation: explains what changed after the last event (a buddy free's merges); the steps. */
    List<Step> finish() {
        ZoneState now = capture();
        if (pendingFree != null) {
            describeMerge(pendingFree, now);
        }
        describeRest(now);
        return List.copyOf(steps);
    }

    private ZoneState capture() {
        return ZoneState.of(zone, owners);
    }

    private void add(String function, String text, String trace, ZoneState state) {
        steps.add(new Step(function, text, trace, state));
    }

    /** The line the event printed in the trace file's layout. */
    private String lastLine() {
        String l = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        lines.clear();
        return l.strip();
    }

    private String mt(int mt) {
        return types.name(mt);
    }

    private static String hex(long pfn) {
        return "0x" + Long.toHexString(pfn);
    }

    private static Set<FreeBlock> minus(Set<FreeBlock> a, Set<FreeBlock> b) {
        Set<FreeBlock> r = new HashSet<>(a);
        r.removeAll(b);
        return r;
    }

    private int pcpListOf(long pfn, int order) {
        int blockMt = shown.pageblockMtOf(pfn);
        return PerCpuPages.orderToPindex(blockMt >= MigrateType.PCPTYPES ? MigrateType.MOVABLE : blockMt, order);
    }

    // ---- the events ----------------------------------------------------------------------------------------

    @Override
    public void mmPageFree(long pfn, int order) {
        ftrace.mmPageFree(pfn, order);
        String line = lastLine();
        ZoneState s = shown.copy().removeAllocated(pfn);
        if (pcpPath) {
            int pindex = pcpListOf(pfn, order);
            s.addPcpHead(pindex, pfn);
            add("free_unref_page", String.format("free_the_page → free_unref_page: an order-%d page goes to the"
                    + " per-CPU lists, not the buddy: free_unref_page_commit puts pfn %s at the head of CPU 0's"
                    + " pcp list [%s]; pcp->count is now %d (pcp->high %d)", order, hex(pfn),
                    s.pcpListName(pindex), s.pcpCount(), zone.pcpHigh()), line, s);
        } else {
            pendingFree = new FreeBlock(pfn, order, shown.pageblockMtOf(pfn));
            add("__free_pages_ok", String.format("free_the_page → __free_pages_ok → __free_one_page(pfn %s, order"
                    + " %d, %s, the pageblock's migratetype)", hex(pfn), order, mt(pendingFree.mt())), line, s);
        }
        shown = s;
    }

    @Override
    public void mmPageAllocZoneLocked(long pfn, int order, int migratetype, boolean percpuRefill) {
        ftrace.mmPageAllocZoneLocked(pfn, order, migratetype, percpuRefill);
        String line = lastLine();
        ZoneState now = capture();
        Set<FreeBlock> removed = minus(shown.freeBlocks(), now.freeBlocks());
        Set<FreeBlock> added = minus(now.freeBlocks(), shown.freeBlocks());
        FreeBlock taken = removed.stream().filter(b -> b.pfn() == pfn && b.mt() == migratetype).findFirst()
                .orElse(null);
        if (taken == null) {
            describeRest(now);
            return;
        }
        removed.remove(taken);
        String via;
        if (!pcpPath) {
            via = "rmqueue → rmqueue_buddy → __rmqueue → ";
        } else if (++refills == 1) {
            via = String.format("rmqueue_pcplist: CPU 0's pcp list [%s] is empty, so rmqueue_bulk refills it with up"
                    + " to %d pages (max(batch >> order, 2) for batch > 1), one __rmqueue each; page 1: ",
                    shown.pcpListName(PerCpuPages.orderToPindex(requestMt, order)), refillBatch(order));
        } else {
            via = String.format("rmqueue_bulk, page %d of up to %d: ", refills, refillBatch(order));
        }
        ZoneState s = shown.copy().removeFree(taken);
        add("__rmqueue_smallest", via + String.format("__rmqueue_smallest(order %d, %s): the first non-empty %s"
                + " list at order %d or above is order %d; del_page_from_free_list takes its head pfn %s off"
                + " free_area[%d].free_list[%s]%s", order, mt(migratetype), mt(migratetype), order, taken.order(),
                hex(pfn), taken.order(), mt(migratetype),
                taken.order() == order ? ", no split needed" : ""), line, s);
        List<FreeBlock> halves = new ArrayList<>(added);
        halves.sort(Comparator.comparingInt(FreeBlock::order).reversed());
        for (FreeBlock h : halves) {
            if (h.mt() == migratetype && h.pfn() == pfn + h.pages() && h.order() >= order && h.order() < taken.order()) {
                s = s.copy().addFreeHead(h);
                added.remove(h);
                add("expand", String.format("expand(): splits order %d into two of order %d: the lower half stays"
                        + " with the request, the upper half pfn %s goes to the head of free_area[%d].free_list[%s]",
                        h.order() + 1, h.order(), hex(h.pfn()), h.order(), mt(h.mt())), "", s);
            }
        }
        if (pcpPath) {
            int pindex = PerCpuPages.orderToPindex(requestMt, order);
            s = s.copy().addPcpTail(pindex, pfn);
            add("rmqueue_bulk", String.format("rmqueue_bulk: pfn %s goes to the tail of CPU 0's pcp list [%s]",
                    hex(pfn), s.pcpListName(pindex)), "", s);
        }
        shown = s;
        if (!removed.isEmpty() || !added.isEmpty()) {
            ZoneState real = pcpPath ? now.copy().addPcpTail(PerCpuPages.orderToPindex(requestMt, order), pfn) : now;
            describeRest(real);
        }
    }

    /** rmqueue_pcplist's refill count: max(batch >> order, 2), or batch itself when it is 1. */
    private int refillBatch(int order) {
        int batch = zone.pcpBatch();
        return batch > 1 ? Math.max(batch >> order, 2) : batch;
    }

    @Override
    public void mmPageAllocExtfrag(long pfn, int allocOrder, int fallbackOrder, int allocMt, int fallbackMt,
            boolean changeOwnership) {
        ftrace.mmPageAllocExtfrag(pfn, allocOrder, fallbackOrder, allocMt, fallbackMt, changeOwnership);
        String line = lastLine();
        ZoneState now = capture();
        int pbOrder = shown.pageblockOrder();
        boolean canSteal = Fallback.canStealFallback(zone, fallbackOrder, allocMt);
        int[] fb = Fallback.fallbacks(allocMt);
        String search = !canSteal && allocMt == MigrateType.MOVABLE && fallbackOrder < pbOrder
                ? "the largest fallback block may not be stolen by a Movable request, so it takes the smallest"
                + " suitable one"
                : "it looks from MAX_ORDER-1 down and takes the largest";
        add("__rmqueue_fallback", String.format("__rmqueue_smallest found no free %s block of order %d or above;"
                + " __rmqueue_fallback: find_suitable_fallback tries fallbacks[%s] = {%s, %s}; %s: the head of"
                + " free_area[%d].free_list[%s], pfn %s (order %d)", mt(allocMt), allocOrder, mt(allocMt),
                mt(fb[0]), mt(fb[1]), search, fallbackOrder, mt(fallbackMt), hex(pfn), fallbackOrder), "", shown);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < now.pageblockCount(); i++) {
            if (now.pageblockMt(i) != shown.pageblockMt(i)) {
                changed.add(hex(now.pageblockPfn(i)));
            }
        }
        long movedPages = 0;
        int movedBlocks = 0;
        for (FreeBlock b : minus(now.freeBlocks(), shown.freeBlocks())) {
            if (b.mt() == allocMt) {
                movedPages += b.pages();
                movedBlocks++;
            }
        }
        String steal;
        if (fallbackOrder >= pbOrder) {
            steal = String.format("the block is of pageblock order (%d) or more, so change_pageblock_range() makes"
                    + " its %d pageblock(s) %s, and move_to_free_list moves it to free_area[%d].free_list[%s]",
                    pbOrder, changed.size(), String.join(", ", changed) + " " + mt(allocMt), fallbackOrder,
                    mt(allocMt));
        } else if (!canSteal) {
            steal = String.format("can_steal_fallback() says no (order %d is below pageblock_order/2 = %d and the"
                    + " request is %s), so only this block moves to free_area[%d].free_list[%s]; its pageblock"
                    + " stays %s", fallbackOrder, pbOrder / 2, mt(allocMt), fallbackOrder, mt(allocMt),
                    mt(fallbackMt));
        } else {
            String why = fallbackOrder >= pbOrder / 2 ? "order " + fallbackOrder + " is at least pageblock_order/2"
                    : "an " + mt(allocMt) + " request may steal";
            String claim = changed.isEmpty()
                    ? String.format("free plus compatible pages stay below half the pageblock (%d), so the pageblock"
                            + " stays %s: the pages moved, the ownership did not", 1 << (pbOrder - 1), mt(fallbackMt))
                    : String.format("free plus compatible pages reach half the pageblock (%d), so the pageblock %s"
                            + " becomes %s: it is claimed", 1 << (pbOrder - 1), String.join(", ", changed),
                            mt(allocMt));
            steal = String.format("can_steal_fallback() allows taking the pageblock (%s): move_freepages_block()"
                    + " moves its %d free block(s), %d pages, to the %s lists; %s", why, movedBlocks, movedPages,
                    mt(allocMt), claim);
        }
        add("steal_suitable_fallback", "steal_suitable_fallback: " + steal + String.format(
                "; mm_page_alloc_extfrag change_ownership=%d. __rmqueue then retries __rmqueue_smallest(%s)",
                changeOwnership ? 1 : 0, mt(allocMt)), line, now);
        shown = now;
    }

    @Override
    public void mmPagePcpuDrain(long pfn, int order, int migratetype) {
        ftrace.mmPagePcpuDrain(pfn, order, migratetype);
        String line = lastLine();
        ZoneState now = capture();
        if (!draining) {
            draining = true;
            add("free_pcppages_bulk", drainCause.isEmpty()
                    ? String.format("pcp->count %d reached pcp->high %d: free_unref_page_commit calls"
                            + " free_pcppages_bulk(nr_pcp_free()), which gives pages back to the buddy from the"
                            + " tails of the lists (the oldest first), round-robin over the lists",
                            shown.pcpCount(), zone.pcpHigh())
                    : drainCause, "", shown);
        }
        int pindex = -1;
        for (FreeBlock b : shown.pcpBlocks()) {
            if (b.pfn() == pfn) {
                pindex = b.mt();
            }
        }
        ZoneState s = shown.copy().removePcp(pfn);
        add("free_pcppages_bulk", String.format("free_pcppages_bulk: pfn %s (order %d) leaves the tail of CPU 0's"
                + " pcp list [%s] and goes to __free_one_page as %s", hex(pfn), order,
                pindex < 0 ? "?" : s.pcpListName(pindex), mt(migratetype)), line, s);
        shown = s;
        describeMerge(new FreeBlock(pfn, order, migratetype), now);
    }

    @Override
    public void mmPageAlloc(long pfn, int order, int gfpFlags, int migratetype) {
        ftrace.mmPageAlloc(pfn, order, gfpFlags, migratetype);
        String line = lastLine();
        if (pfn >= 0) {
            owners.put(pfn, gfpLabel);
        }
        ZoneState now = capture();
        boolean onPcp = shown.pcpBlocks().stream().anyMatch(b -> b.pfn() == pfn);
        if (pfn >= 0 && onPcp) {
            ZoneState s = shown.copy().removePcp(pfn);
            add("rmqueue_pcplist", refills == 0
                    ? String.format("rmqueue_pcplist: CPU 0's pcp list is not empty, so its head pfn %s is taken"
                            + " without the zone lock or the buddy lists", hex(pfn))
                    : String.format("rmqueue_pcplist: __rmqueue_pcplist takes the head of the refilled list, pfn %s",
                            hex(pfn)), "", s);
            shown = s;
        }
        describeRest(now.copy().removeAllocated(pfn));
        if (pfn >= 0) {
            add("prep_new_page", String.format("alloc_pages(%s, order %d) returns pfn %s, %d page(s) of migratetype"
                    + " %s: prep_new_page hands the block out", gfpLabel, order, hex(pfn), 1 << order,
                    mt(migratetype)), line, now);
        } else {
            add("__alloc_pages_slowpath", String.format("alloc_pages(%s, order %d) fails: no free list of order %d"
                    + " or above can serve it, even through fallback, and the demo machine has no reclaim,"
                    + " compaction or OOM killer to make room", gfpLabel, order, order), line, now);
        }
        shown = now;
    }

    // ---- explanations ----------------------------------------------------------------------------------------

    /**
     * The merges of a block given to __free_one_page: each buddy the zone lost, of the block's order and at
     * pfn ^ (1 << order), merged one order up; then where the result was listed and why the merging stopped.
     */
    private void describeMerge(FreeBlock freed, ZoneState now) {
        Set<FreeBlock> removed = minus(shown.freeBlocks(), now.freeBlocks());
        List<FreeBlock> buddies = new ArrayList<>(removed);
        buddies.sort(Comparator.comparingInt(FreeBlock::order));
        ZoneState s = shown;
        long cur = freed.pfn();
        int o = freed.order();
        for (FreeBlock b : buddies) {
            if (b.order() == o && b.pfn() == (cur ^ (1L << o))) {
                s = s.copy().removeFree(b);
                long merged = cur & b.pfn();
                add("__free_one_page", String.format("__free_one_page: the buddy of pfn %s at order %d is pfn %s"
                        + " (pfn ^ (1 << %d)), a free order-%d block (page_is_buddy): del_page_from_free_list takes it"
                        + " off free_area[%d].free_list[%s] and the two merge into order %d at pfn %s", hex(cur), o,
                        hex(b.pfn()), o, o, o, mt(b.mt()), o + 1, hex(merged)), "", s);
                cur = merged;
                o++;
            }
        }
        FreeBlock result = null;
        for (FreeBlock b : minus(now.freeBlocks(), shown.freeBlocks())) {
            if (b.pfn() == cur && b.order() == o) {
                result = b;
            }
        }
        if (result == null) {
            describeRest(now);
            return;
        }
        String place = now.placeOn(result);
        String why = place.equals("at the tail of")
                ? " (buddy_merge_likely(): the next-higher buddy is free, so the block waits at the tail to merge)"
                : "";
        add("__free_one_page", String.format("%s; the block, order %d at pfn %s, goes %s free_area[%d].free_list[%s]%s",
                stopReason(cur, o, now), o, hex(cur), place, o, mt(result.mt()), why), "", now);
        shown = now;
    }

    /** Why __free_one_page stopped merging at this order, read from the zone. */
    private String stopReason(long pfn, int order, ZoneState now) {
        if (order >= now.orders() - 1) {
            return "merging stops at MAX_ORDER-1 (order " + order + ")";
        }
        long buddy = pfn ^ (1L << order);
        String what;
        if (now.allocatedOrder(buddy) >= 0) {
            what = "allocated (order " + now.allocatedOrder(buddy) + ")";
        } else if (now.pcpBlocks().stream().anyMatch(b -> b.pfn() == buddy)) {
            what = "on a per-CPU list, not PageBuddy";
        } else {
            FreeBlock f = now.freeBlocks().stream().filter(b -> b.pfn() == buddy).findFirst().orElse(null);
            what = f == null ? "not the head of a free block (it lies inside another block)"
                    : "a free block of order " + f.order() + ", not " + order;
        }
        return String.format("merging stops at order %d: the buddy pfn %s is %s", order, hex(buddy), what);
    }

    /** Any change not explained yet (a highatomic reserve, say), as one step listing it; the zone is then shown. */
    private void describeRest(ZoneState now) {
        Set<FreeBlock> removed = minus(shown.freeBlocks(), now.freeBlocks());
        Set<FreeBlock> added = minus(now.freeBlocks(), shown.freeBlocks());
        List<String> parts = new ArrayList<>();
        String function = "free lists";
        for (int i = 0; i < now.pageblockCount(); i++) {
            if (now.pageblockMt(i) != shown.pageblockMt(i)) {
                parts.add("pageblock " + hex(now.pageblockPfn(i)) + " " + mt(shown.pageblockMt(i)) + " → "
                        + mt(now.pageblockMt(i)));
                if (now.pageblockMt(i) == MigrateType.HIGHATOMIC) {
                    function = "reserve_highatomic_pageblock";
                }
            }
        }
        for (FreeBlock b : removed) {
            parts.add("off free_area[" + b.order() + "].free_list[" + mt(b.mt()) + "]: pfn " + hex(b.pfn()));
        }
        for (FreeBlock b : added) {
            parts.add("onto free_area[" + b.order() + "].free_list[" + mt(b.mt()) + "]: pfn " + hex(b.pfn()));
        }
        if (!shown.pcpBlocks().equals(now.pcpBlocks())) {
            parts.add("CPU 0's pcp lists change");
        }
        if (!parts.isEmpty()) {
            add(function, String.join("; ", parts), "", now);
        }
        shown = now;
    }
}
