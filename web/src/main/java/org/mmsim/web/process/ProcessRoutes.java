package org.mmsim.web.process;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.vm.WalkTrace;
import org.mmsim.web.ApiError;
import org.mmsim.web.Params;
import org.mmsim.web.Routes;
import org.mmsim.web.Session;
import org.mmsim.web.Sessions;
import org.mmsim.web.run.RunSession;
import org.mmsim.workload.SimulationView;

/**
 * The process view's API, over the session's run at its present moment: {@code GET /api/process/list} (pid, name,
 * RSS and swap), {@code GET /api/process/PID} (maps, smaps and the VMA table), {@code GET
 * /api/process/PID/walk?addr=HEX} (the page-table walk) and {@code GET /api/process/PID/find?what=swap|cow} (the
 * walk of the first address whose entry is a swap entry, or a copy-on-write shared page).
 */
public final class ProcessRoutes implements Routes {
    @Override
    public void register(Javalin app, Sessions sessions) {
        app.get("/api/process/list", ctx -> {
            RunSession run = run(sessions.of(ctx));
            ctx.json(run.withLive(v -> moment(run, Map.of("processes", v.processes()))));
        });
        app.get("/api/process/{pid}", ctx -> {
            RunSession run = run(sessions.of(ctx));
            int pid = Params.wholeNumber(ctx.pathParam("pid"), "a process id");
            ctx.json(run.withLive(v -> {
                String maps = v.processFiles().get(pid + "/maps");
                String smaps = v.processFiles().get(pid + "/smaps");
                if (maps == null || smaps == null) {
                    throw gone(pid, run);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pid", pid);
                m.put("name", v.processes().stream().filter(p -> p.pid() == pid).map(p -> p.name()).findFirst()
                        .orElse(""));
                m.put("maps", maps);
                m.put("smaps", smaps);
                m.put("vmas", VmaRow.of(smaps));
                return moment(run, m);
            }));
        });
        app.get("/api/process/{pid}/walk", ctx -> {
            RunSession run = run(sessions.of(ctx));
            int pid = Params.wholeNumber(ctx.pathParam("pid"), "a process id");
            long addr = Params.hexAddress(ctx.queryParam("addr"), "the address to walk (addr=)");
            ctx.json(run.withLive(v -> walk(v, run, pid, addr)));
        });
        app.get("/api/process/{pid}/find", ctx -> {
            RunSession run = run(sessions.of(ctx));
            int pid = Params.wholeNumber(ctx.pathParam("pid"), "a process id");
            String what = ctx.queryParam("what");
            if (!"swap".equals(what) && !"cow".equals(what)) {
                throw ApiError.badRequest("find what=swap or what=cow, not '" + what + "'");
            }
            ctx.json(run.withLive(v -> {
                if (v.pageTableTrace(pid, 0) == null) {
                    throw gone(pid, run);
                }
                long found = EntryFinder.first(v, pid, VmaRow.of(v.processFiles().get(pid + "/smaps")), what);
                if (found < 0) {
                    throw ApiError.notFound("process " + pid + " has no " + (what.equals("swap")
                            ? "swap entry" : "copy-on-write shared page") + " at " + seconds(run));
                }
                return walk(v, run, pid, found);
            }));
        });
    }

    private static Map<String, Object> walk(SimulationView v, RunSession run, int pid, long addr) {
        WalkTrace t = v.pageTableTrace(pid, addr);
        if (t == null) {
            throw gone(pid, run);
        }
        return moment(run, WalkJson.of(t, v.pageTableWalk(pid, addr)));
    }

    /** The answer with the run's present moment, which the page names. */
    private static Map<String, Object> moment(RunSession run, Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timeNs", run.nowNs());
        m.put("scenario", run.scenario().name());
        m.putAll(body);
        return m;
    }

    private static RunSession run(Session s) {
        return s.simulation(RunSession.SLOT, RunSession.class,
                "no run in this session: start one in the Run view first");
    }

    private static ApiError gone(int pid, RunSession run) {
        return ApiError.notFound("no live process " + pid + " at " + seconds(run) + " (it may have exited)");
    }

    private static String seconds(RunSession run) {
        return String.format("%.3f s", run.nowNs() / 1e9);
    }
}
