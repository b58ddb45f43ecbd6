package org.mmsim.page.init;

import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;

/**
 * Watermarks, lowmem reserves, pcp limits and stat thresholds as Linux 6.1 sets them during boot
 * (mm/page_alloc.c): the postcore initcall init_per_zone_wmark_min (calculate_min_free_kbytes,
 * setup_per_zone_wmarks with __setup_per_zone_wmarks and zone_pcp_update, refresh_zone_stat_thresholds
 * from mm/vmstat.c, setup_per_zone_lowmem_reserve), then the subsys initcall hugepage_init, whose khugepaged
 * start runs set_recommended_min_free_kbytes (mm/khugepaged.c) when THP is enabled.
 */
public final class WatermarkSetup {
    private static final int SWAP_CLUSTER_MAX = 32;
    private static final int MIGRATE_PCPTYPES = 3;

    private final Arch arch;
    private final List<ZoneReserveState> zones;
    private final int[] cpusOfNode;
    private final int onlineCpus;
    private ZoneTunables tunables;
    private long minFreeKbytes;

    /**
     * @param zones      every configured zone of every node, in node then zone order (unpopulated ones too)
     * @param cpusOfNode cpumask_weight(cpumask_of_node(nid)) per node
     */
    public WatermarkSetup(Arch arch, List<ZoneReserveState> zones, int[] cpusOfNode, int onlineCpus,
            ZoneTunables tunables) {
        this.arch = arch;
        this.zones = zones;
        this.cpusOfNode = cpusOfNode;
        this.onlineCpus = onlineCpus;
        this.tunables = tunables;
    }

    /** Runs the boot sequence: postcore init_per_zone_wmark_min, then THP's recommendation if enabled. */
    public void boot(boolean thpEnabled) {
        initPerZoneWmarkMin();
        if (thpEnabled) {
            setRecommendedMinFreeKbytes();
        }
    }

    public long minFreeKbytes() {
        return minFreeKbytes;
    }

    /**
     * Applies sysctl writes after boot as the handlers do (min_free_kbytes_sysctl_handler,
     * watermark_scale_factor_sysctl_handler, lowmem_reserve_ratio_sysctl_handler): new watermarks, pcp
     * limits and reserves. A vm.min_free_kbytes the user did not set keeps the value boot computed.
     */
    public void applySysctl(ZoneTunables user) {
        tunables = user;
        if (user.userMinFreeKbytes() >= 0) {
            minFreeKbytes = user.userMinFreeKbytes();
        }
        setupPerZoneWmarks();
        setupPerZoneLowmemReserve();
    }

    /** init_per_zone_wmark_min(). */
    public void initPerZoneWmarkMin() {
        calculateMinFreeKbytes();
        setupPerZoneWmarks();
        refreshZoneStatThresholds();
        setupPerZoneLowmemReserve();
    }

    /** calculate_min_free_kbytes(): int_sqrt(lowmem_kbytes * 16) clamped to [128, 262144] unless the user set it. */
    void calculateMinFreeKbytes() {
        long lowmemKbytes = nrFreeZonePages(ZoneType.NORMAL) * (arch.pageSize() >> 10);
        long computed = isqrt(lowmemKbytes * 16);
        if (computed > tunables.userMinFreeKbytes()) {
            minFreeKbytes = Math.max(128, Math.min(262144, computed));
        } else {
            minFreeKbytes = tunables.userMinFreeKbytes();
        }
    }

    /**
     * nr_free_zone_pages(offset): managed minus high watermark, over the boot node's fallback zonelist, which
     * holds every node's zones up to {@code highest}.
     */
    long nrFreeZonePages(ZoneType highest) {
        long sum = 0;
        for (ZoneReserveState z : zones) {
            if (z.type.ordinal() <= highest.ordinal() && z.managed > z.high) {
                sum += z.managed - z.high;
            }
        }
        return sum;
    }

    /** setup_per_zone_wmarks(): the watermarks, then every zone's pcp high and batch. */
    public void setupPerZoneWmarks() {
        long pagesMin = minFreeKbytes >> (arch.pageShift() - 10);
        long lowmemPages = 0;
        for (ZoneReserveState z : zones) {
            if (!z.isHighmem()) {
                lowmemPages += z.managed;
            }
        }
        for (ZoneReserveState z : zones) {
            long tmp = lowmemPages == 0 ? 0 : pagesMin * z.managed / lowmemPages;
            if (z.isHighmem()) {
                long minPages = Math.max(SWAP_CLUSTER_MAX, Math.min(128, z.managed / 1024));
                z.min = minPages;
            } else {
                z.min = tmp;
            }
            tmp = Math.max(tmp >> 2, z.managed * tunables.watermarkScaleFactor() / 10000);
            z.low = z.min + tmp;
            z.high = z.low + tmp;
        }
        for (ZoneReserveState z : zones) {
            zoneSetPagesetHighAndBatch(z);
        }
    }

