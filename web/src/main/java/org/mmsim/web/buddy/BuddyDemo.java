package org.mmsim.web.buddy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Gfp;
import org.mmsim.page.GfpNames;
import org.mmsim.page.Machine;
import org.mmsim.page.MemMap;
import org.mmsim.page.SimpleMachine;
import org.mmsim.page.Zone;
import org.mmsim.web.ApiError;
import org.mmsim.web.Simulation;

/**
 * One session's alloc-demo: the machine of {@code mmsim alloc-demo} (x86_64, one CPU, one Normal zone of 16 MiB,
 * 4096 pages at pfn 0x1000, 8 pageblocks of 512 pages, all Movable at boot, watermarks 0), with the per-CPU lists
 * as the page chose, on which the page calls alloc_pages and __free_pages. Each operation's steps are kept
 * until the next one, so the page can step through them.
 */
public final class BuddyDemo implements Simulation {
    /** The session slot of the demo. */
    public static final String SLOT = "buddy";
    /** The zone's first pfn. */
    public static final long ZONE_START_PFN = 0x1000;
    /** The zone's pages. */
    public static final long ZONE_PAGES = 4096;
    /** The GFP flags the page offers, by migratetype: Unmovable, Movable, Reclaimable, and atomic ones. */
    public static final List<String> GFP_CHOICES = List.of("GFP_KERNEL", "GFP_HIGHUSER_MOVABLE",
            "GFP_KERNEL|__GFP_RECLAIMABLE", "GFP_ATOMIC", "GFP_NOWAIT");

    private final PcpSettings pcp;
    private final Machine machine;
    private final Zone zone;
    private final StepRecorder recorder;
    private final Map<Long, String> owners = new HashMap<>();
    private String lastOperation;
    private List<Step> lastSteps;

    public BuddyDemo(PcpSettings pcp) {
        this.pcp = pcp;
        this.machine = SimpleMachine.build(Arch.X86_64, 1,
                List.of(new SimpleMachine.ZoneSpec(ZoneType.NORMAL, ZONE_START_PFN, ZONE_PAGES)));
        machine.setPcpEnabled(pcp.enabled());
        this.zone = machine.node(0).zone(ZoneType.NORMAL);
        zone.setPcpHighBatch(pcp.high(), pcp.batch());
        this.recorder = new StepRecorder(zone);
        this.lastOperation = "boot";
        this.lastSteps = List.of(new Step("memblock_free_pages", String.format("boot: __free_pages_memory hands the"
                + " zone's %d pages to the buddy allocator in order-%d blocks (__free_one_page, FPI_TO_TAIL);"
                + " memmap_init made every pageblock Movable", ZONE_PAGES, machine.arch().maxOrder() - 1), "",
                ZoneState.of(zone, owners)));
    }

    /** The demo's machine (tests build one to read the model's own lists). */
    public Machine machine() {
        return machine;
    }

    /** The demo's zone. */
    public Zone zone() {
        return zone;
    }

    /** alloc_pages(gfp, order) on CPU 0, recorded step by step. */
    public synchronized void alloc(int order, String gfpText) {
        int maxOrder = machine.arch().maxOrder();
        if (order < 0 || order >= maxOrder) {
            throw ApiError.badRequest("order must be 0.." + (maxOrder - 1) + ", not " + order);
        }
        if (!GFP_CHOICES.contains(gfpText)) {
            throw ApiError.badRequest("gfp must be one of " + String.join(", ", GFP_CHOICES) + ", not '" + gfpText + "'");
        }
        int gfp = GfpNames.parse(gfpText, "gfp");
        int mt = Gfp.gfpMigratetype(gfp);
        boolean viaPcp = machine.pcpEnabled() && pcpOrder(order);
        String path = viaPcp ? "rmqueue_pcplist (order " + order + " is kept on per-CPU lists)"
                : machine.pcpEnabled() ? "rmqueue_buddy (order " + order + " is not kept on per-CPU lists)"
                : "rmqueue_buddy (per-CPU lists off)";
        recorder.begin(owners, "alloc_pages", String.format("alloc_pages(%s, order %d): a request for %d page(s) of"
                + " migratetype %s; get_page_from_freelist → rmqueue → %s", gfpText, order, 1 << order,
                zone.migrateTypes().name(mt), path), viaPcp, mt, gfpText, "");
        long pfn = traced(() -> machine.allocPages(gfp, order));
        finish(String.format("alloc_pages(%s, order %d) = %s", gfpText, order, pfn < 0 ? "NULL" : hex(pfn)));
    }

