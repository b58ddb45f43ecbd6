package org.mmsim.proc;

import java.util.List;

/**
 * One zone's block in /proc/zoneinfo (mm/vmstat.c {@code zoneinfo_show_print()}), without the node's
 * stats. Every configured zone is printed; an unpopulated one ({@code present == 0},
 * {@code populated_zone()}) shows only the lines up to its protection array, so its {@code stats} and
 * {@code pagesets} are empty and its last two fields are unused.
 *
 * @param name              the kernel's zone name
 * @param pagesFree         NR_FREE_PAGES
 * @param boost             {@code watermark_boost}
 * @param min               min watermark (boost included)
 * @param low               low watermark
 * @param high              high watermark
 * @param promo             the promo watermark of 6.6+ kernels, or {@link #NO_PROMO} (6.1 has none)
 * @param spanned           {@code spanned_pages}
 * @param present           {@code present_pages}
 * @param managed           {@code managed_pages}
 * @param cma               {@code cma_pages}
 * @param protection        {@code lowmem_reserve[0..MAX_NR_ZONES-1]} (copied)
 * @param stats             the zone stat items then the NUMA event items, in the kernel's order
 * @param pagesets          one per online CPU
 * @param nodeUnreclaimable {@code kswapd_failures >= MAX_RECLAIM_RETRIES} of the node
 * @param startPfn          {@code zone_start_pfn}
 */
public record ZoneInfoZone(String name, long pagesFree, long boost, long min, long low, long high, long promo,
        long spanned, long present, long managed, long cma, long[] protection, NamedCounters stats,
        List<Pageset> pagesets, boolean nodeUnreclaimable, long startPfn) {
    /** The {@code promo} value of a kernel that prints no promo line (6.1). */
    public static final long NO_PROMO = -1;

    public ZoneInfoZone {
        protection = protection.clone();
        pagesets = List.copyOf(pagesets);
    }

    /** A 6.1 zone (no promo watermark). */
    public ZoneInfoZone(String name, long pagesFree, long boost, long min, long low, long high, long spanned,
            long present, long managed, long cma, long[] protection, NamedCounters stats, List<Pageset> pagesets,
            boolean nodeUnreclaimable, long startPfn) {
        this(name, pagesFree, boost, min, low, high, NO_PROMO, spanned, present, managed, cma, protection, stats,
                pagesets, nodeUnreclaimable, startPfn);
    }

    /**
     * An unpopulated zone of a 6.1 kernel: no free, present or managed pages, but its watermarks, span and
     * protection array as set. The watermarks need not be zero: __setup_per_zone_wmarks() gives a highmem zone
     * (and a ZONE_MOVABLE carved from HighMem) a min of at least SWAP_CLUSTER_MAX even with no managed pages.
     */
    public static ZoneInfoZone unpopulated(String name, long min, long low, long high, long spanned,
            long[] protection) {
        return new ZoneInfoZone(name, 0, 0, min, low, high, spanned, 0, 0, 0, protection, NamedCounters.empty(),
                List.of(), false, 0);
    }

    /** {@code populated_zone()}: the zone has present pages, so zoneinfo prints its stats. */
    public boolean populated() {
        return present != 0;
    }

    @Override
    public long[] protection() {
        return protection.clone();
    }

    public long protection(int zoneIndex) {
        return protection[zoneIndex];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneInfoZone z && name.equals(z.name) && pagesFree == z.pagesFree && boost == z.boost
                && min == z.min && low == z.low && high == z.high && promo == z.promo && spanned == z.spanned
                && present == z.present && managed == z.managed && cma == z.cma
                && java.util.Arrays.equals(protection, z.protection) && stats.equals(z.stats)
                && pagesets.equals(z.pagesets) && nodeUnreclaimable == z.nodeUnreclaimable
                && startPfn == z.startPfn;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, pagesFree, min, low, high, present, managed, startPfn)
                + java.util.Arrays.hashCode(protection);
    }

    @Override
    public String toString() {
        return "ZoneInfoZone[" + name + ", free " + pagesFree + ", min/low/high " + min + "/" + low + "/" + high
                + ", present " + present + ", managed " + managed + "]";
    }
}
