package org.mmsim.study;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.mmsim.report.RunData;
import org.mmsim.report.RunRecorder;
import org.mmsim.report.Sample;

/**
 * A run's time series as rows, one per snapshot: the simulated time and label, the machine's free pages, the sum of
 * the populated zones' min, low and high watermarks, the highest order-9 extfrag and unusable index over the zones
 * (-1 for extfrag: a block was free), the machine's free blocks per order (a list, as /proc/buddyinfo summed over
 * zones) and each counter the run records, cumulative from the run's start or a level as vmstat has it.
 */
public final class SampleTable {
    /** The columns, in row order. */
    public static final List<Column> COLUMNS = columns();

    private SampleTable() {
    }

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("time_s", "DOUBLE"));
        c.add(new Column("label", "VARCHAR"));
        c.add(new Column("free_pages", "BIGINT"));
        c.add(new Column("min_wmark_pages", "BIGINT"));
        c.add(new Column("low_wmark_pages", "BIGINT"));
        c.add(new Column("high_wmark_pages", "BIGINT"));
        c.add(new Column("extfrag_index_order9", "DOUBLE"));
        c.add(new Column("unusable_index_order9", "DOUBLE"));
        c.add(new Column("nr_free", "BIGINT[]"));
        for (String name : counters()) {
            c.add(new Column(name, "BIGINT"));
        }
        return List.copyOf(c);
    }

    /** The counters a sample holds, as the recorder keeps them. */
    static List<String> counters() {
        List<String> out = new ArrayList<>(RunRecorder.CHARTED_COUNTERS);
        out.addAll(RunRecorder.WRITEBACK_LEVELS);
        out.addAll(List.of("nr_dirtied", "nr_written", "pswpout"));
        return out;
    }

    /**
     * Sets the parameters of {@code ps} from {@code first} on to the values of {@code row} (one of {@link #rows}),
     * the list column as a SQL array of BIGINT.
     */
    static void bind(Connection c, PreparedStatement ps, int first, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v instanceof long[] list) {
                Long[] boxed = new Long[list.length];
                for (int k = 0; k < list.length; k++) {
                    boxed[k] = list[k];
                }
                v = c.createArrayOf("BIGINT", boxed);
            }
            ps.setObject(first + i, v);
        }
    }

    /** The rows of {@code data}, each an array in {@link #COLUMNS}' order (the list column a long[]). */
    public static List<Object[]> rows(RunData data) {
        List<Object[]> rows = new ArrayList<>(data.samples().size());
        List<String> counters = counters();
        for (Sample s : data.samples()) {
            Object[] row = new Object[COLUMNS.size()];
            long[] wm = new long[3];
            int extfrag = Integer.MIN_VALUE;
            int unusable = Integer.MIN_VALUE;
            int orders = s.nrFree().length == 0 ? 0 : s.nrFree()[0].length;
            long[] nrFree = new long[orders];
            for (int z = 0; z < s.nrFree().length; z++) {
                for (int i = 0; i < 3; i++) {
                    wm[i] += s.watermarks()[z][i];
                }
                extfrag = Math.max(extfrag, s.extfrag9()[z]);
                unusable = Math.max(unusable, s.unusable9()[z]);
                for (int o = 0; o < orders; o++) {
                    nrFree[o] += s.nrFree()[z][o];
                }
            }
            int i = 0;
            row[i++] = s.timeNs() / 1e9;
            row[i++] = s.label();
            row[i++] = s.totalFree();
            row[i++] = wm[0];
            row[i++] = wm[1];
            row[i++] = wm[2];
            row[i++] = extfrag == Integer.MIN_VALUE ? null : extfrag / 1000.0;
            row[i++] = unusable == Integer.MIN_VALUE ? null : unusable / 1000.0;
            row[i++] = nrFree;
            for (String name : counters) {
                row[i++] = s.counters().get(name);
            }
            rows.add(row);
        }
        return rows;
    }
}
