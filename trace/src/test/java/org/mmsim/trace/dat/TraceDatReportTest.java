package org.mmsim.trace.dat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
import org.mmsim.trace.TraceReader;

/**
 * A real recording (resources/dat/README.md: Debian's 6.1 kernel in a 1 GiB, 2-CPU guest, -e kmem -e compaction
 * -e vmscan, 15,213 events) read from its trace.dat in file version 7 (zstd), version 7 uncompressed and version
 * 6, each event compared with the line {@code trace-cmd report} printed for it and with the line of the kernel's
 * own trace file: both are split here with a plain pattern, not with any reader of mmsim.
 */
class TraceDatReportTest {
    static final Path V7_ZSTD = resource("small-v7-zstd.dat");
    static final Path V7_PLAIN_GZ = resource("small-v7-plain.dat.gz");
    static final Path V6_GZ = resource("small-v6.dat.gz");
    static final int EVENTS = 15_213;
    private static final Path REPORT = resource("small-report.txt.gz");
    private static final Path KERNEL_TEXT = resource("small-trace.txt.gz");
    /** comm-pid [cpu] (flags) seconds.micros: name: rest; the kernel's text has the flags column, the report not. */
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(.*)-(\\d+)\\s+\\[(\\d+)\\]\\s+(?:\\S+\\s+)?(\\d+)\\.(\\d{6}):\\s+(\\w+):\\s*(.*)$");

    static Path resource(String name) {
        return Path.of("src/test/resources/dat", name);
    }

    /** One report line, split. */
    record Line(String comm, int pid, int cpu, long timeUs, String name, String rest) {
        String field(String key) {
            for (String token : rest.split(" ")) {
                if (token.startsWith(key + "=")) {
                    return token.substring(key.length() + 1);
                }
            }
            return null;
        }
    }

