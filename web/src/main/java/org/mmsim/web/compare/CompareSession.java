package org.mmsim.web.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.arch.InputError;
import org.mmsim.web.ApiError;
import org.mmsim.web.Simulation;
import org.mmsim.workload.RunStopped;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * One session's comparison: a built-in scenario booted twice, with settings A and with settings B (a bad word is
 * refused here, before anything runs), then both run to their end one after the other on a background thread
 * while the page polls the progress. Closing it (the session replaced it or went idle) stops a run still going.
 */
public final class CompareSession implements Simulation {
    /** The session slot of the comparison. */
    public static final String SLOT = "compare";

    private final String scenario;
    private final CompareSide a;
    private final CompareSide b;
    private final Thread worker;
    private volatile boolean closed;
    private volatile String failure;

    private CompareSession(String scenario, String wordsA, String wordsB) {
        if (!ScenarioFile.builtins().contains(scenario)) {
            throw ApiError.badRequest("no built-in scenario named '" + scenario + "' (built-ins: "
                    + String.join(", ", ScenarioFile.builtins()) + ")");
        }
        this.scenario = scenario;
        this.a = new CompareSide(scenario, SideSettings.parse("A", wordsA));
        this.b = new CompareSide(scenario, SideSettings.parse("B", wordsB));
        this.worker = new Thread(this::runBoth, "mmsim-compare-" + scenario);
        worker.setDaemon(true);
    }

    /** A comparison of {@code scenario} with the words of A and of B, booted and started in the background. */
    public static CompareSession start(String scenario, String wordsA, String wordsB) {
        CompareSession s = new CompareSession(scenario, wordsA, wordsB);
        s.worker.start();
        return s;
    }

    private void runBoth() {
        try {
            a.run(() -> closed);
            b.run(() -> closed);
        } catch (RunStopped e) {
            failure = "stopped";
        } catch (InputError | ApiError e) {
            failure = e.getMessage();
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = "the run failed: " + e;
        }
    }

    public String scenario() {
        return scenario;
    }

    CompareSide a() {
        return a;
    }

    CompareSide b() {
        return b;
    }

    /** Both runs have ended. */
    public boolean done() {
        return a.data() != null && b.data() != null;
    }

    /** What the page polls: "running", "done" or "failed", each side's progress, and the failure's line. */
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario);
        m.put("status", done() ? "done" : failure != null ? "failed" : "running");
        m.put("a", Map.of("settings", a.words(), "progress", a.progress()));
        m.put("b", Map.of("settings", b.words(), "progress", b.progress()));
        m.put("error", failure);
        return m;
    }

    /** Waits for both runs (for tests and synchronous callers); false on timeout. */
    public boolean await(long millis) throws InterruptedException {
        worker.join(millis);
        return !worker.isAlive();
    }

    @Override
    public void close() {
        closed = true;
    }
}
