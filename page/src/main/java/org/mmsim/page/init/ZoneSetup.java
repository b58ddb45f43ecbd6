package org.mmsim.page.init;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSpan;

/**
 * The boot-time reserve setup of a whole machine: each zone's managed pages when the watermark initcalls
 * ran, then {@link WatermarkSetup}'s boot sequence, then the final managed pages after the late frees.
 */
public final class ZoneSetup {
    private final List<ZoneReserveState> zones;
    private final long minFreeKbytes;
    private final long totalreservePages;

    private ZoneSetup(List<ZoneReserveState> zones, long minFreeKbytes, long totalreservePages) {
        this.zones = zones;
        this.minFreeKbytes = minFreeKbytes;
        this.totalreservePages = totalreservePages;
    }

    /**
     * Twins a real machine: {@code finalManaged} [nid][zone index] comes from its /proc/zoneinfo; the pages
     * freed late in boot are taken off to find what the initcalls saw.
     */
    public static ZoneSetup twin(BootLayout layout, long[][] finalManaged) {
        return run(layout, LateFreeAccounting.managedAtWatermarks(layout, finalManaged), finalManaged);
    }

    /** Runs the initcalls over {@code managedAtInit}, then sets the final managed pages. */
    public static ZoneSetup run(BootLayout layout, long[][] managedAtInit, long[][] finalManaged) {
        var arch = layout.spec().arch();
        List<ZoneReserveState> zones = new ArrayList<>();
        for (NodeSpan n : layout.nodes()) {
            for (int z = 0; z < n.zones().size(); z++) {
                ZoneSpan s = n.zones().get(z);
                boolean highmem = s.type() == ZoneType.HIGHMEM
                        || s.type() == ZoneType.MOVABLE && layout.sizer().movableZone() == ZoneType.HIGHMEM;
                zones.add(new ZoneReserveState(n.nid(), s.type(), managedAtInit[n.nid()][z], n.zones().size(), highmem));
            }
        }
        int[] cpus = cpusOfNodes(layout);
        ZoneTunables boot = ZoneTunables.defaults(arch);
        WatermarkSetup ws = new WatermarkSetup(arch, zones, cpus, layout.spec().cpus(), boot);
        ws.boot(thpStarts(layout, zones));
        if (!layout.spec().sysctl().isEmpty()) {
            ws.applySysctl(ZoneTunables.of(arch, layout.spec().sysctl(), layout.spec().name()));
        }
        int i = 0;
        for (NodeSpan n : layout.nodes()) {
            for (int z = 0; z < n.zones().size(); z++) {
                zones.get(i++).managed = finalManaged[n.nid()][z];
            }
        }
        return new ZoneSetup(zones, ws.minFreeKbytes(), ws.totalreservePages());
    }

    /**
     * Whether hugepage_init() (mm/huge_memory.c) leaves THP on and starts khugepaged: enabled in the config or
     * on the command line, and totalram_pages() at least 512 MiB (smaller machines get THP turned off).
     */
    static boolean thpStarts(BootLayout layout, List<ZoneReserveState> zones) {
        long totalram = zones.stream().mapToLong(z -> z.managed).sum();
        return layout.spec().thpEnabled() && totalram >= (512L << 20) >> layout.spec().arch().pageShift();
    }

    /**
     * CPUs per node: the kernel numbers CPUs node by node on the machines modelled (one socket per node), so
     * {@code cpus} are split evenly, the first nodes taking any remainder.
     */
    static int[] cpusOfNodes(BootLayout layout) {
        int nodes = layout.nodes().size();
        int[] out = new int[nodes];
        int cpus = layout.spec().cpus();
        for (int n = 0; n < nodes; n++) {
            out[n] = cpus / nodes + (n < cpus % nodes ? 1 : 0);
        }
        return out;
    }

    public long minFreeKbytes() {
        return minFreeKbytes;
    }

    public long totalreservePages() {
        return totalreservePages;
    }

    public List<ZoneReserveState> zones() {
        return zones;
    }

    public ZoneReserveState zone(int nid, ZoneType type) {
        for (ZoneReserveState z : zones) {
            if (z.nid == nid && z.type == type) {
                return z;
            }
        }
        throw new IllegalArgumentException(nid + " " + type);
    }
}
