package org.mmsim.proc.model;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.VmEvent;

/**
 * The names and order of Linux 6.1's vmstat items as Debian's builds print them (mm/vmstat.c
 * {@code vmstat_text[]}: zone stats, NUMA events, node stats, the dirty thresholds, the vm events), per
 * architecture: CONFIG_NUMA and CONFIG_NUMA_BALANCING on x86_64 and arm64, CONFIG_CMA on arm64, PUD-sized THP
 * on x86_64, the direct-map split counters on x86. Checked against the oracle's /proc/vmstat and zoneinfo.
 */
public final class KernelStatNames {
    private KernelStatNames() {
    }

    /** enum zone_stat_item. */
    public static final List<String> ZONE_STATS = List.of("nr_free_pages", "nr_zone_inactive_anon",
            "nr_zone_active_anon", "nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
            "nr_zone_write_pending", "nr_mlock", "nr_bounce", "nr_zspages", "nr_free_cma");

    /** enum numa_stat_item (CONFIG_NUMA). */
    public static final List<String> NUMA_STATS = List.of("numa_hit", "numa_miss", "numa_foreign",
            "numa_interleave", "numa_local", "numa_other");

    private static final List<String> NODE_STATS_COMMON = List.of("nr_inactive_anon", "nr_active_anon",
            "nr_inactive_file", "nr_active_file", "nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
            "nr_isolated_anon", "nr_isolated_file", "workingset_nodes", "workingset_refault_anon",
            "workingset_refault_file", "workingset_activate_anon", "workingset_activate_file",
            "workingset_restore_anon", "workingset_restore_file", "workingset_nodereclaim", "nr_anon_pages",
            "nr_mapped", "nr_file_pages", "nr_dirty", "nr_writeback", "nr_writeback_temp", "nr_shmem",
            "nr_shmem_hugepages", "nr_shmem_pmdmapped", "nr_file_hugepages", "nr_file_pmdmapped",
            "nr_anon_transparent_hugepages", "nr_vmscan_write", "nr_vmscan_immediate_reclaim", "nr_dirtied",
            "nr_written", "nr_throttled_written", "nr_kernel_misc_reclaimable", "nr_foll_pin_acquired",
            "nr_foll_pin_released", "nr_kernel_stack", "nr_page_table_pages", "nr_sec_page_table_pages",
            "nr_swapcached");

    /** Node stats counted in huge pages: zoneinfo and vmstat divide them by HPAGE_PMD_NR. */
    public static final List<String> THP_NODE_STATS = List.of("nr_shmem_hugepages", "nr_shmem_pmdmapped",
            "nr_file_hugepages", "nr_file_pmdmapped", "nr_anon_transparent_hugepages");

    /** Whether Debian's 6.1 build of {@code arch} has CONFIG_NUMA (and CONFIG_NUMA_BALANCING). */
    public static boolean numa(Arch arch) {
        return arch != Arch.I386_PAE;
    }

    /** The zone stat items zoneinfo prints per populated zone: zone_stat_item then numa_stat_item. */
    public static List<String> zoneStats(Arch arch) {
        List<String> out = new ArrayList<>(ZONE_STATS);
        if (numa(arch)) {
            out.addAll(NUMA_STATS);
        }
        return out;
    }

    /** enum node_stat_item as printed (pgpromote_* only with CONFIG_NUMA_BALANCING). */
    public static List<String> nodeStats(Arch arch) {
        List<String> out = new ArrayList<>(NODE_STATS_COMMON);
        if (numa(arch)) {
            out.add("pgpromote_success");
            out.add("pgpromote_candidate");
        }
        return out;
    }

