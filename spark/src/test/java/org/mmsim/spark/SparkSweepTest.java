package org.mmsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsim.study.PointRun;
import org.mmsim.study.ResultsStore;
import org.mmsim.study.Study;
import org.mmsim.study.StudyPoint;

/**
 * Issue 13's acceptance 2: a study run as a Spark job on {@code local[2]} stores exactly the rows, every column of
 * both tables, that running its points one after another on this JVM stores; and a second Spark run skips them.
 */
class SparkSweepTest {
    private static final String SCENARIO = Path.of("src/test/resources/short-run.yaml").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private static StudyPoint point(String minFree, long seed) {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("vm.min_free_kbytes", minFree);
        axes.put("seed", Long.toString(seed));
        return new StudyPoint("min_free_kbytes=" + minFree + ",seed=" + seed, axes, SCENARIO,
                List.of("vm.min_free_kbytes=" + minFree), seed);
    }

    private static Study study() {
        return new Study("spark-test", Path.of("spark-test.yaml"), List.of("vm.min_free_kbytes", "seed"),
                List.of(point("16384", 1), point("131072", 1), point("16384", 2)));
    }

    @Test
    void aStudyOnSparkStoresTheSameRowsAsItsPointsRunHereOneAfterAnother() throws Exception {
        Study study = study();
        try (ResultsStore local = ResultsStore.open(dir.resolve("local.duckdb"))) {
            for (StudyPoint p : study.points()) {
                Path run = Files.createDirectories(dir.resolve("runs").resolve(Integer.toString(p.hashCode())));
                PointRun.result(p, study.file().toString(), run).storeIn(local);
            }
            try (ResultsStore spark = ResultsStore.open(dir.resolve("spark.duckdb"))) {
                SparkSweep.Outcome outcome = SparkSweep.run(study, "local[2]", dir.resolve("out"), spark);

                assertThat(outcome).isEqualTo(new SparkSweep.Outcome(3, 0));
                assertThat(Files.isDirectory(dir.resolve("out/spark/runs.parquet"))).isTrue();
                List<List<Object>> runs = rows(local, "runs");
                assertThat(runs).hasSize(4);
                assertThat(runs.get(0)).contains("point_key", "vm.min_free_kbytes", "seed", "thp_fault_alloc");
                assertThat(rows(spark, "runs")).isEqualTo(runs);
                List<List<Object>> samples = rows(local, "samples");
                assertThat(samples.size()).isGreaterThan(3 * 4);
                assertThat(rows(spark, "samples")).isEqualTo(samples);
                assertThat(column(runs, "final_free_pages")).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aSecondSparkRunOfTheStudySkipsThePointsStoredAndAddsNoRow() throws Exception {
        Study study = study();
        try (ResultsStore store = ResultsStore.open(dir.resolve("study.duckdb"))) {
            StudyPoint first = study.points().get(0);
            PointRun.result(first, study.file().toString(), Files.createDirectories(dir.resolve("first")))
                    .storeIn(store);
            List<List<Object>> before = rows(store, "samples");

            assertThat(SparkSweep.run(study, "local[2]", dir.resolve("out"), store))
                    .isEqualTo(new SparkSweep.Outcome(2, 1));
            assertThat(SparkSweep.run(study, "local[2]", dir.resolve("out"), store))
                    .isEqualTo(new SparkSweep.Outcome(0, 3));
            assertThat(column(rows(store, "runs"), "point_key"))
                    .containsExactly(study.points().stream().map(StudyPoint::key).sorted().toArray());
            assertThat(rows(store, "samples")).containsAll(before.subList(1, before.size()));
        }
    }

    /** A table's column names, then its rows ordered by every column, lists as Java lists. */
    private static List<List<Object>> rows(ResultsStore store, String table) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (Statement st = store.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Object> names = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                names.add(meta.getColumnName(c));
            }
            out.add(names);
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object v = rs.getObject(c);
                    row.add(v instanceof Array a ? Arrays.asList((Object[]) a.getArray()) : v);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static List<Object> column(List<List<Object>> rows, String name) {
        int c = rows.get(0).indexOf(name);
        List<Object> out = new ArrayList<>();
        for (List<Object> row : rows.subList(1, rows.size())) {
            out.add(row.get(c));
        }
        return out;
    }
}
