package org.mmsim.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of a study in an embedded DuckDB database file: a {@code runs} table, one row per point (its key, the
 * value of each axis, and every summary figure, {@link RunFigures}), and a {@code samples} table, one row per
 * snapshot of each point ({@code point_key} and {@link SampleTable#COLUMNS}). A point goes in as one transaction,
 * so a study stopped at any moment holds whole points only, and {@link #pointKeys()} says which to skip when it
 * starts again. Tables grow a column when a point brings a figure the earlier ones did not have.
 */
public final class ResultsStore implements AutoCloseable {
    /** The column naming a point in both tables. */
    public static final String POINT_KEY = "point_key";

    private final Connection connection;
    private final Map<String, String> runColumns = new LinkedHashMap<>();

    private ResultsStore(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS runs (" + quote(POINT_KEY) + " VARCHAR PRIMARY KEY)");
            StringBuilder samples = new StringBuilder("CREATE TABLE IF NOT EXISTS samples (" + quote(POINT_KEY)
                    + " VARCHAR");
            for (Column c : SampleTable.COLUMNS) {
                samples.append(", ").append(quote(c.name())).append(' ').append(c.sqlType());
            }
            st.execute(samples.append(")").toString());
            try (ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
                    + "WHERE table_name = 'runs' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    runColumns.put(rs.getString(1), rs.getString(2));
                }
            }
        }
    }

    /** Opens (creating when absent) the store in {@code file}. */
    public static ResultsStore open(Path file) throws SQLException {
        return new ResultsStore(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()));
    }

    /** The keys of the points stored. */
    public synchronized Set<String> pointKeys() throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + quote(POINT_KEY) + " FROM runs ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Stores one point in one transaction: its runs row (the axis values as text, then the figures) and its
     * samples ({@link SampleTable#rows}).
     */
    public synchronized void add(String pointKey, Map<String, String> point, Map<String, Object> figures,
            List<Object[]> samples) throws SQLException {
        Map<String, Object> row = runRow(pointKey, point, figures);
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            insertRun(row, point.keySet());
            insertSamples(pointKey, samples);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /**
     * A point's runs row by column name: its key, its axis values, then its figures (a figure named as an axis, such
     * as {@code seed}, fills that axis's column).
     */
    public static Map<String, Object> runRow(String pointKey, Map<String, String> point, Map<String, Object> figures) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(POINT_KEY, pointKey);
        row.putAll(point);
        row.putAll(figures);
        return row;
    }

    private void insertRun(Map<String, Object> row, Set<String> axes) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (!runColumns.containsKey(e.getKey())) {
                    String type = axes.contains(e.getKey()) ? "VARCHAR"
                            : RunFigures.column(e.getKey(), e.getValue()).sqlType();
                    st.execute("ALTER TABLE runs ADD COLUMN " + quote(e.getKey()) + " " + type);
                    runColumns.put(e.getKey(), type);
                }
            }
        }
        List<String> names = new ArrayList<>(row.keySet());
        StringBuilder sql = new StringBuilder("INSERT INTO runs (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(names.get(i)));
            marks.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql + ") VALUES (" + marks + ")")) {
            for (int i = 0; i < names.size(); i++) {
                ps.setObject(i + 1, row.get(names.get(i)));
            }
            ps.executeUpdate();
        }
    }

    private void insertSamples(String pointKey, List<Object[]> samples) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO samples VALUES (?");
        for (Column c : SampleTable.COLUMNS) {
            sql.append(", ?");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.append(")").toString())) {
            for (Object[] s : samples) {
                ps.setString(1, pointKey);
                SampleTable.bind(connection, ps, 2, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Loads results written as Parquet elsewhere (by a Spark job) in one transaction: {@code runs} and
     * {@code samples} hold the columns of the two tables (each a file, or a folder of part files as Spark writes
     * them). The runs table grows the columns they bring; the points already stored are skipped.
     *
     * @return the number of points loaded
     */
    public synchronized int loadParquet(Path runs, Path samples) throws SQLException {
        String fresh = " WHERE " + quote(POINT_KEY) + " NOT IN (SELECT " + quote(POINT_KEY) + " FROM runs)";
        Map<String, String> added = new LinkedHashMap<>();
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + parquet(runs))) {
                while (rs.next()) {
                    if (!runColumns.containsKey(rs.getString(1))) {
                        added.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (Map.Entry<String, String> c : added.entrySet()) {
                st.execute("ALTER TABLE runs ADD COLUMN " + quote(c.getKey()) + " " + c.getValue());
            }
            st.executeUpdate("INSERT INTO samples BY NAME SELECT * FROM " + parquet(samples) + fresh);
            int loaded = st.executeUpdate("INSERT INTO runs BY NAME SELECT * FROM " + parquet(runs) + fresh);
            connection.commit();
            runColumns.putAll(added);
            return loaded;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /** DuckDB's reader of a Parquet file, or of the part files in a folder. */
    private static String parquet(Path path) {
        String where = (Files.isDirectory(path) ? path.resolve("*.parquet") : path).toString();
        return "read_parquet('" + where.replace("'", "''") + "')";
    }

    /** The connection, for queries over the tables. */
    public Connection connection() {
        return connection;
    }

    /** A name as a SQL identifier. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
