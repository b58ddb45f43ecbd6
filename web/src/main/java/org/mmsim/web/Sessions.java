package org.mmsim.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The browser sessions: each request's session comes from an unguessable HttpOnly cookie (a new session when the
 * cookie is missing or unknown), so one browser never reaches another's simulations. It counts the live
 * simulations against the server's limit and frees a session that stayed idle past the timeout. The clock is the
 * server's (injected for tests); the model never sees it.
 */
public final class Sessions {
    /** The session cookie's name. */
    public static final String COOKIE = "mmsim-session";
    /** The request attribute holding the request's session once looked up. */
    private static final String ATTRIBUTE = "mmsim.session";

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final int maxSimulations;
    private final long idleNs;
    private final LongSupplier clock;

    public Sessions(int maxSimulations, long idleNs, LongSupplier clock) {
        this.maxSimulations = maxSimulations;
        this.idleNs = idleNs;
        this.clock = clock;
    }

    /**
     * The request's session, made (and its cookie set) when the browser has none. It counts as busy until
     * {@link #requestEnded} (the server's after-handler), so a long step is never taken for idleness.
     */
    public Session of(Context ctx) {
        Object known = ctx.attribute(ATTRIBUTE);
        if (known instanceof Session s) {
            return s;
        }
        String id = ctx.cookie(COOKIE);
        Session s = id == null ? null : byId.get(id);
        long now = clock.getAsLong();
        if (s == null) {
            byte[] token = new byte[16];
            random.nextBytes(token);
            String fresh = HexFormat.of().formatHex(token);
            s = new Session(fresh, this, now);
            byId.put(fresh, s);
            Cookie c = new Cookie(COOKIE, fresh);
            c.setHttpOnly(true);
            c.setSameSite(SameSite.STRICT);
            c.setPath("/");
            ctx.cookie(c);
        }
        s.requestBegins(now);
        ctx.attribute(ATTRIBUTE, s);
        return s;
    }

    /** The end of a request: its session (if it had one) is no longer busy, and was used now. */
    public void requestEnded(Context ctx) {
        Object known = ctx.attribute(ATTRIBUTE);
        if (known instanceof Session s) {
            s.requestEnds(clock.getAsLong());
        }
    }

    /** Takes a place for a new simulation, or {@link ApiError} 429 when every place is taken. */
    void reserve() {
        while (true) {
            int n = live.get();
            if (n >= maxSimulations) {
                throw new ApiError(429, "too many simulations: the explorer runs at most " + maxSimulations
                        + " at once (mmsim explore --max-simulations); try again when one ends");
            }
            if (live.compareAndSet(n, n + 1)) {
                return;
            }
        }
    }

    void release() {
        live.decrementAndGet();
    }

    /** Simulations alive across all sessions. */
    public int liveSimulations() {
        return live.get();
    }

    /** Sessions known. */
    public int sessions() {
        return byId.size();
    }

    /** Frees every session idle longer than the timeout; how many it freed. */
    public int reapIdle() {
        long now = clock.getAsLong();
        int freed = 0;
        for (Session s : byId.values()) {
            if (!s.serving() && now - s.lastUsedNs() > idleNs) {
                byId.remove(s.id());
                s.closeAll();
                freed++;
            }
        }
        return freed;
    }

    /** Frees every session (the server stops). */
    public void closeAll() {
        for (Session s : byId.values()) {
            byId.remove(s.id());
            s.closeAll();
        }
    }
}
