package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.testdata.Oracle;

/** {@code mmsim run}: a whole run, determinism, and bad scenarios. */
class RunCommandTest {
    @TempDir
    static Path dir;

    /** The oracle's 256 MiB x86_64 machine as a machine file beside the scenarios. */
    @BeforeAll
    static void machineFile() throws IOException {
        String text = MachineFile.write(DmesgImporter.read(Oracle.file("x86_64-256M", "dmesg"),
                Oracle.file("x86_64-256M", "iomem")));
        Files.writeString(dir.resolve("small.yaml"), text);
    }

    private static final String GOOD = """
            name: small-test
            machine: small.yaml
            seed: 7
            duration: 3s
            hz: 250
            sysctl: { vm.swappiness: 60, vm.watermark_scale_factor: 10 }
            record:
              interval: 1s
              proc: [buddyinfo, pagetypeinfo, zoneinfo, meminfo, vmstat, extfrag_index, unusable_index]
              trace: [mm_page_alloc_extfrag]
            workload:
              - anon: { name: db, size: 64M, rate: 64M, thp: true }
              - kernel: { rate: 2000, orders: {0: 70, 1: 15, 2: 10, 3: 5}, lifetime_mean: 500ms, gfp: GFP_KERNEL }
              - slab: { name: dentry, rate: 500, lifetime_mean: 2s, reclaimable: true }
              - thp: { rate: 5, hold: 1s, start: 1s }
              - file: { name: reader, size: 32M, rate: 40M }
            """;

