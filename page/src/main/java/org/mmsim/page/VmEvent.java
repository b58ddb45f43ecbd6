package org.mmsim.page;

import org.mmsim.arch.ZoneType;

/**
 * Indexes of the page allocator's vm event counters ({@code enum vm_event_item}, include/linux/vm_event_item.h)
 * in {@link Machine#events()}, with the names /proc/vmstat prints (mm/vmstat.c {@code vmstat_text}): pgalloc_*
 * and allocstall_* per zone type, pgfree; and the model's own allocation-failure counters, one per reason.
 */
public final class VmEvent {
    private VmEvent() {
    }

    private static final int NZ = ZoneType.values().length;
    /** pgalloc_&lt;zone&gt;: index PGALLOC_BASE + ZoneType.ordinal(). */
    public static final int PGALLOC_BASE = 0;
    /** allocstall_&lt;zone&gt;: index ALLOCSTALL_BASE + ZoneType.ordinal(). */
    public static final int ALLOCSTALL_BASE = NZ;
    public static final int PGFREE = 2 * NZ;
    /** Failures: order >= MAX_ORDER. */
    public static final int FAIL_BAD_ORDER = PGFREE + 1;
    /** Failures: no direct reclaim allowed (atomic, nowait, THP light). */
    public static final int FAIL_NO_RECLAIM = PGFREE + 2;
    /** Failures: __GFP_NORETRY after reclaim and compaction. */
    public static final int FAIL_NORETRY = PGFREE + 3;
    /** Failures: costly order without __GFP_RETRY_MAYFAIL. */
    public static final int FAIL_COSTLY = PGFREE + 4;
    /** Failures: retries exhausted and the OOM killer made no progress. */
    public static final int FAIL_OOM = PGFREE + 5;
    /** Failures: costly order with __GFP_NORETRY whose first compaction was skipped or deferred. */
    public static final int FAIL_COMPACT_SKIPPED = PGFREE + 6;
    /** Failures: no zone in the zonelist at or below the request's highest zone. */
    public static final int FAIL_NO_ZONE = PGFREE + 7;
    public static final int NR_EVENTS = PGFREE + 8;

    private static String zoneSuffix(ZoneType t) {
        return switch (t) {
            case DMA -> "dma";
            case DMA32 -> "dma32";
            case NORMAL -> "normal";
            case HIGHMEM -> "high";
            case MOVABLE -> "movable";
            case DEVICE -> "device";
        };
    }

    /** The name of a counter: the kernel's vmstat name, or a {@code mmsim_allocfail_*} name for the model's own. */
    public static String name(int event) {
        if (event < ALLOCSTALL_BASE) {
            return "pgalloc_" + zoneSuffix(ZoneType.values()[event - PGALLOC_BASE]);
        }
        if (event < PGFREE) {
            return "allocstall_" + zoneSuffix(ZoneType.values()[event - ALLOCSTALL_BASE]);
        }
        return switch (event - PGFREE) {
            case 0 -> "pgfree";
            case 1 -> "mmsim_allocfail_bad_order";
            case 2 -> "mmsim_allocfail_no_reclaim";
            case 3 -> "mmsim_allocfail_noretry";
            case 4 -> "mmsim_allocfail_costly";
            case 5 -> "mmsim_allocfail_oom";
            case 6 -> "mmsim_allocfail_compact_skipped";
            case 7 -> "mmsim_allocfail_no_zone";
            default -> throw new IllegalArgumentException("no vm event " + event);
        };
    }

    /** The counter of a name, or -1. */
    public static int byName(String name) {
        for (int i = 0; i < NR_EVENTS; i++) {
            if (name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
