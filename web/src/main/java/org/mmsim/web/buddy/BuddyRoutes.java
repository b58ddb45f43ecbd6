package org.mmsim.web.buddy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.mmsim.web.ApiError;
import org.mmsim.web.Json;
import org.mmsim.web.Params;
import org.mmsim.web.Routes;
import org.mmsim.web.Session;
import org.mmsim.web.Sessions;

/**
 * The buddy view's API. {@code POST /api/buddy/reset {"pcp": BOOL, "batch": N, "high": N}} (all optional) makes a
 * fresh demo machine; {@code GET /api/buddy/state}; {@code POST /api/buddy/alloc {"order": N, "gfp": TEXT}};
 * {@code POST /api/buddy/free {"pfn": P, "order": N}} (P a number or "0x..." text); {@code POST /api/buddy/drain}.
 * Each answers the demo's view: the machine, the last operation and its steps.
 */
public final class BuddyRoutes implements Routes {
    @Override
    public void register(Javalin app, Sessions sessions) {
        app.post("/api/buddy/reset", ctx -> {
            String text = ctx.body();
            JsonNode body = text.isBlank() ? Json.MAPPER.createObjectNode() : Json.body(ctx);
            PcpSettings d = PcpSettings.DEFAULT;
            PcpSettings pcp = new PcpSettings(bool(body, "pcp", d.enabled()), integer(body, "batch", d.batch()),
                    integer(body, "high", d.high()));
            Session s = sessions.of(ctx);
            BuddyDemo demo = s.start(BuddyDemo.SLOT, () -> new BuddyDemo(pcp));
            ctx.json(demo.view());
        });
        app.get("/api/buddy/state", ctx -> ctx.json(demo(sessions.of(ctx)).view()));
        app.post("/api/buddy/alloc", ctx -> {
            JsonNode body = Json.body(ctx);
            int order = integer(body, "order", null);
            String gfp = Json.text(body, "gfp");
            BuddyDemo demo = demo(sessions.of(ctx));
            demo.alloc(order, gfp);
            ctx.json(demo.view());
        });
        app.post("/api/buddy/free", ctx -> {
            JsonNode body = Json.body(ctx);
            long pfn = pfn(body);
            int order = integer(body, "order", null);
            BuddyDemo demo = demo(sessions.of(ctx));
            demo.free(pfn, order);
            ctx.json(demo.view());
        });
        app.post("/api/buddy/drain", ctx -> {
            BuddyDemo demo = demo(sessions.of(ctx));
            demo.drain();
            ctx.json(demo.view());
        });
    }

    private static BuddyDemo demo(Session s) {
        return s.simulation(BuddyDemo.SLOT, BuddyDemo.class, "no buddy demo in this session: reset one first");
    }

    /** An int field, or the default when absent (null: required); 400 when it is not a small integer. */
    private static int integer(JsonNode body, String field, Integer dflt) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (dflt == null) {
                throw ApiError.badRequest("the request needs an integer field '" + field + "'");
            }
            return dflt;
        }
        if (!v.isInt()) {
            throw ApiError.badRequest("'" + field + "' must be an integer, not " + v);
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode body, String field, boolean dflt) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw ApiError.badRequest("'" + field + "' must be true or false, not " + v);
        }
        return v.asBoolean();
    }

    /** The pfn field: a number, or text in hex ("0x1000") or decimal. */
    private static long pfn(JsonNode body) {
        JsonNode v = body.get("pfn");
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v != null && v.isTextual()) {
            return Params.pfn(v.asText(), "pfn");
        }
        throw ApiError.badRequest("the request needs a field 'pfn' (a number like 4096 or 0x1000)");
    }
}
