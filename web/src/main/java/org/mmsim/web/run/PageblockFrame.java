package org.mmsim.web.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mmsim.page.MemMap;
import org.mmsim.page.Zone;
import org.mmsim.report.PageblockPicture;
import org.mmsim.workload.SimulationView;

/**
 * The pageblocks of every zone at one moment, compact enough to keep for every frame of a 1 TiB machine: per
 * block a migratetype byte and two shorts (pages free in the buddy, pages on pcp lists), deflated per zone
 * ({@link PageblockZone}). The free pages come from {@link PageblockPicture} (the free lists walked once); the pcp
 * pages from the zone's pcp lists. On machines of at most {@link #PER_PAGE_LIMIT} pages the frame also keeps every
 * page's state and owner kind, so a past block can be opened page by page; on bigger ones that would cost too
 * much per frame, and a block's pages are read from the live model instead.
 */
public final class PageblockFrame {
    /** Machines up to this many pages (4 GiB of 4 KiB pages) keep per-page state in every frame. */
    public static final long PER_PAGE_LIMIT = 1L << 20;

    private final List<PageblockZone> zones;
    private final String[] typeNames;
    private final int pageblockPages;
    private final boolean perPage;

    private PageblockFrame(List<PageblockZone> zones, String[] typeNames, int pageblockPages, boolean perPage) {
        this.zones = List.copyOf(zones);
        this.typeNames = typeNames;
        this.pageblockPages = pageblockPages;
        this.perPage = perPage;
    }

    /** The pageblocks of the live model. */
    public static PageblockFrame capture(SimulationView view) {
        var machine = view.booted().machine();
        long present = machine.zones().stream().mapToLong(Zone::presentPages).sum();
        boolean perPage = present <= PER_PAGE_LIMIT;
        List<PageblockZone> zones = new ArrayList<>();
        String[] names = null;
        int pbPages = 1 << machine.arch().pageblockOrder();
        for (Zone z : machine.zones()) {
            if (!z.populated()) {
                continue;
            }
            PageblockPicture pic = PageblockPicture.of(z);
            names = pic.typeNames();
            int blocks = pic.migratetypes().length;
            byte[] mt = new byte[blocks];
            short[] free = new short[blocks];
            for (int b = 0; b < blocks; b++) {
                mt[b] = pic.migratetypes()[b] == PageblockPicture.HOLE ? PageblockZone.HOLE
                        : (byte) pic.migratetypes()[b];
                free[b] = (short) Math.round(pic.freeFraction()[b] * pbPages);
            }
            short[] pcp = pcpPages(z, pic.startPfn(), blocks, pbPages);
            PageblockZone.Pages pages = perPage ? pages(view, z.node().memMap(), pic.startPfn(), blocks, pbPages,
                    mt) : null;
            zones.add(new PageblockZone(pic.zone(), pic.startPfn(), z.zoneStartPfn(), z.zoneEndPfn(), pbPages,
                    new PageblockZone.Blocks(mt, free, pcp), pages));
        }
        return new PageblockFrame(zones, names == null ? new String[0] : names, pbPages, perPage);
    }

    /** The zones with memory, in the machine's order. */
    public List<PageblockZone> zones() {
        return zones;
    }

    /** Migratetype names by index. */
    public String[] typeNames() {
        return typeNames.clone();
    }

    /** pageblock_nr_pages. */
    public int pageblockPages() {
        return pageblockPages;
    }

    /** Whether the frame kept every page's state and owner kind (machines up to {@link #PER_PAGE_LIMIT} pages). */
    public boolean perPage() {
        return perPage;
    }

    /** Bytes the frame holds. */
    public long bytes() {
        return zones.stream().mapToLong(PageblockZone::bytes).sum();
    }

    /** The zone holding pfn's block, or null. */
    public PageblockZone zoneOf(long pfn) {
        for (PageblockZone z : zones) {
            if (z.holdsBlockOf(pfn) && pfn >= z.zoneStartPfn() && pfn < z.zoneEndPfn()) {
                return z;
            }
        }
        return null;
    }

    private static short[] pcpPages(Zone z, long first, int blocks, int pbPages) {
        short[] pcp = new short[blocks];
        MemMap mm = z.node().memMap();
        int cpus = z.node().machine().nrCpus();
        for (int cpu = 0; cpu < cpus; cpu++) {
            for (int list = 0; list < Zone.NR_PCP_LISTS; list++) {
                for (long pfn : z.pcpList(cpu, list)) {
                    long pages = 1L << mm.order(pfn);
                    for (long p = pfn; p < pfn + pages; p += Math.min(pages, pbPages)) {
                        int b = (int) ((p - first) / pbPages);
                        if (b >= 0 && b < blocks) {
                            pcp[b] += (short) Math.min(pages, pbPages);
                        }
                    }
                }
            }
        }
        return pcp;
    }

    /** Every page's code and aux byte over the zone's blocks (heads only; tails stay 0). */
    private static PageblockZone.Pages pages(SimulationView view, MemMap mm, long first, int blocks, int pbPages,
            byte[] mt) {
        int n = blocks * pbPages;
        byte[] codes = new byte[n];
        byte[] aux = new byte[n];
        for (int b = 0; b < blocks; b++) {
            int base = b * pbPages;
            if (mt[b] == PageblockZone.HOLE) {
                Arrays.fill(codes, base, base + pbPages, (byte) (PageblockPages.HOLE << 4));
                continue;
            }
            for (int i = base; i < base + pbPages; ) {
                long pfn = first + i;
                int code = PageblockPages.code(mm, pfn);
                codes[i] = (byte) code;
                aux[i] = (byte) PageblockPages.aux(mm, view, pfn, code);
                int state = code >>> 4;
                boolean head = state == PageblockPages.FREE || state == PageblockPages.PCP
                        || state == PageblockPages.ALLOCATED;
                i += head ? (int) Math.min(1L << (code & 0x0f), n - i) : 1;
            }
        }
        return new PageblockZone.Pages(codes, aux);
    }
}
