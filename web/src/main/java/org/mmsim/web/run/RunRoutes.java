package org.mmsim.web.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmsim.web.ApiError;
import org.mmsim.web.Json;
import org.mmsim.web.Routes;
import org.mmsim.web.Session;
import org.mmsim.web.Sessions;

/**
 * The run view's API: {@code POST /api/run/start {"scenario": NAME}}, {@code POST /api/run/step {"by": "event" |
 * "1ms" | "1s" | "end"}}, {@code GET /api/run/frames} and {@code GET /api/run/frame/N}.
 */
public final class RunRoutes implements Routes {
    @Override
    public void register(Javalin app, Sessions sessions) {
        app.post("/api/run/start", ctx -> {
            JsonNode body = Json.body(ctx);
            String name = Json.text(body, "scenario");
            Session s = sessions.of(ctx);
            RunSession run = s.start(RunSession.SLOT, () -> RunSession.builtin(name));
            ctx.json(state(run));
        });
        app.post("/api/run/step", ctx -> {
            JsonNode body = Json.body(ctx);
            String by = Json.text(body, "by");
            RunSession run = run(sessions.of(ctx));
            switch (by) {
                case "event" -> run.stepEvent();
                case "1ms" -> run.runUntil(run.nowNs() + 1_000_000L);
                case "1s" -> run.runUntil(run.nowNs() + 1_000_000_000L);
                case "end" -> run.runUntil(run.durationNs());
                default -> throw ApiError.badRequest("step by 'event', '1ms', '1s' or 'end', not '" + by + "'");
            }
            ctx.json(state(run));
        });
        app.get("/api/run/frames", ctx -> ctx.json(run(sessions.of(ctx)).frames().stream()
                .map(f -> Map.of("index", f.index(), "timeNs", f.timeNs(), "label", f.label())).toList()));
        app.get("/api/run/frame/{n}", ctx -> {
            int n;
            try {
                n = Integer.parseInt(ctx.pathParam("n"));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("frame number expected, not '" + ctx.pathParam("n") + "'");
            }
            Frame f = run(sessions.of(ctx)).frame(n);
            ctx.json(Map.of("index", f.index(), "timeNs", f.timeNs(), "events", f.events(), "label", f.label(),
                    "counters", f.counters()));
        });
    }

    private static RunSession run(Session s) {
        return s.simulation(RunSession.SLOT, RunSession.class, "no run in this session: start one first");
    }

    private static Map<String, Object> state(RunSession run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", run.scenario().name());
        m.put("nowNs", run.nowNs());
        m.put("durationNs", run.durationNs());
        m.put("finished", run.finished());
        m.put("frames", run.frames().size());
        return m;
    }
}
