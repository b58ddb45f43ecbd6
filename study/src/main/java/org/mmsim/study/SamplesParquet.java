package org.mmsim.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A run's time series as a Parquet file, {@code samples.parquet} beside its proc/ folder: one row per snapshot,
 * the typed columns of {@link SampleTable#COLUMNS} (the per-order free counts a list of BIGINT). Written by an
 * in-memory DuckDB (a table, then {@code COPY ... TO ... (FORMAT PARQUET)}), so DuckDB, Spark or pandas read it
 * back with the same types.
 */
public final class SamplesParquet {
    /** The file's name in a run's folder. */
    public static final String FILE = "samples.parquet";

    private SamplesParquet() {
    }

    /** Writes {@code rows} ({@link SampleTable#rows}) to {@code file}. */
    public static void write(List<Object[]> rows, Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            StringBuilder create = new StringBuilder("CREATE TABLE samples (");
            StringBuilder insert = new StringBuilder("INSERT INTO samples VALUES (");
            for (int i = 0; i < SampleTable.COLUMNS.size(); i++) {
                Column col = SampleTable.COLUMNS.get(i);
                create.append(i == 0 ? "" : ", ").append(ResultsStore.quote(col.name())).append(' ')
                        .append(col.sqlType());
                insert.append(i == 0 ? "?" : ", ?");
            }
            st.execute(create.append(')').toString());
            try (PreparedStatement ps = c.prepareStatement(insert.append(')').toString())) {
                for (Object[] row : rows) {
                    SampleTable.bind(c, ps, 1, row);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            st.execute("COPY samples TO '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT PARQUET)");
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("writing " + file + ": " + e.getMessage(), e));
        }
    }
}
