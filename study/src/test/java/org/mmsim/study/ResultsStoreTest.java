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
}
