package org.mmsim.web.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.mmsim.web.ApiError;
import org.mmsim.web.Json;
import org.mmsim.web.Routes;
import org.mmsim.web.Session;
import org.mmsim.web.Sessions;
import org.mmsim.workload.scenario.ScenarioFile;

/**
 * The compare view's API: {@code POST /api/compare/start {"scenario": NAME, "a": "WORDS", "b": "WORDS"}} (the
 * {@code --set} words of each side, space-separated; both booted at once, a bad word is a 400 naming it),
 * {@code GET /api/compare/scenarios} (the built-ins), {@code GET /api/compare/state} (progress, polled) and
 * {@code GET /api/compare/result} (series and figures of both, once both ended).
 */
public final class CompareRoutes implements Routes {
    @Override
    public void register(Javalin app, Sessions sessions) {
        app.post("/api/compare/start", ctx -> {
            JsonNode body = Json.body(ctx);
            String scenario = Json.text(body, "scenario");
            String a = Json.text(body, "a");
            String b = Json.text(body, "b");
            CompareSession s = sessions.of(ctx).start(CompareSession.SLOT, () -> CompareSession.start(scenario, a, b));
            ctx.json(s.state());
        });
        app.get("/api/compare/scenarios", ctx -> ctx.json(ScenarioFile.builtins()));
        app.get("/api/compare/state", ctx -> ctx.json(compare(sessions.of(ctx)).state()));
        app.get("/api/compare/result", ctx -> {
            CompareSession s = compare(sessions.of(ctx));
            if (!s.done()) {
                throw ApiError.conflict("the comparison has not ended yet: poll /api/compare/state");
            }
            ctx.json(CompareJson.of(s));
        });
    }

    private static CompareSession compare(Session s) {
        return s.simulation(CompareSession.SLOT, CompareSession.class,
                "no comparison in this session: start one first");
    }
}
