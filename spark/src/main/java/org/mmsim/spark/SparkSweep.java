package org.mmsim.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.mmsim.report.RunOutput;
import org.mmsim.study.PointResult;
import org.mmsim.study.ResultsStore;
import org.mmsim.study.Study;
import org.mmsim.study.StudyPoint;

/**
 * A study run as one Spark job: the points not yet in the results store are parallelized one per partition, so
 * that each is one task ({@link PointTask}); the driver collects their results, writes them as Parquet under the
 * study's output directory ({@code spark/runs.parquet}, {@code spark/samples.parquet}, {@link ResultFrames}) and
 * loads them into the store in one transaction ({@link ResultsStore#loadParquet}).
 */
public final class SparkSweep {
    /** The folder of the output directory holding the Parquet results. */
    public static final String PARQUET_DIR = "spark";

    private SparkSweep() {
    }

    /** What a sweep did: the points it ran and those it found already stored. */
    public record Outcome(int ran, int skipped) {
    }

    /**
     * Runs {@code study}'s points missing from {@code store} on the Spark master {@code master} ({@code local[N]}
     * needs no cluster; null: the one spark-submit gives), writing Parquet under {@code out}.
     */
    public static Outcome run(Study study, String master, Path out, ResultsStore store)
            throws SQLException, IOException {
        Set<String> stored = store.pointKeys();
        List<StudyPoint> todo = new ArrayList<>();
        for (StudyPoint p : study.points()) {
            if (!stored.contains(p.key())) {
                todo.add(p);
            }
        }
        if (todo.isEmpty()) {
            return new Outcome(0, study.points().size());
        }
        Path runs = out.toAbsolutePath().resolve(PARQUET_DIR).resolve("runs.parquet");
        Path samples = out.toAbsolutePath().resolve(PARQUET_DIR).resolve("samples.parquet");
        SparkSession spark = session(study, master);
        String job = "mmsim-spark-" + spark.sparkContext().applicationId();
        boolean local = spark.sparkContext().isLocal();
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<PointResult> results = context.parallelize(todo, todo.size())
                    .map(new PointTask(String.valueOf(study.file()), job)).collect();
            ResultFrames.runs(spark, results).coalesce(1).write().mode(SaveMode.Overwrite).parquet(runs.toString());
            ResultFrames.samples(spark, results).coalesce(1).write().mode(SaveMode.Overwrite)
                    .parquet(samples.toString());
        } finally {
            spark.stop();
            if (local) {
                RunOutput.deleteTree(PointTask.jobFolder(job));
            }
        }
        store.loadParquet(runs, samples);
        return new Outcome(todo.size(), study.points().size() - todo.size());
    }

    /**
     * The Spark session of the job. On {@code local[N]} it stays on the loopback interface and starts no web UI;
     * on a cluster the master's and spark-submit's configuration apply.
     */
    private static SparkSession session(Study study, String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("mmsim sweep " + study.name());
        if (master != null) {
            builder.master(master);
        }
        if (master != null && master.startsWith("local")) {
            builder.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}
