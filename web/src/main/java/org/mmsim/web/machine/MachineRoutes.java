package org.mmsim.web.machine;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.layout.LayoutRequest;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.web.ApiError;
import org.mmsim.web.Json;
import org.mmsim.web.Params;
import org.mmsim.web.Routes;
import org.mmsim.web.Session;
import org.mmsim.web.Sessions;

/**
 * The machine view's API. Booting (each answers the machine's tables, kept in the session):
 * {@code GET /api/machine/presets}; {@code POST /api/machine/boot/preset {"preset": NAME}};
 * {@code POST /api/machine/boot/file} (multipart, field {@code file}: a YAML machine file);
 * {@code POST /api/machine/boot/dmesg} (multipart, {@code file}: a boot log, optional {@code iomem});
 * {@code POST /api/machine/boot/proc} (multipart, {@code files}: a real machine's dmesg and /proc files);
 * {@code GET /api/machine} (the booted machine, or 409). Layouts: {@code GET /api/layout?arch=&levels=&granule=
 * &vaBits=&mem=&vmalloc=} and {@code GET /api/layout/translate?...&address=}.
 */
public final class MachineRoutes implements Routes {
    /** The preset the page selects first, as {@code mmsim boot} does. */
    static final String DEFAULT_PRESET = "x86_64-4G";

    @Override
    public void register(Javalin app, Sessions sessions) {
        app.get("/api/machine/presets", ctx -> ctx.json(Map.of("presets", MachineFile.presets(),
                "default", DEFAULT_PRESET, "arches", LayoutRequest.ARCHES)));
        app.post("/api/machine/boot/preset", ctx -> {
            JsonNode body = Json.body(ctx);
            String name = Json.text(body, "preset");
            if (!MachineFile.presets().contains(name)) {
                throw ApiError.badRequest("no preset '" + name + "' (presets: "
                        + String.join(", ", MachineFile.presets()) + ")");
            }
            booted(ctx, sessions, MachineSources.preset(name));
        });
        app.post("/api/machine/boot/file", ctx -> booted(ctx, sessions,
                MachineSources.machineFile(one(ctx, "file", "a machine file (YAML)"))));
        app.post("/api/machine/boot/dmesg", ctx -> {
            Upload dmesg = one(ctx, "file", "a boot log (dmesg)");
            List<UploadedFile> io = ctx.uploadedFiles("iomem");
            booted(ctx, sessions, MachineSources.dmesg(dmesg, io.isEmpty() ? null : Upload.of(io.get(0))));
        });
        app.post("/api/machine/boot/proc", ctx -> {
            List<UploadedFile> files = ctx.uploadedFiles("files");
            if (files.isEmpty()) {
                throw ApiError.badRequest("upload a set of /proc files (multipart field 'files'): the machine's dmesg"
                        + " and any of " + String.join(", ", MachineSources.COMPARABLE));
            }
            booted(ctx, sessions, MachineSources.procSet(files.stream().map(Upload::of).toList()));
        });
        app.get("/api/machine", ctx -> {
            BootedView v = current(sessions.of(ctx));
            if (v == null) {
                throw ApiError.conflict("no machine booted in this session: boot one first");
            }
            ctx.json(v.report());
        });
        app.get("/api/layout", ctx -> ctx.json(LayoutReport.of(choice(ctx), current(sessions.of(ctx)))));
        app.get("/api/layout/translate", ctx -> ctx.json(AddressReport.of(choice(ctx), ctx.queryParam("address"),
                current(sessions.of(ctx)))));
    }

    private static void booted(Context ctx, Sessions sessions, BootedView v) {
        sessions.of(ctx).put(BootedView.KEY, v);
        ctx.json(v.report());
    }

    private static BootedView current(Session s) {
        Object v = s.get(BootedView.KEY);
        return v instanceof BootedView b ? b : null;
    }

    /** The one file of a multipart field, or a 400 saying what to upload. */
    private static Upload one(Context ctx, String field, String what) {
        List<UploadedFile> files = ctx.uploadedFiles(field);
        if (files.size() != 1) {
            throw ApiError.badRequest("upload " + what + " as one file in the multipart field '" + field + "'");
        }
        return Upload.of(files.get(0));
    }

    private static LayoutReport.Choice choice(Context ctx) {
        return new LayoutReport.Choice(ctx.queryParam("arch"), Params.optionalWholeNumber(ctx.queryParam("levels"), "levels"), Params.optionalWholeNumber(ctx.queryParam("granule"), "granule"),
                Params.optionalWholeNumber(ctx.queryParam("vaBits"), "vaBits"), ctx.queryParam("mem"), ctx.queryParam("vmalloc"));
    }
}
