package org.mmsim.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.mmsim.arch.InputError;
import org.mmsim.study.ResultsStore;
import org.mmsim.study.Study;
import org.mmsim.study.StudyFile;
import org.mmsim.study.StudyFolder;
import org.mmsim.study.StudyReport;

/**
 * {@code SparkSweepMain STUDY.yaml --out DIR [--master URL]}: the study run as a Spark job ({@link SparkSweep})
 * into the study folder {@code DIR} as the local sweep writes it ({@link StudyFolder}: the results store and the
 * study report; the runs' own directories stay with the executors, which delete them), the program {@code mmsim sweep --spark} starts in a JVM of its own
 * and spark-submit runs on a cluster (without --master: spark-submit's). Exit status 0 when every point is stored, 2 with one line on stderr for a
 * user's mistake.
 */
public final class SparkSweepMain {
    private static final String USAGE = "usage: SparkSweepMain STUDY.yaml --out DIR [--master URL]";

    private SparkSweepMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs the command line; its exit status. */
    static int run(String... args) throws Exception {
        Path study = null;
        Path out = null;
        String master = null;
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--out") || args[i].equals("--master")) && i + 1 < args.length) {
                out = args[i].equals("--out") ? Path.of(args[i + 1]) : out;
                master = args[i].equals("--master") ? args[i + 1] : master;
                i++;
            } else if (study == null && !args[i].startsWith("-")) {
                study = Path.of(args[i]);
            } else {
                return refuse("unexpected argument '" + args[i] + "' (" + USAGE + ")");
            }
        }
        if (study == null || out == null) {
            return refuse(USAGE);
        }
        try {
            Study loaded = StudyFile.load(study);
            StudyFolder folder = new StudyFolder(out);
            folder.create();
            SparkSweep.Outcome outcome;
            try (ResultsStore store = folder.openStore()) {
                folder.refuseForeignPoints(store.pointKeys(), loaded);
                outcome = SparkSweep.run(loaded, master, out, store);
                StudyReport.write(loaded, store, folder.report());
            }
            System.err.println("mmsim: ran " + outcome.ran() + " point" + (outcome.ran() == 1 ? "" : "s")
                    + " on Spark, " + outcome.skipped() + " already stored; results in " + folder.store());
            System.out.println("mmsim: wrote " + folder.report());
            return 0;
        } catch (IOException e) {
            return refuse(out + ": " + e.getMessage());
        } catch (Exception e) {
            InputError mistake = inputError(e);
            if (mistake == null) {
                throw e;
            }
            return refuse(mistake.getMessage());
        }
    }

    /**
     * The user's mistake behind {@code e}: thrown here, or by a task and carried back in the job's failure (a
     * SparkException, checked, whose cause is the task's exception).
     */
    static InputError inputError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputError mistake) {
                return mistake;
            }
        }
        return null;
    }

    private static int refuse(String problem) {
        System.err.println("mmsim: " + problem);
        return 2;
    }
}
