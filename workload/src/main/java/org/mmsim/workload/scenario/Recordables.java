package org.mmsim.workload.scenario;

import java.util.List;

/**
 * What a scenario's {@code record:} section may name: the /proc and debugfs files the front end can write, and
 * the tracepoints of Linux 6.1's memory manager (include/trace/events/kmem.h, compaction.h, vmscan.h, oom.h).
 */
public final class Recordables {
    private Recordables() {
    }

    /** The page allocator's files, all recorded when a scenario names none. */
    public static final List<String> PROC_FILES = List.of("buddyinfo", "pagetypeinfo", "zoneinfo", "meminfo",
            "vmstat", "extfrag_index", "unusable_index");

    /** The kernel allocators' files (SLUB's /proc/slabinfo, /proc/vmallocinfo), recorded only when named. */
    public static final List<String> KERNEL_FILES = List.of("slabinfo", "vmallocinfo");

    public static final List<String> TRACE_EVENTS = List.of(
            "mm_page_alloc", "mm_page_free", "mm_page_free_batched", "mm_page_alloc_zone_locked",
            "mm_page_pcpu_drain", "mm_page_alloc_extfrag", "kmalloc", "kfree", "kmem_cache_alloc",
            "kmem_cache_free", "rss_stat",
            "mm_compaction_isolate_migratepages", "mm_compaction_isolate_freepages", "mm_compaction_migratepages",
            "mm_compaction_begin", "mm_compaction_end", "mm_compaction_try_to_compact_pages",
            "mm_compaction_finished", "mm_compaction_suitable", "mm_compaction_deferred",
            "mm_compaction_defer_compaction", "mm_compaction_defer_reset", "mm_compaction_kcompactd_sleep",
            "mm_compaction_wakeup_kcompactd", "mm_compaction_kcompactd_wake",
            "mm_vmscan_kswapd_sleep", "mm_vmscan_kswapd_wake", "mm_vmscan_wakeup_kswapd",
            "mm_vmscan_direct_reclaim_begin", "mm_vmscan_direct_reclaim_end", "mm_vmscan_memcg_reclaim_begin",
            "mm_vmscan_memcg_reclaim_end", "mm_shrink_slab_start", "mm_shrink_slab_end", "mm_vmscan_lru_isolate",
            "mm_vmscan_write_folio", "mm_vmscan_lru_shrink_inactive", "mm_vmscan_lru_shrink_active",
            "mm_vmscan_node_reclaim_begin", "mm_vmscan_node_reclaim_end", "mm_vmscan_throttled",
            "oom_score_adj_update", "reclaim_retry_zone", "mark_victim", "wake_reaper", "start_task_reaping",
            "finish_task_reaping", "skip_task_reaping", "compact_retry");
}
