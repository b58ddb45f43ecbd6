package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.testdata.Oracle;

/**
 * {@code mmsim replay} on the x86_64-4G-trace case (forced, from frag/after-punch, compared with the case's own
 * /proc snapshots), and bad input: one line, exit 2, nothing left behind.
 */
class ReplayCommandTest {
    private static final String CASE = "x86_64-4G-trace";
    private static final Path DIR = Oracle.caseDir(CASE);
    private static final String TRACE = Oracle.file(CASE, "trace.gz").toString();
    private static final String DMESG = Oracle.file(CASE, "dmesg").toString();

    @TempDir
    Path tmp;

    @Test
    void forcedReplayOfTheRealTraceWritesTheRunDirectory() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("replay", TRACE, "--from-dmesg", DMESG, "--start", "frag/after-punch",
                "--snapshots", DIR.toString(), "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        String summary = Files.readString(out.resolve("summary.json"));
        // the trace has 1,148,592 page events after the frag/after-punch marker (a grep of the file counts them)
        assertThat(summary).contains("\"events\": 1148592", "\"mode\": \"forced\"", "\"inconsistencies\": 0,");
        // trace-end has a kernel buddyinfo and pagetypeinfo, frag/fill none
        assertThat(summary).containsPattern("\"marker\": \"trace-end\".*\"buddyinfo_error\": 0\\.0\\d+, \"pagetypeinfo_error\": 0\\.0")
                .contains("\"marker\": \"frag/fill\", \"time_s\": 26.137791");
        // the kernel's trace-end buddyinfo and the model's, both in the proc/ snapshots at that marker
        assertThat(Files.readString(out.resolve("proc/trace-end/buddyinfo"))).startsWith("Node 0, zone      DMA");
        assertThat(out.resolve("proc/frag/after-exit/pagetypeinfo")).isRegularFile();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "frag/after-exit");
        assertThat(r.out()).contains("report.html");
    }

    @Test
    void modelReplayWritesItsFigures() throws IOException {
        Path out = tmp.resolve("model");
        CliRun r = CliRun.of("replay", TRACE, "--from-dmesg", DMESG, "--mode", "model", "--start",
                "frag/after-punch", "--snapshots", DIR.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        // 2,508 mm_page_alloc events after the marker, one of them failed (page=0000000000000000): a grep counts them
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"allocs\": 2507", "\"kernel_extfrag\": 3");
    }

    @Test
    void withAMeminfoTheBootHoldsTheMemoryInUse() throws IOException {
        Path out = tmp.resolve("meminfo");
        CliRun r = CliRun.of("replay", TRACE, "--from-dmesg", DMESG, "--meminfo", Oracle.file(CASE, "meminfo").toString(),
                "--start", "frag/after-punch", "--snapshots", DIR.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"events\": 1148592");
    }

    @Test
    void lenientCountsAndSkipsAGarbledLine() throws IOException {
        Path t = garbled();
        Path out = tmp.resolve("lenient");
        CliRun r = CliRun.of("replay", t.toString(), "--from-dmesg", DMESG, "--lenient", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"events\": 1,", "\"skipped_lines\": 1,");
    }

    @Test
    void aTraceFromTraceInitReplaysFromTheBootToMemInit() throws IOException {
        // x86_64-1G-fulltrace: events on from trace_init(); its top-level zoneinfo was read at the "boot" marker,
        // the trace's first
        String full = "x86_64-1G-fulltrace";
        Path out = tmp.resolve("full");
        CliRun r = CliRun.of("replay", Oracle.file(full, "trace.dat").toString(), "--from-dmesg",
                Oracle.file(full, "dmesg").toString(), "--start", "trace-init", "--snapshots",
                Oracle.caseDir(full).toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String summary = Files.readString(out.resolve("summary.json"));
        // 701 mm_compaction_isolate_freepages lines whose nr_taken sum to 30032 (grep)
        assertThat(summary).contains("\"compaction_isolated\": 30032", "\"untraced_allocations\": ");
        // a trace.dat's events are placed by their byte offset in the file
        assertThat(summary).containsPattern("\"inconsistency_examples\": \\[\"offset \\d+: mm_page_free");
        // the kernel's trace-end buddyinfo differs from the model's by one order-1 block (2 of 199,178 pages)
        assertThat(summary).containsPattern("\"marker\": \"trace-end\".*\"buddyinfo_error\": 0\\.0000\\d");
        // the boot marker's snapshot is the case's top-level files
        assertThat(summary).containsPattern("\"marker\": \"boot\".*\"buddyinfo_error\": 0\\.000\\d");
        // the agreement chart: a log axis down to 0.001 %, a point per marker with a snapshot
        assertThat(Files.readString(out.resolve("report.html"))).contains("0.001 %", "log scale")
                .containsPattern("<title>trace-end: 0\\.00\\d\\d %</title>");
    }

    @Test
    void aTraceInitStartWithoutAZoneinfoIsOneLine() throws IOException {
        Path dir = tmp.resolve("case");
        Files.createDirectories(dir);
        Files.copy(Oracle.file(CASE, "dmesg"), dir.resolve("dmesg"));
        assertBad("needs a zoneinfo", "replay", TRACE, "--from-dmesg", dir.resolve("dmesg").toString(), "--start",
                "trace-init", "--out", tmp.resolve("o").toString());
    }

    private Path garbled() throws IOException {
        Path t = tmp.resolve("garbled.gz");
        try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(t))) {
            z.write(("            frag-500     [000] d..3.    21.127992: mm_page_alloc_zone_locked: "
                    + "page=(____ptrval____) pfn=0x524c9 order=0 migratetype=1 percpu_refill=1\n"
                    + "            frag-500     [000] d..3.    21.127993: mm_page_free: pfn=zz order=0\n").getBytes());
        }
        return t;
    }

    @Test
    void aMissingTraceIsOneLineAndNothingIsWritten() {
        assertBad("no such file", "replay", tmp.resolve("none.gz").toString(), "--from-dmesg", DMESG, "--out",
                tmp.resolve("o").toString());
    }

    @Test
    void anUnknownModeIsOneLine() {
        assertBad("--mode must be forced or model", "replay", TRACE, "--from-dmesg", DMESG, "--mode", "free",
                "--out", tmp.resolve("o").toString());
    }

    @Test
    void aStartMarkerTheTraceLacksIsOneLineAndNothingIsLeft() throws IOException {
        Path t = tmp.resolve("small.txt");
        Files.writeString(t, "            frag-500     [000] d..3.    21.127992: mm_page_alloc_zone_locked: "
                + "page=(____ptrval____) pfn=0x524c9 order=0 migratetype=1 percpu_refill=1\n");
        assertBad("no marker 'frag/nowhere'", "replay", t.toString(), "--from-dmesg", DMESG, "--start",
                "frag/nowhere", "--out", tmp.resolve("o").toString());
    }

    @Test
    void aGarbledTraceIsOneLineWithItsLineNumber() throws IOException {
        Path t = garbled();
        CliRun r = assertBad("garbled.gz:2", "replay", t.toString(), "--from-dmesg", DMESG, "--out",
                tmp.resolve("o").toString());
        assertThat(r.err()).startsWith("mmsim: ");
    }

    @Test
    void aBadSnapshotFileIsOneLineNamingIt() throws IOException {
        Path snaps = tmp.resolve("snaps");
        Files.createDirectories(snaps.resolve("frag/after-punch"));
        Files.writeString(snaps.resolve("frag/after-punch/buddyinfo"), "Node 0, zone Normal 1 2 x\n");
        assertBad("buddyinfo", "replay", TRACE, "--from-dmesg", DMESG, "--start", "frag/after-punch", "--snapshots",
                snaps.toString(), "--out", tmp.resolve("o").toString());
    }

    private CliRun assertBad(String message, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.err().strip().lines()).hasSize(1);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("o") || n.startsWith(".o"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return r;
    }
}
