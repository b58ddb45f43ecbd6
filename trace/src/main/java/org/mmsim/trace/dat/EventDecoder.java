package org.mmsim.trace.dat;

import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;

/**
 * Decodes the records of one event format into {@link TraceEvent}, the fields found by name in the format the
 * file saved (include/trace/events/kmem.h: pfn, order, migratetype, gfp_flags, percpu_refill, the extfrag
 * fields, call_site, ptr, bytes_req, bytes_alloc, node). The values are those the text of the same record
 * carries: gfp_flags as the print fmt prints it (cached per value, so no string per event), a field the format
 * prints as a constant (mm_page_free_batched's {@code order=0}) as that constant, a failed allocation's pfn as
 * -1, a marker's text as its message, and a compaction or vmscan event's text as its print fmt prints it.
 */
final class EventDecoder {
    private static final int GFP_CACHE = 256;

    final EventFormat format;
    final TraceEventKind kind;
    private final FormatField pid;
    private final FormatField pfn;
    private final FormatField order;
    private final long orderConstant;
    private final FormatField migratetype;
    private final FormatField gfp;
    private final PrintExpression gfpText;
    private final FormatField percpuRefill;
    private final FormatField fallbackOrder;
    private final FormatField fallbackMigratetype;
    private final FormatField changeOwnership;
    private final FormatField callSite;
    private final FormatField ptr;
    private final FormatField bytesReq;
    private final FormatField bytesAlloc;
    private final FormatField node;
    private final FormatField markerText;
    private final PrintFormat print;
    private final long[] gfpKeys;
    private final String[] gfpTexts;
    private final StringBuilder text;

    EventDecoder(EventFormat format) {
        this.format = format;
        this.kind = TraceEventKind.of(format.name);
        this.pid = format.field("common_pid");
        this.pfn = format.field("pfn");
        FormatField o = format.field("order");
        this.order = o != null ? o : format.field("alloc_order");
        FormatField mt = format.field("migratetype");
        this.migratetype = mt != null ? mt : format.field("alloc_migratetype");
        this.gfp = format.field("gfp_flags");
        this.percpuRefill = format.field("percpu_refill");
        this.fallbackOrder = format.field("fallback_order");
        this.fallbackMigratetype = format.field("fallback_migratetype");
        this.changeOwnership = format.field("change_ownership");
        this.callSite = format.field("call_site");
        this.ptr = format.field("ptr");
        this.bytesReq = format.field("bytes_req");
        this.bytesAlloc = format.field("bytes_alloc");
        this.node = format.field("node");
        this.markerText = kind == TraceEventKind.MARKER ? format.field("buf") : null;
        boolean decoded = kind != TraceEventKind.OTHER;
        this.print = decoded ? PrintFormatParser.parse(format) : null;
        this.gfpText = print == null || gfp == null ? null : print.argumentAfter("gfp_flags=");
        this.orderConstant = order == null && print != null ? print.constantAfter("order=") : -1;
        this.gfpKeys = gfpText == null ? null : new long[GFP_CACHE];
        this.gfpTexts = gfpText == null ? null : new String[GFP_CACHE];
        this.text = kind == TraceEventKind.COMPACTION || kind == TraceEventKind.VMSCAN ? new StringBuilder() : null;
    }

    /** Fills the event's own fields (kind, name, pid and what the kind carries) from the record. */
    void decode(EventRecord r, TraceEvent into) {
        into.kind = kind;
        into.name = format.name;
        into.pid = (int) r.number(pid);
        switch (kind) {
            case OTHER:
                return;
            case MARKER:
                into.text = r.string(markerText);
                return;
            case COMPACTION:
            case VMSCAN:
                text.setLength(0);
                print.print(r, text);
                into.text = text.toString();
                return;
            default:
                break;
        }
        if (pfn != null) {
            into.pfn = r.number(pfn);
        }
        into.order = order != null ? (int) r.number(order) : (int) orderConstant;
        if (migratetype != null) {
            into.migratetype = (int) r.number(migratetype);
        }
        if (percpuRefill != null) {
            into.percpuRefill = r.number(percpuRefill) != 0;
        }
        if (fallbackOrder != null) {
            into.fallbackOrder = (int) r.number(fallbackOrder);
            into.fallbackMigratetype = (int) r.number(fallbackMigratetype);
            into.changeOwnership = r.number(changeOwnership) != 0;
        }
        if (callSite != null) {
            into.callSite = r.number(callSite);
            into.ptr = r.number(ptr);
        }
        if (bytesReq != null) {
            into.bytesReq = r.number(bytesReq);
            into.bytesAlloc = r.number(bytesAlloc);
        }
        if (node != null) {
            into.node = (int) r.number(node);
        }
        if (gfp != null) {
            long flags = r.number(gfp);
            into.gfp = flags;
            into.gfpText = gfpText(r, flags);
        }
    }

    private String gfpText(EventRecord r, long flags) {
        if (gfpText == null) {
            return null;
        }
        int slot = (int) ((flags ^ (flags >>> 17) ^ (flags >>> 31)) & (GFP_CACHE - 1));
        if (gfpTexts[slot] == null || gfpKeys[slot] != flags) {
            gfpKeys[slot] = flags;
            gfpTexts[slot] = gfpText.string(r);
        }
        return gfpTexts[slot];
    }
}
