package org.mmsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.mmsim.arch.InputError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim query DB SQL}: runs SQL with DuckDB over a study's results store (a DuckDB file, opened read-only
 * and never created) or, with {@code -} or {@code :memory:}, over Parquet files such as a run's samples.parquet,
 * and prints the result as an aligned table or CSV ({@link ResultTable}). A missing database or SQL that DuckDB
 * refuses is one line naming it, exit status 2.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run SQL over a study's results store (DuckDB) or Parquet files and print the result."})
final class QueryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DB", description = "a DuckDB database file (opened read-only), or - or "
            + ":memory: for SQL over Parquet files, e.g. \"select * from 'run/samples.parquet'\"")
    String db;

    @Parameters(index = "1", paramLabel = "SQL", description = "the query")
    String sql;

    @Option(names = "--csv", description = "print CSV (quoted as RFC 4180 quotes; NULL as an empty field) instead of a table")
    boolean csv;

    @Override
    public Integer call() {
        try (Connection c = open(); Statement st = c.createStatement()) {
            ResultTable table;
            try {
                table = st.execute(sql) ? ResultTable.of(st.getResultSet()) : null;
            } catch (SQLException e) {
                throw InputError.at("query", 0, firstLine(e));
            }
            if (table != null) {
                System.out.print(csv ? table.csv() : table.text());
            }
        } catch (SQLException e) {
            throw InputError.at(db, 0, firstLine(e));
        }
        return 0;
    }

    /** The database: in memory, or the file, read-only; a file that is not there is refused, not created. */
    private Connection open() throws SQLException {
        if (db.equals("-") || db.equals(":memory:")) {
            return DriverManager.getConnection("jdbc:duckdb:");
        }
        Path file = Path.of(db);
        if (Files.isDirectory(file)) {
            throw InputError.at(db, 0, "is a directory, not a DuckDB database file");
        }
        if (!Files.isRegularFile(file)) {
            throw InputError.at(db, 0, "no such DuckDB database file (give - to query Parquet files)");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), readOnly);
    }

    /** DuckDB's message, its first line only (the rest points into the SQL). */
    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().filter(l -> !l.isBlank()).findFirst().orElse(m).strip();
    }
}
