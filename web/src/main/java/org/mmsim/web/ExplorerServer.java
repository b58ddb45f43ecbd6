package org.mmsim.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mmsim.arch.InputError;

/**
 * The explorer's web server: the page and its scripts from the jar ({@code /}), the chart library from its WebJar
 * ({@code /webjars/uplot/...}), and each view's JSON API under {@code /api}. Every refusal is a 4xx with one
 * {@code {"error": "..."}} line and the server goes on serving; an unexpected failure is a 500 that names no
 * internals. A timer frees idle sessions.
 */
public final class ExplorerServer implements AutoCloseable {
    /** Where the page's files are in the jar. */
    static final String STATIC = "/org/mmsim/web/static";

    private final ExploreSettings settings;
    private final Sessions sessions;
    private final Javalin app;
    private final ScheduledExecutorService reaper;

    private ExplorerServer(ExploreSettings settings, List<Routes> views) {
        this.settings = settings;
        this.sessions = new Sessions(settings.maxSimulations(), settings.idleTimeout().toNanos(), System::nanoTime);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.uploadLimit();
            config.jetty.multipartConfig.maxFileSize(settings.uploadLimit(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.uploadLimit(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) settings.uploadLimit(), SizeUnit.BYTES);
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = STATIC;
                s.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        app.before(ctx -> {
            if (ctx.contentLength() > settings.uploadLimit()) {
                throw new ApiError(413, "the request is " + ctx.contentLength() + " bytes; the explorer takes at most "
                        + settings.uploadLimit() + " (16 MiB)");
            }
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
        });
        app.after(sessions::requestEnded);
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(InputError.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(IllegalStateException.class, (e, ctx) -> {
            if (String.valueOf(e.getMessage()).contains("exceeds")) {
                error(ctx, 413, "the upload is larger than the explorer takes (16 MiB)");
            } else {
                error(ctx, 500, "internal error (IllegalStateException); the server goes on serving");
            }
        });
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500,
                "internal error (" + e.getClass().getSimpleName() + "); the server goes on serving"));
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, 404, "no such page: " + ctx.path());
            }
        });
        app.get("/api/health", ctx -> ctx.json(Map.of("sessions", sessions.sessions(),
                "simulations", sessions.liveSimulations())));
        app.delete("/api/session/{slot}", ctx -> {
            sessions.of(ctx).stop(ctx.pathParam("slot"));
            ctx.json(Map.of("stopped", ctx.pathParam("slot")));
        });
        for (Routes r : views) {
            r.register(app, sessions);
        }
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mmsim-explore-reaper");
            t.setDaemon(true);
            return t;
        });
    }

    /** A server with the given views, not yet listening. */
    public static ExplorerServer create(ExploreSettings settings, List<Routes> views) {
        return new ExplorerServer(settings, views);
    }

    /** Starts listening and the idle-session timer; the port it listens on. */
    public int start() {
        app.start(settings.bind(), settings.port());
        long every = Math.max(100, settings.idleTimeout().toMillis() / 4);
        reaper.scheduleAtFixedRate(sessions::reapIdle, every, every, TimeUnit.MILLISECONDS);
        return app.port();
    }

    public int port() {
        return app.port();
    }

    public Sessions sessions() {
        return sessions;
    }

    /** The URL a browser opens. */
    public String url() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return "http://" + host + ":" + app.port() + "/";
    }

    @Override
    public void close() {
        reaper.shutdownNow();
        app.stop();
        sessions.closeAll();
    }

    private static void error(Context ctx, int status, String message) {
        String line = message == null ? "error" : message.lines().findFirst().orElse("error");
        ctx.status(status).json(Map.of("error", line));
    }
}
