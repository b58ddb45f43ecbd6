package org.mmsim.study;

/**
 * A typed column of the results store and of the Parquet files a run writes.
 *
 * @param sqlType the column's type as DuckDB names it: BIGINT, DOUBLE, VARCHAR or BIGINT[] (a Java long[])
 */
public record Column(String name, String sqlType) {
}
