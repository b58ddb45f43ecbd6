package org.mmsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmsim query DB SQL}: the result as an aligned table or CSV, a database opened read-only and never
 * created, DuckDB's refusal as one line.
 */
class QueryCommandTest {
    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void makeDatabase() throws Exception {
        db = dir.resolve("study.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE runs (point VARCHAR, stall BIGINT, ratio DOUBLE, nr_free BIGINT[])");
            st.execute("INSERT INTO runs VALUES ('a', 12, 0.5, [1, 2]), ('b, c', NULL, 10.25, [3, NULL]),"
                    + " (NULL, 7, NULL, NULL)");
        }
    }

    @Test
    void aResultIsAnAlignedTableWithNullsAndLists() {
        CliRun r = CliRun.of("query", db.toString(), "select * from runs order by stall nulls last");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("""
                point  stall  ratio  nr_free
                -----  -----  -----  ---------
                NULL       7   NULL  NULL
                a         12    0.5  [1, 2]
                b, c    NULL  10.25  [3, NULL]
                """);
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesNullsEmpty() {
        CliRun r = CliRun.of("query", "--csv", db.toString(), "select * from runs order by stall nulls last");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("point,stall,ratio,nr_free\n,7,,\na,12,0.5,\"[1, 2]\"\n"
                + "\"b, c\",,10.25,\"[3, NULL]\"\n");
    }

    @Test
    void aMissingDatabaseIsOneLineAndIsNotCreated() {
        Path missing = dir.resolve("nope.duckdb");
        CliRun r = CliRun.of("query", missing.toString(), "select 1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: " + missing + ": no such DuckDB database file (give - to query"
                + " Parquet files)\n");
        assertThat(missing).doesNotExist();
        assertThat(dir.resolve("nope.duckdb.wal")).doesNotExist();
    }

    @Test
    void badSqlIsDuckDbsFirstLine() {
        CliRun r = CliRun.of("query", db.toString(), "selec * from runs");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mmsim: query: Parser Error: syntax error at or near \"selec\"\n");
        CliRun table = CliRun.of("query", db.toString(), "select * from nosuch");
        assertThat(table.err()).startsWith("mmsim: query: Catalog Error: Table with name nosuch does not exist!")
                .hasLineCount(1);
    }

    @Test
    void theDatabaseIsOpenedReadOnly() throws Exception {
        byte[] before = Files.readAllBytes(db);
        CliRun r = CliRun.of("query", db.toString(), "insert into runs values ('d', 1, 1.0, [])");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("mmsim: query: ").contains("read-only").hasLineCount(1);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void sqlOverParquetFilesNeedsNoDatabase() throws Exception {
        Path parquet = dir.resolve("s.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 1.5 AS time_s, [4, 5]::BIGINT[] AS nr_free) TO '" + parquet
                    + "' (FORMAT PARQUET)");
        }
        for (String memory : new String[] {"-", ":memory:"}) {
            CliRun r = CliRun.of("query", memory, "select * from '" + parquet + "'");
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo("time_s  nr_free\n------  -------\n   1.5  [4, 5]\n");
        }
    }
}
