package org.mmsim.web.run;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.page.MemMap;
import org.mmsim.page.Node;
import org.mmsim.web.ApiError;
import org.mmsim.web.Params;
import org.mmsim.web.Routes;
import org.mmsim.web.Sessions;
import org.mmsim.workload.SimulationView;

/**
 * The pageblock map's API. {@code GET /api/run/pageblocks?frame=N}: every zone's blocks of frame N, each zone's
 * arrays deflated and base64-encoded as {@link PageblockZone#packedBlocks} says. {@code GET
 * /api/run/pageblock?frame=N&pfn=P[&pages=false]}: the block holding pfn P, its summary and (unless pages=false)
 * its pages; read from the frame when it kept per-page state, else from the live model, and the answer's
 * {@code source} says which ("frame" or "live").
 */
public final class PageblockRoutes implements Routes {
    @Override
    public void register(Javalin app, Sessions sessions) {
        app.get("/api/run/pageblocks", ctx -> ctx.json(pageblocks(run(sessions, ctx)
                .frame(Params.wholeNumber(ctx.queryParam("frame"), "query parameter 'frame'")))));
        app.get("/api/run/pageblock", ctx -> {
            RunSession run = run(sessions, ctx);
            Frame f = run.frame(Params.wholeNumber(ctx.queryParam("frame"), "query parameter 'frame'"));
            long pfn = Params.pfn(ctx.queryParam("pfn"), "query parameter 'pfn'");
            boolean withPages = !"false".equals(ctx.queryParam("pages"));
            ctx.json(block(run, f, pfn, withPages));
        });
    }

    /** The answer of {@code /api/run/pageblocks} for a frame. */
    static Map<String, Object> pageblocks(Frame f) {
        PageblockFrame pb = f.pageblocks();
        List<Map<String, Object>> zones = new ArrayList<>();
        for (PageblockZone z : pb.zones()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", z.name());
            m.put("firstPfn", z.firstPfn());
            m.put("zoneStartPfn", z.zoneStartPfn());
            m.put("zoneEndPfn", z.zoneEndPfn());
            m.put("blocks", z.blocks());
            m.put("data", z.packedBlocks());
            zones.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("frame", f.index());
        out.put("timeNs", f.timeNs());
        out.put("pageblockPages", pb.pageblockPages());
        out.put("migratetypes", pb.typeNames());
        out.put("ownerKinds", SimulationView.OWNER_KINDS);
        out.put("perPage", pb.perPage());
        out.put("zones", zones);
        return out;
    }

    private static Map<String, Object> block(RunSession run, Frame f, long pfn, boolean withPages) {
        PageblockFrame pb = f.pageblocks();
        PageblockZone zone = pb.zoneOf(pfn);
        if (zone == null) {
            throw ApiError.notFound("pfn 0x" + Long.toHexString(pfn) + " is in no zone of frame " + f.index());
        }
        int pbPages = pb.pageblockPages();
        int b = (int) ((pfn - zone.firstPfn()) / pbPages);
        long start = zone.firstPfn() + (long) b * pbPages;
        PageblockZone.Blocks blocks = zone.inflateBlocks();
        byte mt = blocks.migratetypes()[b];
        String[] names = pb.typeNames();
        String type = mt == PageblockZone.HOLE ? "hole" : names[mt];
        boolean latest = f.index() == run.frames().size() - 1;
        PageblockZone.Pages kept = zone.inflatePages();
        PageblockPages.Block block;
        String source;
        if (kept != null && !latest) {
            block = PageblockPages.read(PageblockPages.kept(zone, kept), zone, start, pbPages, type, names);
            source = "frame";
        } else {
            block = run.withLive(view -> PageblockPages.read(PageblockPages.live(view, memMapOf(view, start)), zone,
                    start, pbPages, type, names));
            source = latest ? "frame" : "live";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("frame", f.index());
        out.put("timeNs", f.timeNs());
        out.put("source", source);
        if ("live".equals(source)) {
            out.put("liveNs", run.nowNs());
            out.put("note", "pages and owners of the live moment, not of frame " + f.index()
                    + ": frames of machines over 4 GiB keep only per-block counts");
        }
        out.put("zone", block.zone());
        out.put("pfnStart", block.pfnStart());
        out.put("pfnEnd", block.pfnEnd());
        out.put("migratetype", type);
        out.put("free", (int) blocks.free()[b]);
        out.put("pcp", (int) blocks.pcp()[b]);
        out.put("used", block.used());
        out.put("states", block.states());
        out.put("owners", block.owners());
        if (withPages) {
            out.put("pages", block.pages());
        }
        return out;
    }

    private static MemMap memMapOf(SimulationView view, long pfn) {
        for (Node n : view.booted().machine().nodes()) {
            MemMap mm = n.memMap();
            if (pfn >= mm.startPfn() && pfn < mm.endPfn()) {
                return mm;
            }
        }
        return view.booted().machine().nodes().get(0).memMap();
    }

    private static RunSession run(Sessions sessions, Context ctx) {
        return sessions.of(ctx).simulation(RunSession.SLOT, RunSession.class,
                "no run in this session: start one first");
    }
}
