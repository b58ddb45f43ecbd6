package org.mmsim.web.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.web.ApiError;
import org.mmsim.web.Json;
import org.mmsim.web.Params;
import org.mmsim.web.Routes;
import org.mmsim.web.Session;
import org.mmsim.web.Sessions;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * The run view's API:
 * <ul>
 * <li>{@code GET /api/run/scenarios}: the built-in scenarios, {@code [{name, description}]};
 * {@code GET /api/run/scenario/NAME}: one's YAML, {@code {name, description, text}};</li>
 * <li>{@code POST /api/run/start {"scenario": NAME}} or {@code {"yaml": TEXT}} (its machine a preset):
 * the run's state;</li>
 * <li>{@code POST /api/run/step {"by": "event" | "1ms" | "10ms" | "100ms" | "1s" | "end"}}: the state after;
 * {@code GET /api/run/state};</li>
 * <li>{@code GET /api/run/frames}: every kept frame's index, time and label; {@code GET /api/run/frame/N}: one
 * frame's time, events, label, counters, zones and /proc file names;</li>
 * <li>{@code GET /api/run/series?upTo=N[&from=M]}: the charts' values of frames M..N as columns
 * ({@link FrameSeries});</li>
 * <li>{@code GET /api/run/proc/NAME?frame=N}: a /proc file of frame N (the newest without it),
 * {@code {frame, name, text, files}} (files: the names frame N has).</li>
 * </ul>
 */
public final class RunRoutes implements Routes {
    /** The steps the page offers, by name, in simulated nanoseconds (0: one event; -1: to the end). */
    static final Map<String, Long> STEPS = steps();

    private static Map<String, Long> steps() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("event", 0L);
        m.put("1ms", 1_000_000L);
        m.put("10ms", 10_000_000L);
        m.put("100ms", 100_000_000L);
        m.put("1s", 1_000_000_000L);
        m.put("end", -1L);
        return m;
    }

    @Override
    public void register(Javalin app, Sessions sessions) {
        app.get("/api/run/scenarios", ctx -> {
            List<Map<String, String>> out = new ArrayList<>();
            ScenarioText.builtins().forEach((name, description) -> out.add(Map.of("name", name,
                    "description", description)));
            ctx.json(out);
        });
        app.get("/api/run/scenario/{name}", ctx -> {
            String name = ctx.pathParam("name");
            String text = ScenarioText.builtin(name);
            ctx.json(Map.of("name", name, "description", ScenarioFile.description(name), "text", text));
        });
        app.post("/api/run/start", ctx -> {
            JsonNode body = Json.body(ctx);
            Session s = sessions.of(ctx);
            RunSession run;
            if (body.has("yaml")) {
                String yaml = Json.text(body, "yaml");
                run = s.start(RunSession.SLOT, () -> RunSession.fromYaml(yaml));
            } else {
                String name = Json.text(body, "scenario");
                run = s.start(RunSession.SLOT, () -> RunSession.builtin(name));
            }
            ctx.json(state(run));
        });
        app.post("/api/run/step", ctx -> {
            JsonNode body = Json.body(ctx);
            String by = Json.text(body, "by");
            Long ns = STEPS.get(by);
            if (ns == null) {
                throw ApiError.badRequest("step by " + String.join(", ", STEPS.keySet()) + ", not '" + by + "'");
            }
            RunSession run = run(sessions.of(ctx));
            synchronized (run) {
                if (ns == 0) {
                    run.stepEvent();
                } else {
                    run.runUntil(ns < 0 ? run.durationNs() : run.nowNs() + ns);
                }
                ctx.json(state(run));
            }
        });
        app.get("/api/run/state", ctx -> ctx.json(state(run(sessions.of(ctx)))));
        app.get("/api/run/frames", ctx -> ctx.json(run(sessions.of(ctx)).frames().stream()
                .map(f -> Map.of("index", f.index(), "timeNs", f.timeNs(), "label", f.label())).toList()));
        app.get("/api/run/frame/{n}", ctx -> {
            Frame f = run(sessions.of(ctx)).frame(Params.wholeNumber(ctx.pathParam("n"), "the frame number"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", f.index());
            m.put("timeNs", f.timeNs());
            m.put("events", f.events());
            m.put("label", f.label());
            m.put("counters", f.counters());
            m.put("zones", f.zones());
            m.put("procFiles", f.proc().names());
            ctx.json(m);
        });
        app.get("/api/run/series", ctx -> {
            RunSession run = run(sessions.of(ctx));
            List<Frame> frames = run.frames();
            int upTo = ctx.queryParam("upTo") == null ? frames.size() - 1 : Params.wholeNumber(ctx.queryParam("upTo"), "upTo");
            int from = ctx.queryParam("from") == null ? 0 : Params.wholeNumber(ctx.queryParam("from"), "from");
            if (upTo >= frames.size() || from > upTo + 1) {
                throw ApiError.notFound("no frames " + from + ".." + upTo + " (the run has " + frames.size() + ")");
            }
            ctx.json(FrameSeries.of(frames.subList(from, upTo + 1)));
        });
        app.get("/api/run/proc/{name}", ctx -> {
            RunSession run = run(sessions.of(ctx));
            String q = ctx.queryParam("frame");
            Frame f = run.frame(q == null ? run.frameCount() - 1 : Params.wholeNumber(q, "the frame number"));
            String name = ctx.pathParam("name");
            String text = f.proc().text(name);
            if (text == null) {
                throw ApiError.notFound("frame " + f.index() + " has no /proc file '" + name + "' (it has "
                        + String.join(", ", f.proc().names()) + ")");
            }
            ctx.json(Map.of("frame", f.index(), "name", name, "text", text, "files", f.proc().names()));
        });
    }

    private static RunSession run(Session s) {
        return s.simulation(RunSession.SLOT, RunSession.class, "no run in this session: start one first");
    }

    private static Map<String, Object> state(RunSession run) {
        synchronized (run) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", run.scenario().name());
            m.put("nowNs", run.nowNs());
            m.put("durationNs", run.durationNs());
            m.put("finished", run.finished());
            m.put("frames", run.frameCount());
            m.put("thinnings", run.thinnings());
            m.put("maxFrames", RunSession.MAX_FRAMES);
            m.put("keptBytes", run.keptBytes());
            m.put("frameBytes", run.frame(run.frameCount() - 1).heapBytes());
            return m;
        }
    }
}
