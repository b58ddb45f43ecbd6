package org.mmsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mmsim.arch.InputError;
import org.mmsim.study.LocalSweep;
import org.mmsim.study.Study;
import org.mmsim.study.StudyFile;
import org.mmsim.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim sweep STUDY.yaml}: reads and checks a study ({@link StudyFile}), then runs its points on this
 * machine, {@code --jobs} at a time ({@link LocalSweep}), into a study folder holding the results store
 * (study.duckdb), each point's run directory and the study report. Started again on the same folder, it runs only
 * the points not yet stored. With {@code --spark MASTER_URL} the same study runs as a Spark job, started in a JVM
 * of its own ({@link SparkSweepLauncher}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a what-if study: a scenario's runs over axes of settings, scenarios and seeds, into a"
            + " DuckDB results store (tables runs and samples) and a study report. Resumes an interrupted study."})
public final class SweepCommand implements Callable<Integer> {
    /** The most points run at once: far above any machine's useful parallelism, below a thread-count accident. */
    static final int MAX_JOBS = 1024;

    @Parameters(paramLabel = "STUDY", description = "the study file (YAML; see the README's sweep section)")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR", description = "the study folder (default: NAME.study, NAME the"
            + " study's name)")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "points run at once (default: the number of"
            + " processors)")
    Integer jobs;

    @Option(names = "--spark", paramLabel = "MASTER_URL", description = "run the study as an Apache Spark job on"
            + " this master (local[N]: this machine's cores, no cluster; see the README) instead of on the local"
            + " cores")
    String spark;

    @Override
    public Integer call() {
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (n < 1 || n > MAX_JOBS) {
            throw InputError.at("--jobs", 0, n + " is outside 1.." + MAX_JOBS);
        }
        Study study = StudyFile.load(studyFile);
        Path dir = out == null ? Path.of(study.name() + ".study") : out;
        if (spark != null) {
            if (jobs != null) {
                throw InputError.at("--jobs", 0, "is for a sweep on the local cores; with --spark the master says"
                        + " how many run at once (local[N])");
            }
            return SparkSweepLauncher.run(studyFile, dir, spark);
        }
        new LocalSweep(study, dir, n, System.err).run();
        System.out.println("mmsim: wrote " + dir.resolve(StudyFolder.REPORT));
        return 0;
    }
}