    /** zone_set_pageset_high_and_batch() with zone_batchsize() and zone_highsize(). */
    void zoneSetPagesetHighAndBatch(ZoneReserveState z) {
        int batch = zoneBatchsize(z.managed, arch.pageSize());
        long total = tunables.percpuPagelistHighFraction() == 0 ? z.low
                : z.managed / tunables.percpuPagelistHighFraction();
        int split = z.nid < cpusOfNode.length ? cpusOfNode[z.nid] : 0;
        if (split == 0) {
            split = onlineCpus;
        }
        int high = (int) (total / split);
        z.pcpHigh = Math.max(high, batch << 2);
        z.pcpBatch = batch;
    }

    /**
     * zone_batchsize() (at least 1, as zone_set_pageset_high_and_batch() takes it): a quarter of the zone's
     * managed pages / 1024, capped at 1 MiB of pages, then the power of two below 1.5 times that, minus one.
     */
    static int zoneBatchsize(long managed, long pageSize) {
        int batch = (int) Math.min(managed >> 10, (1L << 20) / pageSize);
        batch /= 4;
        if (batch < 1) {
            batch = 1;
        }
        batch = Integer.highestOneBit(batch + batch / 2) - 1;
        return Math.max(1, batch);
    }

    /** refresh_zone_stat_thresholds() with calculate_normal_threshold() (mm/vmstat.c), for populated zones. */
    public void refreshZoneStatThresholds() {
        for (ZoneReserveState z : zones) {
            long mem = z.managed >> (27 - arch.pageShift());
            int threshold = 2 * fls(onlineCpus) * (1 + fls(mem));
            z.statThreshold = Math.min(125, threshold);
        }
    }

    /** setup_per_zone_lowmem_reserve(): for each zone, the managed pages above it divided by its ratio. */
    public void setupPerZoneLowmemReserve() {
        List<ZoneType> types = arch.zoneTypes();
        for (ZoneReserveState z : zones) {
            int i = types.indexOf(z.type);
            if (i == types.size() - 1) {
                continue;
            }
            int ratio = tunables.lowmemReserveRatio()[z.type.ordinal()];
            boolean clear = ratio == 0 || z.managed == 0;
            long managedAbove = 0;
            for (int j = i + 1; j < types.size(); j++) {
                managedAbove += zoneOf(z.nid, types.get(j)).managed;
                z.lowmemReserve[j] = clear ? 0 : managedAbove / ratio;
            }
        }
    }

    /** set_recommended_min_free_kbytes() (mm/khugepaged.c): two pageblocks per zone plus 9 for fallbacks. */
    public void setRecommendedMinFreeKbytes() {
        int nrZones = 0;
        for (ZoneReserveState z : zones) {
            if (z.managed > 0 && z.type.ordinal() <= ZoneType.NORMAL.ordinal() && presentOf(z)) {
                nrZones++;
            }
        }
        long pageblock = 1L << arch.pageblockOrder();
        long recommended = pageblock * nrZones * 2;
        recommended += pageblock * nrZones * MIGRATE_PCPTYPES * MIGRATE_PCPTYPES;
        recommended = Math.min(recommended, nrFreeZonePages(ZoneType.NORMAL) / 20);
        recommended <<= arch.pageShift() - 10;
        if (recommended > minFreeKbytes) {
            minFreeKbytes = recommended;
        }
        setupPerZoneWmarks();
    }

    private boolean presentOf(ZoneReserveState z) {
        return z.managed > 0;
    }

    /** calculate_totalreserve_pages(): per zone the larger of its reserves plus the high watermark, capped. */
    public long totalreservePages() {
        long total = 0;
        List<ZoneType> types = arch.zoneTypes();
        for (ZoneReserveState z : zones) {
            long max = 0;
            for (int j = types.indexOf(z.type); j < types.size(); j++) {
                max = Math.max(max, z.lowmemReserve[j]);
            }
            max += z.high;
            total += Math.min(max, z.managed);
        }
        return total;
    }

    private ZoneReserveState zoneOf(int nid, ZoneType t) {
        for (ZoneReserveState z : zones) {
            if (z.nid == nid && z.type == t) {
                return z;
            }
        }
        throw new IllegalArgumentException(nid + " " + t);
    }

    static int fls(long x) {
        return x == 0 ? 0 : 64 - Long.numberOfLeadingZeros(x);
    }

    /** int_sqrt(): the floor of the square root. */
    public static long isqrt(long x) {
        long r = (long) Math.sqrt((double) x);
        while (r * r > x) {
            r--;
        }
        while ((r + 1) * (r + 1) <= x) {
            r++;
        }
        return r;
    }
}
