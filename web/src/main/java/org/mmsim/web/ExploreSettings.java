package org.mmsim.web;

import java.time.Duration;

/**
 * The explorer's settings in one place: where it listens, how many simulations may live at once, when an idle
 * session's simulations are freed, and how large an upload may be.
 *
 * @param bind            the address to listen on (127.0.0.1 unless the user says otherwise)
 * @param port            the port, 0 for any free one
 * @param maxSimulations  live simulations (runs, buddy demos, comparisons) across all sessions
 * @param idleTimeout     a session unused this long loses its simulations
 * @param uploadLimit     the largest request body accepted, in bytes
 */
public record ExploreSettings(String bind, int port, int maxSimulations, Duration idleTimeout, long uploadLimit) {
    /** 16 MiB: the largest upload (a dmesg, a machine file, a set of /proc files, a scenario). */
    public static final long UPLOAD_LIMIT = 16L << 20;

    /** The defaults of {@code mmsim explore}: loopback, port 7070, 32 simulations, 10 minutes idle. */
    public static ExploreSettings defaults() {
        return new ExploreSettings("127.0.0.1", 7070, 32, Duration.ofMinutes(10), UPLOAD_LIMIT);
    }

    public ExploreSettings withPort(int p) {
        return new ExploreSettings(bind, p, maxSimulations, idleTimeout, uploadLimit);
    }

    public ExploreSettings withBind(String b) {
        return new ExploreSettings(b, port, maxSimulations, idleTimeout, uploadLimit);
    }

    public ExploreSettings withMaxSimulations(int n) {
        return new ExploreSettings(bind, port, n, idleTimeout, uploadLimit);
    }

    public ExploreSettings withIdleTimeout(Duration d) {
        return new ExploreSettings(bind, port, maxSimulations, d, uploadLimit);
    }

    /** True when the address is a loopback one, reachable from this machine only. */
    public boolean loopback() {
        return bind.equals("localhost") || bind.startsWith("127.") || bind.equals("::1");
    }
}
