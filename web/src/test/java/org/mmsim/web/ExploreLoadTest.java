package org.mmsim.web;

import org.mmsim.web.views.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mmsim.web.run.Frame;
import org.mmsim.web.run.RunSession;

/**
 * The load test of issue 11: SESSIONS concurrent browser sessions (20) each start the default scenario and play
 * it as the page's play button does, for SECONDS of wall time (60), restarting it when it ends: a step of STEP
 * (100 ms) of simulated time, then the page's reads of the new frame (the charts' new series values, the /proc
 * file shown, the pageblock map). The latency of every step, and of every whole play iteration, is recorded; every run that reaches its end must end with exactly the counters of the same run made alone (the
 * model is deterministic, so sharing a server must not change a run). Reports p50 / p99 step latency and the
 * server's heap. Tagged "load": run by scripts/explore-load.sh, not by mvn verify.
 */
@Tag("load")
class ExploreLoadTest {
    static final int SESSIONS = Integer.getInteger("explore.sessions", 20);
    static final int SECONDS = Integer.getInteger("explore.seconds", 60);
    static final String STEP = System.getProperty("explore.step", "100ms");

    @Test
    void twentySessionsSteppingTheDefaultScenario() throws Exception {
        Map<String, Long> expected = reference();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> iterations = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> wrong = new ConcurrentHashMap<>();
        AtomicLong completedRuns = new AtomicLong();
        AtomicLong peakHeap = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (ExplorerServer server = Views.server(ExploreSettings.defaults().withPort(0)
                .withMaxSimulations(SESSIONS))) {
            server.start();
            long end = System.nanoTime() + SECONDS * 1_000_000_000L;
            CountDownLatch done = new CountDownLatch(SESSIONS);
            for (int i = 0; i < SESSIONS; i++) {
                int id = i;
                Thread t = new Thread(() -> {
                    try {
                        session(server.url(), end, latencies, iterations, expected, wrong, completedRuns, id);
                    } catch (RuntimeException e) {
                        wrong.put("session " + id, String.valueOf(e));
                    } finally {
                        done.countDown();
                    }
                }, "load-" + i);
                t.start();
            }
            Thread sampler = new Thread(() -> {
                while (done.getCount() > 0) {
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            done.await();
            long liveHeap = memory.getHeapMemoryUsage().getUsed();
            System.gc();
            long afterGc = memory.getHeapMemoryUsage().getUsed();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            List<Long> whole = new ArrayList<>(iterations);
            Collections.sort(whole);
            String report = String.format("sessions %d, %d s, step %s: %d steps (%.1f/s), p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms; step with the page's reads: p50 %.1f ms, p99 %.1f ms; "
                    + "%d runs completed, all with the lone run's counters: %s; heap peak %d MiB, "
                    + "with the %d runs held after GC %d MiB (max heap %d MiB)%n",
                    SESSIONS, SECONDS, STEP, sorted.size(), sorted.size() / (double) SECONDS,
                    pct(sorted, 50) / 1e6, pct(sorted, 99) / 1e6, sorted.get(sorted.size() - 1) / 1e6,
                    pct(whole, 50) / 1e6, pct(whole, 99) / 1e6,
                    completedRuns.get(), wrong.isEmpty(), peakHeap.get() >> 20, server.sessions().liveSimulations(),
                    afterGc >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.print(report);
            Files.writeString(Path.of("target", "explore-load.txt"), report);
            assertThat(liveHeap).isPositive();
        }
        assertThat(wrong).isEmpty();
        assertThat(completedRuns.get()).isPositive();
    }

    private static void session(String url, long end, List<Long> latencies, List<Long> iterations,
            Map<String, Long> expected,
            Map<String, String> wrong, AtomicLong completed, int id) {
        ApiClient c = new ApiClient(url);
        check(c.post("/api/run/start", "{\"scenario\":\"default\"}"), id);
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            ApiClient.Answer a = c.post("/api/run/step", "{\"by\":\"" + STEP + "\"}");
            latencies.add(System.nanoTime() - t0);
            JsonNode state = check(a, id).json();
            int frame = state.get("frames").asInt() - 1;
            check(c.get("/api/run/series?from=" + Math.max(0, frame - 1) + "&upTo=" + frame), id);
            check(c.get("/api/run/proc/buddyinfo?frame=" + frame), id);
            check(c.get("/api/run/pageblocks?frame=" + frame), id);
            iterations.add(System.nanoTime() - t0);
            if (state.get("finished").asBoolean()) {
                JsonNode frames = c.get("/api/run/frames").json();
                JsonNode last = c.get("/api/run/frame/" + (frames.size() - 1)).json();
                Map<String, Long> got = new TreeMap<>();
                last.get("counters").fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asLong()));
                if (!got.equals(expected)) {
                    wrong.put("session " + id + " run " + completed.get(), "counters differ from the lone run");
                }
                completed.incrementAndGet();
                check(c.post("/api/run/start", "{\"scenario\":\"default\"}"), id);
            }
        }
    }

    private static ApiClient.Answer check(ApiClient.Answer a, int id) {
        if (a.status() != 200) {
            throw new IllegalStateException("session " + id + ": " + a.status() + " " + a.body());
        }
        return a;
    }

    /** The default scenario's end counters, run alone in this JVM without the server. */
    private static Map<String, Long> reference() {
        RunSession run = RunSession.builtin("default");
        Frame last = run.runUntil(run.durationNs());
        run.close();
        return new TreeMap<>(last.counters());
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
