package org.mmsim.compaction;

/**
 * enum compact_result of include/linux/compaction.h 6.1, as int constants in the kernel's order (callers keep the
 * largest result of several zones, as try_to_compact_pages does with max()). Ints rather than a Java enum because
 * the page allocator's slow-path hooks pass the result through {@link org.mmsim.page.SlowPathHooks} as an int.
 */
public final class CompactResult {
    /** COMPACT_NOT_SUITABLE_ZONE: fragindex says the failure is for lack of memory; reported as SKIPPED. */
    public static final int COMPACT_NOT_SUITABLE_ZONE = 0;
    /** COMPACT_SKIPPED: too few free pages for the scanners, compaction did not run. */
    public static final int COMPACT_SKIPPED = 1;
    /** COMPACT_DEFERRED: compaction_deferred() said to skip this attempt. */
    public static final int COMPACT_DEFERRED = 2;
    /** COMPACT_NO_SUITABLE_PAGE: __compact_finished found no free page yet; compact_finished maps it to CONTINUE. */
    public static final int COMPACT_NO_SUITABLE_PAGE = 3;
    /** COMPACT_CONTINUE: keep scanning. */
    public static final int COMPACT_CONTINUE = 4;
    /** COMPACT_COMPLETE: the scanners met over the whole zone. */
    public static final int COMPACT_COMPLETE = 5;
    /** COMPACT_PARTIAL_SKIPPED: the scanners met, starting from cached positions (part of the zone skipped). */
    public static final int COMPACT_PARTIAL_SKIPPED = 6;
    /** COMPACT_CONTENDED: compaction gave up (in the model: no migration target could be had). */
    public static final int COMPACT_CONTENDED = 7;
    /** COMPACT_SUCCESS: a free page of the requested order is available. */
    public static final int COMPACT_SUCCESS = 8;

    /** The names the compaction trace events print (compaction_status_string). */
    private static final String[] TRACE_NAMES = {"not_suitable_zone", "skipped", "deferred", "no_suitable_page",
        "continue", "complete", "partial_skipped", "contended", "success"};

    private CompactResult() {
    }

    /** The trace name of a result, as mm_compaction_suitable and mm_compaction_end print it. */
    public static String traceName(int result) {
        return TRACE_NAMES[result];
    }
}
