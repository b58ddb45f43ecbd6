package org.mmsim.trace.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmsim.testdata.Oracle;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
import org.mmsim.trace.input.ReadAheadTraceReader;
import org.mmsim.trace.input.TraceFiles;
import org.mmsim.trace.TraceReader;

/**
 * The real 6.1 kmem trace of the x86_64-4G-trace oracle case (28 MB gzipped ftrace text) read whole: every line
 * is an event or a header line, and the counts per event agree with a plain line scan of the same file that does
 * not use the reader.
 */
class FtraceTextReaderRealTraceTest {
    private static final Path TRACE = Oracle.file("x86_64-4G-trace", "trace.gz");

    /** What the reader saw. */
    private static final Map<TraceEventKind, Long> KINDS = new EnumMap<>(TraceEventKind.class);
    private static final Map<String, Long> NAMES = new TreeMap<>();
    private static final List<String> MARKERS = new ArrayList<>();
    private static final TraceEvent FIRST = new TraceEvent();
    private static final TraceEvent LAST = new TraceEvent();
    private static long events;
    private static long otherLines;
    private static long lines;
    private static long lost;
    private static long entriesInBuffer;
    private static long entriesWritten;
    private static int cpus;
    private static long failedAllocations;

    /** What a grep-like scan saw: lines, '#' lines, and lines per event name (the word before the second ": "). */
    private static final Map<String, Long> SCANNED = new TreeMap<>();
    private static String firstEventLine;
    private static String lastEventLine;
    private static long scannedLines;
    private static long scannedComments;

    @BeforeAll
    static void readTwice() throws IOException {
        try (TraceReader r = TraceFiles.open(TRACE, false)) {
            TraceEvent e = new TraceEvent();
            boolean first = true;
            while (r.next(e)) {
                KINDS.merge(e.kind, 1L, Long::sum);
                NAMES.merge(e.name, 1L, Long::sum);
                if (e.kind == TraceEventKind.MARKER) {
                    MARKERS.add(e.text);
                }
                if (e.kind == TraceEventKind.MM_PAGE_ALLOC && e.pfn == -1) {
                    failedAllocations++;
                }
                if (first) {
                    FIRST.copyFrom(e);
                    first = false;
                }
                LAST.copyFrom(e);
            }
            FtraceTextReader reader = (FtraceTextReader) ((ReadAheadTraceReader) r).source();
            events = reader.events();
            otherLines = reader.otherLines();
            lines = reader.lines();
            lost = reader.lostEvents();
            entriesInBuffer = reader.entriesInBuffer();
            entriesWritten = reader.entriesWritten();
            cpus = reader.cpus();
            assertThat(reader.skipped()).isZero();
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(TRACE)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                scannedLines++;
                if (line.startsWith("#")) {
                    scannedComments++;
                    continue;
                }
                int afterTime = line.indexOf(": ");
                int afterName = line.indexOf(": ", afterTime + 2);
                SCANNED.merge(line.substring(afterTime + 2, afterName), 1L, Long::sum);
                if (firstEventLine == null) {
                    firstEventLine = line;
                }
                lastEventLine = line;
            }
        }
    }

    @Test
    void everyLineIsAnEventOrAHeaderLine() {
        System.out.println("events per kind: " + KINDS);
        System.out.println("events per name: " + NAMES);
        assertThat(lines).isEqualTo(scannedLines);
        assertThat(events + otherLines).isEqualTo(lines);
        assertThat(otherLines).isEqualTo(scannedComments).isEqualTo(12);
    }

    @Test
    void countsPerEventEqualALineScan() {
        assertThat(NAMES).isEqualTo(SCANNED);
        assertThat(KINDS).containsEntry(TraceEventKind.MM_PAGE_ALLOC, SCANNED.get("mm_page_alloc"))
                .containsEntry(TraceEventKind.MM_PAGE_FREE, SCANNED.get("mm_page_free"))
                .containsEntry(TraceEventKind.MM_PAGE_FREE_BATCHED, SCANNED.get("mm_page_free_batched"))
                .containsEntry(TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED, SCANNED.get("mm_page_alloc_zone_locked"))
                .containsEntry(TraceEventKind.MM_PAGE_PCPU_DRAIN, SCANNED.get("mm_page_pcpu_drain"))
                .containsEntry(TraceEventKind.MM_PAGE_ALLOC_EXTFRAG, SCANNED.get("mm_page_alloc_extfrag"))
                .containsEntry(TraceEventKind.MARKER, SCANNED.get("tracing_mark_write"))
                .hasSize(7);
        assertThat(SCANNED).containsEntry("mm_page_alloc", 152_486L).containsEntry("mm_page_free", 741_809L)
                .containsEntry("mm_page_free_batched", 687_122L).containsEntry("mm_page_alloc_zone_locked", 151_560L)
                .containsEntry("mm_page_pcpu_drain", 722_561L).containsEntry("mm_page_alloc_extfrag", 4L);
    }

    @Test
    void theHeaderSaysHowManyEventsTheBufferLost() {
        assertThat(entriesInBuffer).isEqualTo(2_455_550L).isEqualTo(events);
        assertThat(entriesWritten).isEqualTo(6_027_653L);
        assertThat(lost).isEqualTo(6_027_653L - 2_455_550L);
        assertThat(cpus).isEqualTo(1);
    }

    @Test
    void theOraclePhaseMarkersAreFound() {
        assertThat(MARKERS).containsExactly("oracle frag/after-punch", "oracle frag/fill", "oracle frag/after-holes",
                "oracle frag/compact", "oracle frag/after-compact", "oracle frag/exit", "oracle frag/after-exit",
                "oracle trace-end");
    }

    @Test
    void theOneFailedAllocationHasNoPfn() {
        assertThat(failedAllocations).isEqualTo(1);
    }

    @Test
    void theFirstEventIsItsLine() {
        assertThat(firstEventLine).isEqualTo("            frag-500     [000] d..3.    21.127992: mm_page_alloc_zone_locked: "
                + "page=(____ptrval____) pfn=0x524c9 order=0 migratetype=1 percpu_refill=1");
        assertThat(FIRST.position).isEqualTo(13);
        assertThat(FIRST.comm).isEqualTo("frag");
        assertThat(FIRST.pid).isEqualTo(500);
        assertThat(FIRST.cpu).isZero();
        assertThat(FIRST.timeNs).isEqualTo(21_127_992_000L);
        assertThat(FIRST.kind).isEqualTo(TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED);
        assertThat(FIRST.pfn).isEqualTo(0x524c9L);
        assertThat(FIRST.order).isZero();
        assertThat(FIRST.migratetype).isEqualTo(1);
        assertThat(FIRST.percpuRefill).isTrue();
    }

    @Test
    void theLastEventIsItsLine() {
        assertThat(lastEventLine)
                .isEqualTo("            init-1       [000] .....    31.435170: tracing_mark_write: oracle trace-end");
        assertThat(LAST.position).isEqualTo(scannedLines);
        assertThat(LAST.comm).isEqualTo("init");
        assertThat(LAST.pid).isEqualTo(1);
        assertThat(LAST.timeNs).isEqualTo(31_435_170_000L);
        assertThat(LAST.kind).isEqualTo(TraceEventKind.MARKER);
        assertThat(LAST.name).isEqualTo("tracing_mark_write");
        assertThat(LAST.text).isEqualTo("oracle trace-end");
    }
}
