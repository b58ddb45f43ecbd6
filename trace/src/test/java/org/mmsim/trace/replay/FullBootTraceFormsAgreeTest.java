package org.mmsim.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
import org.mmsim.trace.TraceReader;
import org.mmsim.trace.input.TraceFiles;

/**
 * Every event of the x86_64-1G-fulltrace recording parses from both its forms, the kernel's trace text (trace.gz)
 * and trace-cmd's trace.dat (version 7, zstd), and the two give the same stream: read in lockstep, every event
 * agrees on kind, cpu, pid, time to the microsecond the text prints, and every page event on pfn, order,
 * migratetype, gfp text, percpu_refill and the fallback fields. Left out as in the input package's
 * TraceFormsAgreeTest: the marker's event name (tracing_mark_write against print) and the shrinker's pointer
 * and symbol the two print differently; libtraceevent's misprint of mm_page_alloc_extfrag's "fragmenting" is
 * not a field of TraceEvent (the reader takes fallback_order and the migratetypes from the record). The counts
 * per kind are checked against a count of the text's lines by event name, done here, and the total against
 * the header the kernel writes (entries-in-buffer).
 */
class FullBootTraceFormsAgreeTest {
    private static final Pattern EVENT_LINE = Pattern.compile("^\\s*.+-\\d+\\s+\\[\\d+\\]\\s+\\S+\\s+[0-9.]+: (\\w+):");
    private static final Pattern ENTRIES = Pattern.compile("entries-in-buffer/entries-written: (\\d+)/(\\d+)");

    @Test
    void everyEventParsesFromTheTextAndTheTraceDatAlike() throws IOException {
        Map<TraceEventKind, Long> lines = new EnumMap<>(TraceEventKind.class);
        long[] header = countLines(lines);
        assertThat(header[0]).isEqualTo(header[1]);

        Map<TraceEventKind, Long> read = new EnumMap<>(TraceEventKind.class);
        List<String> differences = new ArrayList<>();
        long mismatches = 0;
        long events = 0;
        TraceEvent t = new TraceEvent();
        TraceEvent d = new TraceEvent();
        try (TraceReader text = TraceFiles.open(FullBootFixture.TEXT, false);
                TraceReader dat = TraceFiles.open(FullBootFixture.DAT, false)) {
            while (true) {
                boolean moreText = text.next(t);
                boolean moreDat = dat.next(d);
                assertThat(moreDat).as("both forms end together, after %d events", events).isEqualTo(moreText);
                if (!moreText) {
                    break;
                }
                events++;
                read.merge(t.kind, 1L, Long::sum);
                String why = difference(t, d);
                if (why != null) {
                    mismatches++;
                    if (differences.size() < 10) {
                        differences.add("text line " + t.position + ", dat offset " + d.position + ": " + why);
                    }
                }
            }
            assertThat(text.skipped()).isZero();
            assertThat(dat.skipped()).isZero();
        }
        assertThat(differences).isEmpty();
        assertThat(mismatches).isZero();
        assertThat(events).isEqualTo(header[0]);
        assertThat(read).isEqualTo(lines);
    }

    /** What differs between the two forms' event, or null. */
    private static String difference(TraceEvent t, TraceEvent d) {
        if (t.kind != d.kind || t.cpu != d.cpu || t.pid != d.pid || (t.timeNs + 500) / 1000 != (d.timeNs + 500) / 1000) {
            return "kind/cpu/pid/time " + t.kind + " " + t.cpu + " " + t.pid + " " + t.timeNs + " vs " + d.kind + " "
                    + d.cpu + " " + d.pid + " " + d.timeNs;
        }
        if (t.kind == TraceEventKind.MARKER) {
            return Objects.equals(TraceReplay.markerName(t), TraceReplay.markerName(d)) ? null
                    : "marker " + t.text + " vs " + d.text;
        }
        if (t.kind != TraceEventKind.OTHER && !Objects.equals(t.name, d.name)) {
            return "name " + t.name + " vs " + d.name;
        }
        if (t.kind.system().equals("kmem") && t.name.startsWith("mm_page")
                && (t.pfn != d.pfn || t.order != d.order || t.migratetype != d.migratetype
                        || !Objects.equals(t.gfpText, d.gfpText) || t.percpuRefill != d.percpuRefill
                        || t.fallbackOrder != d.fallbackOrder || t.fallbackMigratetype != d.fallbackMigratetype
                        || t.changeOwnership != d.changeOwnership)) {
            return t.name + " pfn " + t.pfn + "/" + d.pfn + " order " + t.order + "/" + d.order + " mt "
                    + t.migratetype + "/" + d.migratetype + " gfp " + t.gfpText + "/" + d.gfpText + " refill "
                    + t.percpuRefill + "/" + d.percpuRefill + " fallback " + t.fallbackOrder + "/" + d.fallbackOrder;
        }
        return null;
    }

    /** Counts the text's event lines by the event name each prints; returns the header's two entry counts. */
    private static long[] countLines(Map<TraceEventKind, Long> perKind) throws IOException {
        long[] header = {-1, -2};
        try (BufferedReader r = FullBootFixture.textLines()) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    Matcher h = ENTRIES.matcher(line);
                    if (h.find()) {
                        header[0] = Long.parseLong(h.group(1));
                        header[1] = Long.parseLong(h.group(2));
                    }
                    continue;
                }
                Matcher m = EVENT_LINE.matcher(line);
                if (m.find()) {
                    perKind.merge(TraceEventKind.of(m.group(1)), 1L, Long::sum);
                }
            }
        }
        return header;
    }
}
