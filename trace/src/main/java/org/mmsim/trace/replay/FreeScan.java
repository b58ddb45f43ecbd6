package org.mmsim.trace.replay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mm_compaction_isolate_freepages event (include/trace/events/compaction.h 6.1): compaction's free scanner,
 * isolate_freepages_block(), scanned [startPfn, endPfn) and isolated nrTaken pages, whole free buddy blocks, as
 * migration targets. The event prints "range=(0xSTART ~ 0xEND) nr_scanned=N nr_taken=N".
 */
record FreeScan(long startPfn, long endPfn, long nrScanned, long nrTaken) {
    static final String EVENT = "mm_compaction_isolate_freepages";
    private static final Pattern TEXT = Pattern.compile(
            "range=\\(0x([0-9a-f]+) ~ 0x([0-9a-f]+)\\) nr_scanned=(\\d+) nr_taken=(\\d+)");

    /** The scan an event's text describes, or null when the text is not in the event's format. */
    static FreeScan parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.find()) {
            return null;
        }
        return new FreeScan(Long.parseLong(m.group(1), 16), Long.parseLong(m.group(2), 16),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
    }
}
