package org.mmsim.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace events the replay understands, by their kernel names (include/trace/events/kmem.h, compaction.h,
 * vmscan.h); every other event a trace holds is {@link #OTHER}: counted and skipped.
 */
public enum TraceEventKind {
    MM_PAGE_ALLOC("kmem", "mm_page_alloc"),
    MM_PAGE_FREE("kmem", "mm_page_free"),
    MM_PAGE_FREE_BATCHED("kmem", "mm_page_free_batched"),
    MM_PAGE_ALLOC_ZONE_LOCKED("kmem", "mm_page_alloc_zone_locked"),
    MM_PAGE_PCPU_DRAIN("kmem", "mm_page_pcpu_drain"),
    MM_PAGE_ALLOC_EXTFRAG("kmem", "mm_page_alloc_extfrag"),
    KMALLOC("kmem", "kmalloc"),
    KMALLOC_NODE("kmem", "kmalloc_node"),
    KFREE("kmem", "kfree"),
    KMEM_CACHE_ALLOC("kmem", "kmem_cache_alloc"),
    KMEM_CACHE_ALLOC_NODE("kmem", "kmem_cache_alloc_node"),
    KMEM_CACHE_FREE("kmem", "kmem_cache_free"),
    /** Any compaction:mm_compaction_* event; {@link TraceEvent#name} says which. */
    COMPACTION("compaction", "mm_compaction_"),
    /** Any vmscan:mm_vmscan_* event; {@link TraceEvent#name} says which. */
    VMSCAN("vmscan", "mm_vmscan_"),
    /** A marker written to trace_marker ({@code tracing_mark_write: TEXT}). */
    MARKER("ftrace", "print"),
    /** Any other event: counted and skipped. */
    OTHER("", "");

    private static final Map<String, TraceEventKind> BY_NAME = new HashMap<>();

    static {
        for (TraceEventKind k : values()) {
            if (k != COMPACTION && k != VMSCAN && k != OTHER && k != MARKER) {
                BY_NAME.put(k.eventName, k);
            }
        }
    }

    private final String system;
    private final String eventName;

    TraceEventKind(String system, String eventName) {
        this.system = system;
        this.eventName = eventName;
    }

    /** The event's system (kmem, compaction, vmscan). */
    public String system() {
        return system;
    }

    /** The event's name as the trace prints it (a prefix for {@link #COMPACTION} and {@link #VMSCAN}). */
    public String eventName() {
        return eventName;
    }

    /** The kind of an event named as the trace names it ("mm_page_alloc", "mm_compaction_begin", ...). */
    public static TraceEventKind of(String name) {
        TraceEventKind k = BY_NAME.get(name);
        if (k != null) {
            return k;
        }
        if (name.startsWith(COMPACTION.eventName)) {
            return COMPACTION;
        }
        if (name.startsWith(VMSCAN.eventName)) {
            return VMSCAN;
        }
        if (name.equals("print") || name.equals("tracing_mark_write")) {
            return MARKER;
        }
        return OTHER;
    }
}
