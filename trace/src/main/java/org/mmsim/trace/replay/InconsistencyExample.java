package org.mmsim.trace.replay;

/**
 * One inconsistency forced replay found, kept for the report (only the first few are kept, so that a trace of
 * millions of events allocates nothing per event).
 *
 * @param position the event's line (text trace) or byte offset (trace.dat)
 * @param event the event's kernel name
 * @param pfn the event's pfn
 * @param order the event's order
 * @param kind what contradicted the model
 * @param modelOrder the order of the model's block at the pfn, -1 when it has none
 */
public record InconsistencyExample(long position, String event, long pfn, int order, Inconsistency kind,
        int modelOrder) {

    /** "line 1306970: mm_page_free pfn=0x524c9 order=0: free of a page the model holds free". */
    @Override
    public String toString() {
        return describe("line");
    }

    /** As {@link #toString()}, the position counted in {@code unit} ("line", or "offset" for a trace.dat). */
    public String describe(String unit) {
        return unit + " " + position + ": " + event + " pfn=0x" + Long.toHexString(pfn) + " order=" + order + ": "
                + kind.description() + (modelOrder >= 0 && kind == Inconsistency.WRONG_ORDER
                        ? " (model order " + modelOrder + ")" : "");
    }
}
