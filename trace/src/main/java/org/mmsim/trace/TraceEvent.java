package org.mmsim.trace;

/**
 * One trace event, a mutable record a reader fills again for every event (no object per event, so millions per
 * second stream through). Fields an event does not carry keep the value {@link #clear()} gave them. The page
 * events' fields are those of include/trace/events/kmem.h: {@code pfn}, {@code order}, {@code gfp} (the flags as a
 * number where the trace gives one, and always as text), {@code migratetype}, {@code percpuRefill} for
 * mm_page_alloc_zone_locked (6.1 prints percpu_refill), and the fallback fields of mm_page_alloc_extfrag.
 */
public final class TraceEvent {
    /** What the event is. */
    public TraceEventKind kind;
    /** The event's own name ("mm_page_alloc", "mm_compaction_begin", ...). */
    public String name;
    /** Where it was read: the line number of a text trace, the byte offset of a trace.dat record. */
    public long position;
    public int cpu;
    /** Time stamp in nanoseconds (text traces print microseconds). */
    public long timeNs;
    public int pid;
    /** The task's name, or null when the reader does not keep it. */
    public String comm;

    public long pfn;
    public int order;
    public int migratetype;
    public long gfp;
    /** The gfp_flags as the trace prints them ("GFP_KERNEL|__GFP_COMP"), or null. */
    public String gfpText;
    public boolean percpuRefill;
    public int fallbackOrder;
    public int fallbackMigratetype;
    public boolean changeOwnership;

    /** kmalloc / kmem_cache fields: call_site, ptr, bytes_req, bytes_alloc, node. */
    public long callSite;
    public long ptr;
    public long bytesReq;
    public long bytesAlloc;
    public int node;

    /** The text after "name: " for events the replay does not decode field by field (markers, compaction, vmscan). */
    public String text;

    public TraceEvent() {
        clear();
    }

    /** Resets every field to "not given". */
    public void clear() {
        kind = TraceEventKind.OTHER;
        name = null;
        position = 0;
        cpu = -1;
        timeNs = 0;
        pid = -1;
        comm = null;
        pfn = -1;
        order = -1;
        migratetype = -1;
        gfp = 0;
        gfpText = null;
        percpuRefill = false;
        fallbackOrder = -1;
        fallbackMigratetype = -1;
        changeOwnership = false;
        callSite = 0;
        ptr = 0;
        bytesReq = 0;
        bytesAlloc = 0;
        node = -1;
        text = null;
    }

    /** Makes every field of this event that of {@code from} (the strings are shared: they are immutable). */
    public void copyFrom(TraceEvent from) {
        kind = from.kind;
        name = from.name;
        position = from.position;
        cpu = from.cpu;
        timeNs = from.timeNs;
        pid = from.pid;
        comm = from.comm;
        pfn = from.pfn;
        order = from.order;
        migratetype = from.migratetype;
        gfp = from.gfp;
        gfpText = from.gfpText;
        percpuRefill = from.percpuRefill;
        fallbackOrder = from.fallbackOrder;
        fallbackMigratetype = from.fallbackMigratetype;
        changeOwnership = from.changeOwnership;
        callSite = from.callSite;
        ptr = from.ptr;
        bytesReq = from.bytesReq;
        bytesAlloc = from.bytesAlloc;
        node = from.node;
        text = from.text;
    }
}
