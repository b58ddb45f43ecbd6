package org.mmsim.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.function.Function;
import org.mmsim.report.RunOutput;
import org.mmsim.study.PointResult;
import org.mmsim.study.PointRun;
import org.mmsim.study.StudyPoint;

/**
 * One Spark task: runs a study's point on an executor, in a temporary run directory deleted afterwards (inside the
 * job's folder of the executor's temporary directory, which a local job's driver deletes whole when a failed job
 * leaves tasks unfinished), and sends back its figures and samples ({@link PointRun#result}).
 */
final class PointTask implements Function<StudyPoint, PointResult> {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String job;

    /**
     * @param source what an error in a point's settings names (the study file)
     * @param job    the name of the job's folder in the temporary directory
     */
    PointTask(String source, String job) {
        this.source = source;
        this.job = job;
    }

    /** The job's folder in this JVM's temporary directory. */
    static Path jobFolder(String job) {
        return Path.of(System.getProperty("java.io.tmpdir"), job);
    }

    @Override
    public PointResult call(StudyPoint point) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(jobFolder(job)), "point-");
        try {
            return PointRun.result(point, source, dir);
        } finally {
            RunOutput.deleteTree(dir);
        }
    }
}