    private static Path scenario(String name, String text) throws IOException {
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, text);
        return p;
    }

    private static List<Path> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void aRunWritesProcSnapshotsTraceSummaryAndReport() throws IOException {
        Path sc = scenario("good", GOOD);
        Path out = dir.resolve("out-a");
        CliRun r = CliRun.of("run", sc.toString(), "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("proc", "report.html", "run-inputs.txt", "samples.parquet", "summary.json", "trace.txt");
        assertThat(Files.list(out.resolve("proc")).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("end", "start", "t0001.000s", "t0002.000s");
        Path end = out.resolve("proc/end");
        // The seven /proc files asked for, cmdline, the sys/ directory of the settings in force, and the anon
        // entry's process (pid 1000) with its maps and smaps.
        assertThat(Files.list(end).count()).isEqualTo(10);
        assertThat(end.resolve("1000/maps")).exists();
        assertThat(end.resolve("1000/smaps")).exists();
        // The written files read back with the kernel-format parsers and agree with each other.
        var buddy = BuddyInfoFormat.parse("b", Files.readString(end.resolve("buddyinfo")));
        var zi = ZoneInfoFormat.parse("z", Files.readString(end.resolve("zoneinfo")));
        for (var z : buddy.zones()) {
            assertThat(zi.node(z.nodeId()).zone(z.zoneName()).pagesFree()).isEqualTo(z.freePages());
        }
        String trace = Files.readString(out.resolve("trace.txt"));
        assertThat(trace).startsWith("# tracer: nop\n#\n# entries-in-buffer/entries-written: ");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("scenario").asText()).isEqualTo("small-test");
        assertThat(summary.get("seed").asLong()).isEqualTo(7);
        assertThat(summary.get("peak_rss_kb").get("db (1000)").asLong()).isEqualTo(64 * 1024);
        assertThat(summary.get("final_free_pages").asLong()).isEqualTo(buddy.zones().stream()
                .mapToLong(z -> z.freePages()).sum());
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg", "What happened", "Physical memory by pageblock", "extfrag_index");
        assertThat(html).as("self-contained").doesNotContain("<script", "http:", "https:", "<img", "@import", "url(");
    }

    @Test
    void twoRunsWithTheSameSeedAreByteIdentical() throws IOException {
        Path sc = scenario("det", GOOD);
        Path a = dir.resolve("det-a");
        Path b = dir.resolve("det-b");
        assertThat(CliRun.of("run", sc.toString(), "--out", a.toString()).status()).isZero();
        assertThat(CliRun.of("run", sc.toString(), "--out", b.toString()).status()).isZero();
        assertThat(tree(a)).isEqualTo(tree(b));
        for (Path f : tree(a.resolve("proc"))) {
            assertThat(Files.readAllBytes(b.resolve("proc").resolve(f))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(a.resolve("proc").resolve(f)));
        }
        assertThat(Files.readAllBytes(b.resolve("trace.txt"))).isEqualTo(Files.readAllBytes(a.resolve("trace.txt")));
        Path c = dir.resolve("det-c");
        assertThat(CliRun.of("run", sc.toString(), "--out", c.toString(), "--seed", "8").status()).isZero();
        assertThat(Files.readString(c.resolve("proc/end/buddyinfo")))
                .isNotEqualTo(Files.readString(a.resolve("proc/end/buddyinfo")));
    }

    /**
     * A process of the vm module: its peak RSS in summary.json and its maps/smaps at the end. 16 MiB mapped in an
     * empty x86_64 address space end at mmap_base = TASK_SIZE - 128 MiB = 0x7ffff7fff000.
     */
    @Test
    void aProcessRunWritesItsMapsAndSmapsAtTheEnd() throws IOException {
        Path sc = scenario("proc", """
                machine: small.yaml
                duration: 1s
                record: { proc: [meminfo] }
                workload:
                  - process: { name: app, size: 16M, rate: 64M }
                """);
        Path out = dir.resolve("out-proc");
        CliRun r = CliRun.of("run", sc.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("proc/end/1000/maps")))
                .isEqualTo("7ffff6fff000-7ffff7fff000 rw-p 00000000 00:00 0 \n");
        assertThat(Files.readString(out.resolve("proc/end/1000/smaps"))).contains("Rss:               16384 kB");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("peak_rss_kb").get("app (1000)").asLong()).isEqualTo(16 * 1024);
    }

    /** A bad scenario: the text with one mistake, the line the error must name, and a word of the message. */
    static Stream<Arguments> badScenarios() {
        String base = GOOD;
        return Stream.of(
                Arguments.of("unknown-top-key", base.replace("hz: 250", "hz: 250\nturbo: true"), 6, "unknown key 'turbo'"),
                Arguments.of("time-unit", base.replace("duration: 3s", "duration: 10 parsecs"), 4, "not a time"),
                Arguments.of("time-without-unit", base.replace("duration: 3s", "duration: 60"), 4, "not a time"),
                Arguments.of("size-GB", base.replace("size: 64M", "size: 1GB"), 12, "not a size"),
                Arguments.of("negative-size", base.replace("size: 64M", "size: -64M"), 12, "negative"),
                Arguments.of("negative-rate", base.replace("rate: 2000", "rate: -5"), 13, "negative"),
                Arguments.of("unknown-kind", base.replace("- slab:", "- slub:"), 14, "unknown workload kind 'slub'"),
                Arguments.of("unknown-generator-key", base.replace("thp: true }", "thp: true, colour: red }"), 12,
                        "unknown key 'colour'"),
                Arguments.of("unknown-sysctl", base.replace("vm.swappiness: 60", "vm.swapiness: 60"), 6,
                        "unknown sysctl 'vm.swapiness'"),
                Arguments.of("unknown-proc-file", base.replace("extfrag_index, unusable_index]", "slabinof]"), 9,
                        "unknown /proc file 'slabinof'"),
                Arguments.of("unknown-trace-event", base.replace("mm_page_alloc_extfrag", "mm_page_explode"), 10,
                        "unknown trace event"),
                Arguments.of("missing-machine", base.replace("machine: small.yaml\n", ""), 1, "missing 'machine'"),
                Arguments.of("missing-workload", base.substring(0, base.indexOf("workload:")), 1, "missing 'workload'"),
                Arguments.of("order-out-of-range", base.replace("3: 5}", "11: 5}"), 13, "outside 0..10"),
                Arguments.of("zero-weights", base.replace("{0: 70, 1: 15, 2: 10, 3: 5}", "{0: 0, 1: 0}"), 13,
                        "add up to zero"),
                Arguments.of("no-machine-file", base.replace("small.yaml", "missing-machine.yaml"), 2,
                        "no such machine file"),
                Arguments.of("zero-duration", base.replace("duration: 3s", "duration: 0s"), 4, "longer than 0"),
                Arguments.of("huge-duration", base.replace("duration: 3s", "duration: 100000m"), 4, "longer than a day"),
                Arguments.of("interval-above-duration", base.replace("interval: 1s", "interval: 5s"), 8,
                        "longer than the duration"),
                Arguments.of("bad-boolean", base.replace("thp: true }", "thp: maybe }"), 12, "true or false"),
                Arguments.of("bad-gfp", base.replace("gfp: GFP_KERNEL", "gfp: GFP_WHATEVER"), 13, "unknown gfp flag"),
                Arguments.of("start-after-end", base.replace("start: 1s", "start: 10s"), 15, "after the end"),
                Arguments.of("missing-required-param", base.replace("size: 32M, ", ""), 16, "missing 'size'"),
                Arguments.of("process-unknown-key", base + "  - process: { name: app, size: 16M, colour: red }\n", 17,
                        "unknown key 'colour'"),
                Arguments.of("process-forks-without-fork_at", base
                        + "  - process: { name: app, size: 16M, forks: 2, child_writes: 4M }\n", 17,
                        "forks needs fork_at"),
                Arguments.of("process-fork_at-after-exit", base
                        + "  - process: { name: app, size: 16M, lifetime: 1s,\n      forks: 1, fork_at: 2s }\n", 18,
                        "after the process exits"),
                Arguments.of("negative-writeback-delay", base.replace("hz: 250", "hz: 250\nwriteback_delay: -5ms"), 6,
                        "must not be negative"),
                Arguments.of("file-write-not-boolean", base.replace("rate: 40M }", "rate: 40M, write: often }"), 16,
                        "true or false"),
                Arguments.of("frag-pct-out-of-range", base + "  - frag: { pct: 170, fill: 1s, exit: 2s }\n", 17,
                        "not between 1 and 100"),
                Arguments.of("bad-transparent-hugepage", base.replace("hz: 250", "hz: 250\ntransparent_hugepage: sometimes"),
                        6, "always, madvise or never"),
                Arguments.of("yaml-syntax", base.replace("seed: 7", "seed: [7"), 0, "YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void aBadScenarioIsOneLineWithFileAndLineAndExitStatus2(String name, String text, int line, String words)
            throws IOException {
        Path sc = scenario("bad-" + name, text);
        Path out = dir.resolve("out-bad-" + name);
        CliRun r = CliRun.of("run", sc.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        String err = r.err().strip();
        assertThat(err).contains(sc.toString()).contains(words);
        if (line > 0) {
            assertThat(err).contains(sc + ":" + line + ": ");
        } else {
            assertThat(err).matches(".*" + java.util.regex.Pattern.quote(sc.toString()) + ":[0-9]+: .*");
        }
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void aMissingScenarioIsAUserError() {
        CliRun r = CliRun.of("run", dir.resolve("nothing-here.yaml").toString(), "--out", dir.resolve("o-missing").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("nothing-here.yaml").contains("no such scenario");
        assertThat(dir.resolve("o-missing")).doesNotExist();
    }
}