    /**
     * __free_pages(pfn, order) on CPU 0, recorded step by step; 400 unless pfn heads an allocated block of that
     * order (checked through the memory map, so a wrong free never reaches the allocator).
     */
    public synchronized void free(long pfn, int order) {
        if (!zone.spans(pfn)) {
            throw ApiError.badRequest(String.format("pfn %s is outside the demo zone (%s-%s)", hex(pfn),
                    hex(zone.zoneStartPfn()), hex(zone.zoneEndPfn() - 1)));
        }
        MemMap mm = zone.node().memMap();
        if (!mm.isAllocatedHead(pfn) || mm.order(pfn) != order) {
            String what = mm.isAllocatedHead(pfn) ? "heads an allocated block of order " + mm.order(pfn)
                    : mm.isBuddy(pfn) ? "is free (the head of a free order-" + mm.order(pfn) + " block)"
                    : mm.isOnPcp(pfn) ? "is free (on a per-CPU list)"
                    : "is not the head of an allocated block";
            throw ApiError.badRequest(String.format("cannot free pfn %s order %d: it %s", hex(pfn), order, what));
        }
        boolean viaPcp = machine.pcpEnabled() && pcpOrder(order);
        recorder.begin(owners, "__free_pages", String.format("__free_pages(pfn %s, order %d): %d page(s) allocated"
                + " as %s come back", hex(pfn), order, 1 << order, owners.getOrDefault(pfn, "?")), viaPcp, 0, "", "");
        traced(() -> {
            machine.freePages(pfn, order);
            return pfn;
        });
        owners.remove(pfn);
        finish(String.format("__free_pages(%s, order %d)", hex(pfn), order));
    }

    /** drain_local_pages(zone): CPU 0's per-CPU lists go back to the buddy, recorded step by step. */
    public synchronized void drain() {
        recorder.begin(owners, "drain_local_pages", String.format("drain_local_pages: CPU 0's per-CPU lists hold %d"
                + " page(s)", zone.pcpCount(0)), false, 0, "", "drain_pages_zone → free_pcppages_bulk(pcp->count):"
                + " every page on CPU 0's lists goes back to the buddy, from the tails of the lists, round-robin");
        traced(() -> {
            machine.drainLocalPages(zone);
            return 0;
        });
        finish("drain_local_pages");
    }

    /** Runs one allocator call with the recorder listening (only then: the model is otherwise untraced). */
    private long traced(LongSupplier call) {
        machine.setTracer(recorder);
        try {
            return call.getAsLong();
        } finally {
            machine.setTracer(null);
        }
    }

    private void finish(String operation) {
        lastSteps = recorder.finish();
        lastOperation = operation;
    }

    /** pcp_allowed_order(): orders up to PAGE_ALLOC_COSTLY_ORDER and the pageblock (THP) order. */
    private boolean pcpOrder(int order) {
        return order <= 3 || order == machine.arch().pageblockOrder();
    }

    private static String hex(long pfn) {
        return "0x" + Long.toHexString(pfn);
    }

    /** The page's view: the machine, the last operation and its steps (each with the zone it left). */
    public synchronized Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("name", zone.name());
        z.put("startPfn", zone.zoneStartPfn());
        z.put("endPfn", zone.zoneEndPfn());
        z.put("maxOrder", machine.arch().maxOrder());
        z.put("pageblockOrder", machine.arch().pageblockOrder());
        List<String> types = new ArrayList<>();
        for (int mt = 0; mt < zone.migrateTypes().count(); mt++) {
            types.add(zone.migrateTypes().name(mt));
        }
        z.put("types", types);
        m.put("zone", z);
        m.put("pcp", Map.of("enabled", pcp.enabled(), "batch", pcp.batch(), "high", pcp.high()));
        m.put("gfpChoices", GFP_CHOICES);
        m.put("operation", lastOperation);
        m.put("steps", lastSteps.stream().map(Step::toJson).toList());
        return m;
    }

    @Override
    public synchronized void close() {
        owners.clear();
        lastSteps = List.of();
    }
}
