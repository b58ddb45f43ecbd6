/**
 * A what-if study run as an Apache Spark job ({@code mmsim sweep STUDY.yaml --spark MASTER_URL}): each point of the
 * study is one task that runs it as {@code mmsim run} would, the driver writes the figures and samples as Parquet
 * and loads them into the study's results store, the same DuckDB tables as a sweep on the local cores. A run is
 * deterministic, so a point gives the same rows either way. Spark lives only here: the command line starts this
 * module's {@link org.mmsim.spark.SparkSweepMain} in a JVM of its own.
 *
 * <p>Kernel sources (6.1): none; the runs are the study layer's.
 *
 * <p>Layer spark, above cli's dependencies: may import every layer below cli; nothing imports it. Checked by
 * LayerTest in the architecture module.
 */
package org.mmsim.spark;
