package org.mmsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.arch.InputError;

/**
 * The local sweep: the same study gives the same store whatever the number of threads, a sweep stopped after some
 * points and started again runs the rest and holds every point exactly once, and a folder that is not the study's
 * is refused. The study is tiny (a 256 MiB machine under pressure for one simulated second a point) to keep the tests fast.
 */
class LocalSweepTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void tinyScenario() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), "arch: x86_64\nmemory:\n  - { start: 0x100000, size: 256M }\n");
        Files.writeString(dir.resolve("s.yaml"), "machine: m.yaml\nduration: 1s\nswap: 256M\nrecord: { interval: 500ms,"
                + " proc: [buddyinfo] }\nworkload:\n  - slab: { rate: 2000 }\n  - anon: { size: 200M, rate: 400M, thp: true"
                + " }\n");
    }

    private Study study(String axes) throws IOException {
        return StudyFile.load(Files.writeString(dir.resolve("st.yaml"), "base: s.yaml\naxes:\n" + axes));
    }

    private LocalSweep sweep(Study study, String out, int jobs) {
        return new LocalSweep(study, dir.resolve(out), jobs, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void theStoreIsTheSameWhateverTheNumberOfThreads() throws Exception {
        Study s = study("  vm.min_free_kbytes: [1024, 32768]\n");
        sweep(s, "one", 1).run();
        sweep(s, "two", 2).run();
        List<Map<String, Object>> one = rows("one", "SELECT * FROM runs ORDER BY point_key");
        assertThat(one).hasSize(2);
        assertThat(one.get(0).get("min_free_pages")).isNotEqualTo(one.get(1).get("min_free_pages"));
        assertThat(rows("two", "SELECT * FROM runs ORDER BY point_key")).isEqualTo(one);
        String samples = "SELECT * EXCLUDE (nr_free), list_aggregate(nr_free, 'string_agg', ' ') AS nr_free FROM samples"
                + " ORDER BY point_key, time_s, label";
        assertThat(rows("two", samples)).isEqualTo(rows("one", samples)).hasSizeGreaterThan(2);
        assertThat(Files.readString(dir.resolve("two/report.html")))
                .isEqualTo(Files.readString(dir.resolve("one/report.html")));
        assertThat(Files.readString(dir.resolve("two/points/2-32768/summary.json")))
                .isEqualTo(Files.readString(dir.resolve("one/points/2-32768/summary.json")));
    }

    @Test
    void aSweepStoppedAndStartedAgainHoldsEveryPointOnce() throws Exception {
        Study s = study("  seed: [1, 2, 3, 4, 5]\n");
        assertThat(sweep(s, "out", 2).stopAfter(2).run()).isNull();
        assertThat(count("out", "SELECT count(*) FROM runs")).isEqualTo(2);
        Files.createDirectories(dir.resolve("out/points/.aside-3-3/proc"));
        log.reset();
        assertThat(sweep(s, "out", 2).run()).isEqualTo(dir.resolve("out/report.html"));
        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith(
                "mmsim: 2 of 5 points already in study.duckdb; running 3, 2 at a time\n");
        assertThat(count("out", "SELECT count(*) FROM runs")).isEqualTo(5);
        assertThat(count("out", "SELECT count(DISTINCT point_key) FROM runs")).isEqualTo(5);
        assertThat(count("out", "SELECT count(DISTINCT point_key) FROM samples")).isEqualTo(5);
        assertThat(count("out", "SELECT count(*) FROM (SELECT point_key, time_s, label FROM samples GROUP BY ALL"
                + " HAVING count(*) > 1)")).isZero();
        try (Stream<Path> points = Files.list(dir.resolve("out/points"))) {
            assertThat(points.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("1-1", "2-2", "3-3", "4-4", "5-5");
        }
        log.reset();
        sweep(s, "out", 2).run();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .isEqualTo("mmsim: 5 of 5 points already in study.duckdb; nothing to run\n");
    }

    @Test
    void aStudyGivenMoreValuesRunsOnlyTheNewPointsAndRenumbersTheOthers() throws Exception {
        sweep(study("  seed: [1, 2]\n"), "out", 2).run();
        String runOfSeed2 = Files.readString(dir.resolve("out/points/2-2/summary.json"));
        log.reset();
        sweep(study("  seed: [0, 1, 2]\n"), "out", 2).run();
        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith(
                "mmsim: 2 of 3 points already in study.duckdb; running 1, 1 at a time\n");
        try (Stream<Path> points = Files.list(dir.resolve("out/points"))) {
            assertThat(points.map(p -> p.getFileName().toString()).sorted()).containsExactly("1-0", "2-1", "3-2");
        }
        assertThat(Files.readString(dir.resolve("out/points/2-1/point-key.txt"))).isEqualTo("seed=1\n");
        assertThat(Files.readString(dir.resolve("out/points/3-2/summary.json"))).isEqualTo(runOfSeed2);
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("<a href=\"points/3-2/report.html\">3</a>");
    }

    @Test
    void aStoreOfAnotherStudyOrAFolderOfOtherFilesIsRefusedUntouched() throws Exception {
        Study s = study("  seed: [1]\n");
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/notes.txt"), "mine");
        assertThatThrownBy(() -> sweep(s, "other", 1).run()).isInstanceOf(InputError.class)
                .hasMessage(dir.resolve("other") + ": exists and is not a study folder (it has no study.duckdb);"
                        + " choose another --out");
        try (ResultsStore store = ResultsStore.open(Files.createDirectories(dir.resolve("old")).resolve("study.duckdb"))) {
            store.add("seed=9", Map.of("seed", "9"), Map.of("oom_kills", 0L), List.of());
        }
        assertThatThrownBy(() -> sweep(s, "old", 1).run()).isInstanceOf(InputError.class)
                .hasMessageContaining("study.duckdb: holds 1 point(s) that " + s.file() + " does not have (e.g."
                        + " seed=9)");
        try (Stream<Path> files = Files.list(dir.resolve("old"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("study.duckdb");
        }
    }

    @Test
    void aPointThatCannotBootIsNamedAndAFirstStartLeavesNothing() throws Exception {
        Study s = study("  vm.min_free_kbytes: [3000000]\n");
        assertThatThrownBy(() -> sweep(s, "out", 1).run()).isInstanceOf(InputError.class)
                .hasMessageStartingWith(s.file() + ": point vm.min_free_kbytes=3000000: ")
                .hasMessageContaining("leaves no memory for the kernel's boot allocations");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private List<Map<String, Object>> rows(String out, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultsStore store = ResultsStore.open(dir.resolve(out).resolve("study.duckdb"));
                Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new TreeMap<>();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    row.put(md.getColumnName(c), rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private long count(String out, String sql) throws SQLException {
        return ((Number) rows(out, sql).get(0).values().iterator().next()).longValue();
    }
}
