package org.mmsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
    @TempDir
    Path dir;

    private static Object[] sample(double t, long free) {
        Object[] row = new Object[SampleTable.COLUMNS.size()];
        row[0] = t;
        row[1] = "interval";
        row[2] = free;
        row[8] = new long[] {free, 1, 0};
        return row;
    }

    @Test
    void aPointIsStoredWholeAndKnownWhenTheStoreIsOpenedAgain() throws Exception {
        Path file = dir.resolve("study.duckdb");
        try (ResultsStore store = ResultsStore.open(file)) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("final_free_pages", 1234L);
            figures.put("duration_s", 2.5);
            figures.put("machine", "x86_64-4G");
            store.add("p1", Map.of("vm.min_free_kbytes", "65536"), figures, List.of(sample(0, 10), sample(1, 9)));
        }
        try (ResultsStore store = ResultsStore.open(file);
                Statement st = store.connection().createStatement()) {
            assertThat(store.pointKeys()).containsExactly("p1");
            try (ResultSet rs = st.executeQuery("SELECT \"vm.min_free_kbytes\", final_free_pages, duration_s, machine "
                    + "FROM runs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("65536");
                assertThat(rs.getLong(2)).isEqualTo(1234L);
                assertThat(rs.getDouble(3)).isEqualTo(2.5);
                assertThat(rs.getString(4)).isEqualTo("x86_64-4G");
            }
            List<Long> order0 = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT nr_free[1] FROM samples ORDER BY time_s")) {
                while (rs.next()) {
                    order0.add(rs.getLong(1));
                }
            }
            assertThat(order0).containsExactly(10L, 9L);
        }
    }

    @Test
    void parquetResultsLoadOnlyThePointsNotYetStoredAndBringTheirColumns() throws Exception {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("final_free_pages", 1234L);
        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("duration_s", 2.5);
        Path runs = dir.resolve("runs.parquet");
        Path samples = dir.resolve("samples.parquet");
        try (ResultsStore written = ResultsStore.open(dir.resolve("written.duckdb"));
                Statement st = written.connection().createStatement()) {
            written.add("p1", Map.of("seed", "1"), first, List.<Object[]>of(sample(0, 10)));
            written.add("p2", Map.of("seed", "2"), second, List.of(sample(0, 7), sample(1, 6)));
            st.execute("COPY runs TO '" + runs + "' (FORMAT PARQUET)");
            st.execute("COPY samples TO '" + samples + "' (FORMAT PARQUET)");
        }
        try (ResultsStore store = ResultsStore.open(dir.resolve("loaded.duckdb"));
                Statement st = store.connection().createStatement()) {
            store.add("p1", Map.of("seed", "1"), Map.of("final_free_pages", 99L), List.<Object[]>of(sample(0, 99)));
            assertThat(store.loadParquet(runs, samples)).isEqualTo(1);
            assertThat(store.loadParquet(runs, samples)).isZero();
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT point_key, seed, final_free_pages, duration_s FROM runs "
                    + "ORDER BY 1")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getObject(4));
                }
            }
            assertThat(rows).containsExactly("p1 1 99 null", "p2 2 1234 2.5");
            List<String> free = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT point_key, free_pages, nr_free[1] FROM samples ORDER BY 1, 2")) {
                while (rs.next()) {
                    free.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
                }
            }
            assertThat(free).containsExactly("p1 99 99", "p2 6 6", "p2 7 7");
        }
    }
}