    /** enum vm_event_item as printed ({@code vmstat_text[]} after the dirty thresholds). */
    public static List<String> vmEvents(Arch arch) {
        boolean numa = numa(arch);
        List<String> out = new ArrayList<>(List.of("pgpgin", "pgpgout", "pswpin", "pswpout"));
        for (int base : new int[] {VmEvent.PGALLOC_BASE, VmEvent.ALLOCSTALL_BASE}) {
            for (ZoneType t : arch.zoneTypes()) {
                out.add(VmEvent.name(base + t.ordinal()));
            }
        }
        for (ZoneType t : arch.zoneTypes()) {
            out.add(VmEvent.name(VmEvent.PGALLOC_BASE + t.ordinal()).replace("pgalloc_", "pgskip_"));
        }
        out.addAll(List.of("pgfree", "pgactivate", "pgdeactivate", "pglazyfree", "pgfault", "pgmajfault",
                "pglazyfreed", "pgrefill", "pgreuse", "pgsteal_kswapd", "pgsteal_direct", "pgdemote_kswapd",
                "pgdemote_direct", "pgscan_kswapd", "pgscan_direct", "pgscan_direct_throttle", "pgscan_anon",
                "pgscan_file", "pgsteal_anon", "pgsteal_file"));
        if (numa) {
            out.add("zone_reclaim_failed");
        }
        out.addAll(List.of("pginodesteal", "slabs_scanned", "kswapd_inodesteal", "kswapd_low_wmark_hit_quickly",
                "kswapd_high_wmark_hit_quickly", "pageoutrun", "pgrotated", "drop_pagecache", "drop_slab",
                "oom_kill"));
        if (numa) {
            out.addAll(List.of("numa_pte_updates", "numa_huge_pte_updates", "numa_hint_faults",
                    "numa_hint_faults_local", "numa_pages_migrated"));
        }
        out.addAll(List.of("pgmigrate_success", "pgmigrate_fail", "thp_migration_success", "thp_migration_fail",
                "thp_migration_split", "compact_migrate_scanned", "compact_free_scanned", "compact_isolated",
                "compact_stall", "compact_fail", "compact_success", "compact_daemon_wake",
                "compact_daemon_migrate_scanned", "compact_daemon_free_scanned", "htlb_buddy_alloc_success",
                "htlb_buddy_alloc_fail"));
        if (arch == Arch.ARM64) {
            out.addAll(List.of("cma_alloc_success", "cma_alloc_fail"));
        }
        out.addAll(List.of("unevictable_pgs_culled", "unevictable_pgs_scanned", "unevictable_pgs_rescued",
                "unevictable_pgs_mlocked", "unevictable_pgs_munlocked", "unevictable_pgs_cleared",
                "unevictable_pgs_stranded", "thp_fault_alloc", "thp_fault_fallback", "thp_fault_fallback_charge",
                "thp_collapse_alloc", "thp_collapse_alloc_failed", "thp_file_alloc", "thp_file_fallback",
                "thp_file_fallback_charge", "thp_file_mapped", "thp_split_page", "thp_split_page_failed",
                "thp_deferred_split_page", "thp_split_pmd", "thp_scan_exceed_none_pte", "thp_scan_exceed_swap_pte",
                "thp_scan_exceed_share_pte"));
        if (arch == Arch.X86_64) {
            out.add("thp_split_pud");
        }
        out.addAll(List.of("thp_zero_page_alloc", "thp_zero_page_alloc_failed", "thp_swpout", "thp_swpout_fallback",
                "balloon_inflate", "balloon_deflate", "balloon_migrate", "swap_ra", "swap_ra_hit", "ksm_swpin_copy",
                "cow_ksm", "zswpin", "zswpout"));
        if (arch != Arch.ARM64) {
            out.addAll(List.of("direct_map_level2_splits", "direct_map_level3_splits"));
        }
        return out;
    }

    /** Every line of /proc/vmstat in order, ending with the deprecated {@code nr_unstable}. */
    public static List<String> vmstat(Arch arch) {
        List<String> out = new ArrayList<>(zoneStats(arch));
        out.addAll(nodeStats(arch));
        out.add("nr_dirty_threshold");
        out.add("nr_dirty_background_threshold");
        out.addAll(vmEvents(arch));
        out.add("nr_unstable");
        return out;
    }
}
