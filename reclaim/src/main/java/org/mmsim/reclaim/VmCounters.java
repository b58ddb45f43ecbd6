package org.mmsim.reclaim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reclaim, compaction and THP counters of /proc/vmstat (include/linux/vm_event_item.h and the node stat
 * items of include/linux/mmzone.h), under the kernel's names, kept in one primitive array.
 */
public final class VmCounters {
    private static final String[] NAMES = {
            "nr_anon_pages", "nr_file_pages", "nr_shmem", "nr_mlock", "nr_slab_reclaimable_pages",
            "nr_slab_unreclaimable_pages", "nr_kernel_pages", "nr_anon_transparent_hugepages",
            "pgfault", "pgmajfault", "pgactivate", "pgdeactivate", "pgrefill", "pgscan_kswapd", "pgscan_direct",
            "pgsteal_kswapd", "pgsteal_direct", "pgscan_anon", "pgscan_file", "pgsteal_anon", "pgsteal_file",
            "pswpin", "pswpout", "slabs_scanned", "pageoutrun", "kswapd_wake", "allocstall_direct",
            "workingset_refault_anon", "workingset_refault_file", "workingset_activate_anon",
            "workingset_activate_file", "workingset_restore_file", "oom_kill", "drop_pagecache", "drop_slab",
            "compact_stall", "compact_fail", "compact_success", "compact_migrate_scanned", "compact_free_scanned",
            "compact_isolated", "compact_daemon_wake", "compact_daemon_migrate_scanned",
            "compact_daemon_free_scanned", "pgmigrate_success", "pgmigrate_fail", "thp_fault_alloc",
            "thp_fault_fallback", "thp_swpout", "htlb_buddy_alloc_success", "htlb_buddy_alloc_fail",
            "nr_hugepages", "compaction_test_hugepages_requested", "compaction_test_hugepages_allocated",
            "compaction_test_passed", "thp_alloc_attempts", "thp_alloc_success", "kernel_alloc_fail",
            "frag_thp", "nr_dirty", "nr_writeback", "nr_dirtied", "nr_written", "pgrotated",
            "nr_vmscan_immediate_reclaim"};

    public static final int NR_ANON_PAGES = 0, NR_FILE_PAGES = 1, NR_SHMEM = 2, NR_MLOCK = 3,
            NR_SLAB_RECLAIMABLE = 4, NR_SLAB_UNRECLAIMABLE = 5, NR_KERNEL_PAGES = 6, NR_ANON_THPS = 7, PGFAULT = 8,
            PGMAJFAULT = 9, PGACTIVATE = 10, PGDEACTIVATE = 11, PGREFILL = 12, PGSCAN_KSWAPD = 13,
            PGSCAN_DIRECT = 14, PGSTEAL_KSWAPD = 15, PGSTEAL_DIRECT = 16, PGSCAN_ANON = 17, PGSCAN_FILE = 18,
            PGSTEAL_ANON = 19, PGSTEAL_FILE = 20, PSWPIN = 21, PSWPOUT = 22, SLABS_SCANNED = 23, PAGEOUTRUN = 24,
            KSWAPD_WAKE = 25, ALLOCSTALL = 26, WORKINGSET_REFAULT_ANON = 27, WORKINGSET_REFAULT_FILE = 28,
            WORKINGSET_ACTIVATE_ANON = 29, WORKINGSET_ACTIVATE_FILE = 30, WORKINGSET_RESTORE_FILE = 31,
            OOM_KILL = 32, DROP_PAGECACHE = 33, DROP_SLAB = 34, COMPACT_STALL = 35, COMPACT_FAIL = 36,
            COMPACT_SUCCESS = 37, COMPACT_MIGRATE_SCANNED = 38, COMPACT_FREE_SCANNED = 39, COMPACT_ISOLATED = 40,
            COMPACT_DAEMON_WAKE = 41, COMPACT_DAEMON_MIGRATE_SCANNED = 42, COMPACT_DAEMON_FREE_SCANNED = 43,
            PGMIGRATE_SUCCESS = 44, PGMIGRATE_FAIL = 45, THP_FAULT_ALLOC = 46, THP_FAULT_FALLBACK = 47,
            THP_SWPOUT = 48, HTLB_BUDDY_ALLOC_SUCCESS = 49, HTLB_BUDDY_ALLOC_FAIL = 50, NR_HUGEPAGES = 51,
            COMPACTION_TEST_REQUESTED = 52, COMPACTION_TEST_ALLOCATED = 53, COMPACTION_TEST_PASSED = 54,
            THP_ALLOC_ATTEMPTS = 55, THP_ALLOC_SUCCESS = 56, KERNEL_ALLOC_FAIL = 57, FRAG_THP = 58, NR_DIRTY = 59,
            NR_WRITEBACK = 60, NR_DIRTIED = 61, NR_WRITTEN = 62, PGROTATED = 63, NR_VMSCAN_IMMEDIATE = 64;

    private final long[] v = new long[NAMES.length];

    public long get(int i) {
        return v[i];
    }

    public void add(int i, long d) {
        v[i] += d;
    }

    public void inc(int i) {
        v[i]++;
    }

    public void set(int i, long x) {
        v[i] = x;
    }

    public static String name(int i) {
        return NAMES[i];
    }

    /** The value of a counter by its name. */
    public long get(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return v[i];
            }
        }
        throw new IllegalArgumentException("no counter " + name);
    }

    /** All counters in a fixed order. */
    public Map<String, Long> toMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            m.put(NAMES[i], v[i]);
        }
        return m;
    }
}
