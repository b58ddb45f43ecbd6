package org.mmsim.study;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.mmsim.arch.InputError;

/**
 * Runs a study's points on this machine, {@code jobs} at a time on a fixed pool of threads, into a study folder
 * ({@link StudyFolder}): each point's run directory is written aside and moved into place when complete, and its
 * result goes into the results store in one transaction, from the one thread that collects the results. A study
 * started again skips the points its store already holds and removes what an interrupted start left half done, so
 * killing it at any moment loses at most the points that were running. The report comes last
 * ({@link StudyReport}). Progress lines go to {@code log}, the only place the wall time appears.
 */
public final class LocalSweep {
    /** The stack of a point's thread: the model's recursions need what {@code mmsim}'s launcher gives (-Xss16m). */
    private static final long STACK_BYTES = 16L << 20;

    private final Study study;
    private final StudyFolder folder;
    private final int jobs;
    private final PrintStream log;
    private int stopAfter = -1;
    private int stored;

    /**
     * @param out  the study folder (created when absent)
     * @param jobs how many points run at once
     * @param log  where progress lines go (stderr)
     */
    public LocalSweep(Study study, Path out, int jobs, PrintStream log) {
        this.study = study;
        this.folder = new StudyFolder(out);
        this.jobs = jobs;
        this.log = log;
    }

    /**
     * Stops as a kill would once {@code points} more points are stored: the points still running finish into
     * place unstored, nothing is cleaned up and no report is written. For the resumption tests.
     */
    LocalSweep stopAfter(int points) {
        this.stopAfter = points;
        return this;
    }

    /** Runs the points the store does not hold yet, then writes the report; the report's path (null if stopped). */
    public Path run() {
        boolean created = folder.create();
        boolean keep = false;
        try (ResultsStore store = folder.openStore()) {
            Set<String> done = store.pointKeys();
            folder.refuseForeignPoints(done, study);
            folder.tidy(study, done);
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < study.points().size(); i++) {
                if (!done.contains(study.points().get(i).key())) {
                    todo.add(i);
                }
            }
            keep = !done.isEmpty() || stopAfter >= 0;
            log.println("mmsim: " + (done.isEmpty() ? "" : done.size() + " of " + study.points().size()
                    + " points already in " + StudyFolder.STORE + "; ") + (todo.isEmpty() ? "nothing to run"
                    : "running " + todo.size() + ", " + Math.min(jobs, todo.size()) + " at a time"));
            runAll(todo, store);
            if (stopAfter >= 0) {
                return null;
            }
            StudyReport.write(study, store, folder.report());
            return folder.report();
        } catch (SQLException e) {
            keep = true;
            throw InputError.at(folder.store(), 0, "the results store failed: " + e.getMessage().lines()
                    .findFirst().orElse(""));
        } finally {
            if (created && !keep && stored == 0) {
                folder.removeCreated();
            }
        }
    }

    /** Runs the points {@code todo} (indices into the study) and stores each, counting them in {@link #stored}. */
    private void runAll(List<Integer> todo, ResultsStore store) throws SQLException {
        if (todo.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, todo.size()),
                r -> new Thread(null, r, "mmsim-point", STACK_BYTES));
        CompletionService<PointResult> results = new ExecutorCompletionService<>(pool);
        for (int i : todo) {
            results.submit(() -> runPoint(i));
        }
        try {
            while (stored < todo.size() && stored != stopAfter) {
                PointResult r = take(results);
                r.storeIn(store);
                stored++;
                log.println("mmsim: point " + stored + "/" + todo.size() + " done: " + r.point().key() + " (wall "
                        + (System.nanoTime() - start) / 1_000_000_000L + " s)");
            }
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
            if (stored < todo.size() && stopAfter < 0) {
                folder.tidy(study, store.pointKeys());
            }
        }
    }

    /** Runs point {@code index} aside and moves its directory into place once complete. */
    private PointResult runPoint(int index) throws IOException {
        StudyPoint p = study.points().get(index);
        Path aside = folder.aside(index, study);
        StudyFolder.delete(aside);
        Files.createDirectories(aside);
        PointResult r;
        try {
            r = PointRun.result(p, study.file().toString(), aside);
        } catch (InputError e) {
            throw InputError.at(study.file(), 0, "point " + p.key() + ": " + e.getMessage());
        }
        StudyFolder.markKey(aside, p);
        Files.move(aside, folder.pointDir(index, study), StandardCopyOption.ATOMIC_MOVE);
        return r;
    }

    /** The next finished point; a point's failure is thrown as it is (a user's mistake stays one line). */
    private static PointResult take(CompletionService<PointResult> results) {
        try {
            return results.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a point", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException((IOException) cause);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            boolean terminated = false;
            while (!terminated) {
                terminated = pool.awaitTermination(1, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
