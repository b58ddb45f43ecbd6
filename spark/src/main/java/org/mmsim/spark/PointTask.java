package org.mmsim.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;
import org.mmsim.study.PointResult;
import org.mmsim.study.PointRun;
import org.mmsim.study.StudyPoint;

/**
 * One Spark task: runs a study's point on an executor, in a temporary run directory deleted afterwards, and sends
 * back its figures and samples ({@link PointRun#result}).
 */
final class PointTask implements Function<StudyPoint, PointResult> {
    private static final long serialVersionUID = 1L;

    private final String source;

    /** @param source what an error in a point's settings names (the study file) */
    PointTask(String source) {
        this.source = source;
    }

    @Override
    public PointResult call(StudyPoint point) throws IOException {
        Path dir = Files.createTempDirectory("mmsim-point-");
        try {
            return PointRun.result(point, source, dir);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
