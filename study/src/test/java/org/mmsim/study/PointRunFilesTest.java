package org.mmsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.testdata.Oracle;

/**
 * What a run writes besides the report: the kernel allocators' /proc files when the scenario records them, in the
 * real kernel's format (the oracle's files), at every snapshot; and samples.parquet, one row per snapshot, whose
 * free counts are those of the run's own buddyinfo text files.
 */
class PointRunFilesTest {
    private static final String SCENARIO = """
            machine: x86_64-256M
            duration: 2s
            record: { interval: 500ms, proc: [buddyinfo, slabinfo, vmallocinfo] }
            workload:
              - kmalloc: { name: skb, size: 1500, rate: 2000, lifetime_mean: 300ms }
              - kmem_cache: { name: dentry_sim, object_size: 200, rate: 4000, lifetime_mean: 1s }
              - vmalloc: { name: module_sim, size: 64K, rate: 20, lifetime_mean: 1s }
              - anon: { name: app, size: 32M, rate: 64M }
              - snapshot: { at: 1250ms, label: middle }
            """;

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void runOnce() throws IOException {
        Path sc = dir.resolve("s.yaml");
        Files.writeString(sc, SCENARIO);
        run = dir.resolve("run");
        PointRun.run(new RunRequest(sc.toString(), new RunSettings(List.of(), "--set", 0), null, null, false), run,
                null, UnaryOperator.identity());
    }

    private static List<Path> snapshots() throws IOException {
        try (Stream<Path> s = Files.list(run.resolve("proc"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void slabinfoHasTheRealKernelsHeaderAndALineForEachCacheAtEverySnapshot() throws IOException {
        List<String> real = Oracle.read("x86_64-1G", "slabinfo").lines().toList();
        List<Path> snaps = snapshots();
        assertThat(snaps).extracting(p -> p.getFileName().toString())
                .contains("start", "middle", "end", "t0000.500s", "t0001.500s");
        Pattern row = Pattern.compile("\\S+ +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ : tunables +0 +0 +0 : slabdata +\\d+ +\\d+ +0");
        for (Path snap : snaps) {
            List<String> lines = Files.readString(snap.resolve("slabinfo")).lines().toList();
            assertThat(lines.subList(0, 2)).as(snap.toString()).isEqualTo(real.subList(0, 2));
            assertThat(real.get(2)).matches(row);
            assertThat(lines.subList(2, lines.size())).as(snap.toString()).allMatch(l -> row.matcher(l).matches());
        }
        String end = Files.readString(run.resolve("proc/end/slabinfo"));
        assertThat(end).containsPattern("(?m)^dentry_sim +\\d+").containsPattern("(?m)^kmalloc-2k +\\d+");
    }

    @Test
    void vmallocinfoLinesAreTheRealKernelsAtEverySnapshot() throws IOException {
        Pattern area = Pattern.compile("0x\\(____ptrval____\\)-0x\\(____ptrval____\\) {1,7}\\d{1,7} \\S+ pages=(\\d+)"
                + " vmalloc N0=(\\d+)");
        assertThat(Oracle.read("x86_64-1G", "vmallocinfo").lines().filter(l -> l.contains(" vmalloc N0=")))
                .isNotEmpty().allMatch(l -> area.matcher(l).matches() && l.charAt(37) == ' ');
        for (Path snap : snapshots()) {
            assertThat(Files.exists(snap.resolve("vmallocinfo"))).as(snap.toString()).isTrue();
        }
        List<String> ours = Files.readString(run.resolve("proc/middle/vmallocinfo")).lines()
                .filter(l -> l.contains(" module_sim ")).toList();
        assertThat(ours).isNotEmpty().allMatch(l -> area.matcher(l).matches() && l.charAt(37) == ' ')
                .allMatch(l -> l.endsWith(" pages=16 vmalloc N0=16") && l.contains("   69632 "));
    }

    @Test
    void samplesParquetHasARowPerSnapshotWithTheBuddyinfoCounts() throws Exception {
        Map<String, long[]> buddy = new LinkedHashMap<>();
        for (Path snap : snapshots()) {
            buddy.put(snap.getFileName().toString(), perOrder(Files.readString(snap.resolve("buddyinfo"))));
        }
        String file = run.resolve(SamplesParquet.FILE).toString();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '"
                    + file + "')")) {
                Map<String, String> types = new LinkedHashMap<>();
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
                assertThat(types).containsEntry("time_s", "DOUBLE").containsEntry("label", "VARCHAR")
                        .containsEntry("free_pages", "BIGINT").containsEntry("nr_free", "BIGINT[]")
                        .containsEntry("compact_stall", "BIGINT").hasSize(SampleTable.COLUMNS.size());
            }
            List<String> seen = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT time_s, label, free_pages, nr_free FROM '" + file
                    + "' ORDER BY time_s, label")) {
                while (rs.next()) {
                    String label = rs.getString(2);
                    String name = label.equals("interval") ? String.format("t%08.3fs", rs.getDouble(1)) : label;
                    long[] orders = buddy.get(name);
                    assertThat(orders).as(name).isNotNull();
                    Array a = rs.getArray(4);
                    List<Long> nrFree = new ArrayList<>();
                    for (Object o : (Object[]) a.getArray()) {
                        nrFree.add((Long) o);
                    }
                    assertThat(nrFree).as(name).containsExactly(boxed(orders));
                    long pages = 0;
                    for (int o = 0; o < orders.length; o++) {
                        pages += orders[o] << o;
                    }
                    assertThat(rs.getLong(3)).as(name).isEqualTo(pages);
                    seen.add(name);
                }
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(buddy.keySet());
        }
    }

    /** The free blocks per order of a buddyinfo text, summed over its zones. */
    private static long[] perOrder(String buddyinfo) {
        long[] sum = null;
        for (String line : buddyinfo.lines().toList()) {
            String[] f = line.substring(line.indexOf("zone") + 4).trim().split("\\s+");
            if (sum == null) {
                sum = new long[f.length - 1];
            }
            for (int o = 1; o < f.length; o++) {
                sum[o - 1] += Long.parseLong(f[o]);
            }
        }
        return sum;
    }

    private static Long[] boxed(long[] v) {
        Long[] out = new Long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