    static List<Line> lines(Path text) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(text)), StandardCharsets.UTF_8))) {
            String s;
            while ((s = r.readLine()) != null) {
                Matcher m = LINE.matcher(s);
                if (m.matches()) {
                    lines.add(new Line(m.group(1).trim(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            Long.parseLong(m.group(4)) * 1_000_000 + Long.parseLong(m.group(5)), m.group(6),
                            m.group(7)));
                }
            }
        }
        return lines;
    }

    static TraceReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return TraceDatReader.open(file, in, false);
    }

    @Test
    void version7ZstdGivesTheReportsEventsOneByOne() throws IOException {
        assertSameAsReport(V7_ZSTD);
    }

    @Test
    void version7UncompressedGivesTheReportsEventsOneByOne() throws IOException {
        assertSameAsReport(V7_PLAIN_GZ);
    }

    @Test
    void version6GivesTheReportsEventsOneByOne() throws IOException {
        assertSameAsReport(V6_GZ);
    }

    @Test
    void theTraceDatGivesTheEventsOfTheKernelsOwnText() throws IOException {
        List<Line> lines = lines(KERNEL_TEXT);
        assertThat(lines).hasSize(EVENTS);
        TraceEvent e = new TraceEvent();
        int i = 0;
        try (TraceReader r = open(V7_ZSTD)) {
            while (r.next(e)) {
                Line l = lines.get(i);
                String at = "event " + i + " (" + l.name + " at " + l.timeUs + " us)";
                assertThat(e.kind).as(at).isEqualTo(TraceEventKind.of(l.name));
                assertThat(e.cpu).as(at).isEqualTo(l.cpu);
                assertThat(e.pid).as(at).isEqualTo(l.pid);
                assertThat(e.comm).as(at).isEqualTo(l.comm);
                assertThat((e.timeNs + 500) / 1000).as(at).isEqualTo(l.timeUs);
                assertSameFields(e, l, at, false);
                i++;
            }
        }
        assertThat(i).isEqualTo(EVENTS);
    }

    private static void assertSameAsReport(Path file) throws IOException {
        List<Line> lines = lines(REPORT);
        assertThat(lines).hasSize(EVENTS);
        Map<TraceEventKind, Integer> kinds = new TreeMap<>();
        TraceEvent e = new TraceEvent();
        int i = 0;
        try (TraceReader r = open(file)) {
            while (r.next(e)) {
                assertThat(i).as("more events than the report").isLessThan(lines.size());
                assertSameEvent(e, lines.get(i), i);
                kinds.merge(e.kind, 1, Integer::sum);
                i++;
            }
            assertThat(r.skipped()).isZero();
        }
        assertThat(i).isEqualTo(lines.size());
        assertThat(kinds).containsEntry(TraceEventKind.MM_PAGE_ALLOC, 4423)
                .containsEntry(TraceEventKind.MM_PAGE_FREE, 5038)
                .containsEntry(TraceEventKind.MM_PAGE_FREE_BATCHED, 4474)
                .containsEntry(TraceEventKind.MM_PAGE_ALLOC_ZONE_LOCKED, 283)
                .containsEntry(TraceEventKind.KMALLOC, 22)
                .containsEntry(TraceEventKind.KFREE, 35)
                .containsEntry(TraceEventKind.KMEM_CACHE_ALLOC, 220)
                .containsEntry(TraceEventKind.KMEM_CACHE_FREE, 300)
                .containsEntry(TraceEventKind.COMPACTION, 220 + 39 + 37 + 5 + 2 + 2 + 2)
                .containsEntry(TraceEventKind.MARKER, 4)
                .containsEntry(TraceEventKind.OTHER, 93 + 7 + 7);
    }

    private static void assertSameEvent(TraceEvent e, Line l, int i) {
        String at = "event " + i + " (" + l.name + " at " + l.timeUs + " us)";
        assertThat(e.name).as(at).isEqualTo(l.name);
        assertThat(e.cpu).as(at).isEqualTo(l.cpu);
        assertThat(e.pid).as(at).isEqualTo(l.pid);
        assertThat(e.comm).as(at).isEqualTo(l.comm);
        assertThat((e.timeNs + 500) / 1000).as(at).isEqualTo(l.timeUs);
        assertSameFields(e, l, at, true);
    }

    /** The fields both texts print alike; pointers only where they are not hashed (the report). */
    private static void assertSameFields(TraceEvent e, Line l, String at, boolean rawPointers) {
        switch (e.kind) {
            case MM_PAGE_ALLOC, MM_PAGE_FREE, MM_PAGE_FREE_BATCHED, MM_PAGE_ALLOC_ZONE_LOCKED, MM_PAGE_PCPU_DRAIN -> {
                assertThat(e.pfn).as(at).isEqualTo(Long.parseLong(l.field("pfn").substring(2), 16));
                assertThat(e.order).as(at).isEqualTo(Integer.parseInt(l.field("order")));
                if (l.field("migratetype") != null) {
                    assertThat(e.migratetype).as(at).isEqualTo(Integer.parseInt(l.field("migratetype")));
                }
                if (l.field("gfp_flags") != null) {
                    assertThat(e.gfpText).as(at).isEqualTo(l.field("gfp_flags"));
                }
                if (l.field("percpu_refill") != null) {
                    assertThat(e.percpuRefill).as(at).isEqualTo(l.field("percpu_refill").equals("1"));
                }
            }
            case KMALLOC, KMEM_CACHE_ALLOC -> {
                assertThat(e.bytesReq).as(at).isEqualTo(Long.parseLong(l.field("bytes_req")));
                assertThat(e.bytesAlloc).as(at).isEqualTo(Long.parseLong(l.field("bytes_alloc")));
                assertThat(e.node).as(at).isEqualTo(Integer.parseInt(l.field("node")));
                assertThat(e.gfpText).as(at).isEqualTo(l.field("gfp_flags"));
                if (rawPointers) {
                    assertThat(pointer(e.ptr)).as(at).isEqualTo(l.field("ptr"));
                }
            }
            case KFREE, KMEM_CACHE_FREE -> {
                if (rawPointers) {
                    assertThat(pointer(e.ptr)).as(at).isEqualTo(l.field("ptr"));
                }
            }
            case MARKER -> assertThat(l.rest).as(at).endsWith(e.text);
            case COMPACTION, VMSCAN -> assertThat(e.text).as(at).isEqualTo(l.rest);
            default -> {
            }
        }
    }

    private static String pointer(long p) {
        return p == 0 ? "(nil)" : "0x" + Long.toHexString(p);
    }
}
