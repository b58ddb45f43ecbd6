package org.mmsim.trace.replay;

import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
import org.mmsim.trace.TraceReader;

/**
 * Drives a replay: reads a trace to its end into one reused {@link TraceEvent}, skips everything before the start
 * marker, applies every later event to the {@link ReplaySink} and tells the listener of every marker (where the
 * kernel's /proc snapshots were taken). Markers are the lines a workload writes to trace_marker
 * ({@code tracing_mark_write: oracle frag/after-punch}); a marker's name is its text without the "oracle " prefix
 * the oracle scripts write.
 */
public final class TraceReplay {
    private static final String ORACLE_PREFIX = "oracle ";

    /** Told of each marker after the start, with the state as it stands after every earlier event. */
    public interface MarkerListener {
        void marker(String name, long timeNs, long position);
    }

    private TraceReplay() {
    }

    /**
     * Replays {@code reader} into {@code sink} from the marker {@code startMarker} (null: from the first event).
     * Returns the events applied; -1 when the start marker never came.
     */
    public static long run(TraceReader reader, String startMarker, ReplaySink sink, MarkerListener markers) {
        TraceEvent scratch = new TraceEvent();
        boolean started = startMarker == null;
        long applied = 0;
        for (TraceEvent e = reader.nextEvent(scratch); e != null; e = reader.nextEvent(scratch)) {
            if (!started) {
                started = isMarker(e, startMarker);
                continue;
            }
            if (e.kind == TraceEventKind.MARKER) {
                if (markers != null) {
                    markers.marker(markerName(e), e.timeNs, e.position);
                }
                continue;
            }
            sink.apply(e);
            applied++;
        }
        return started ? applied : -1;
    }

    /** The name of the first marker {@code reader} gives, reading up to it, or null when it has none. */
    public static String firstMarker(TraceReader reader) {
        TraceEvent e = new TraceEvent();
        while (reader.next(e)) {
            if (e.kind == TraceEventKind.MARKER) {
                return markerName(e);
            }
        }
        return null;
    }

    /** Whether {@code e} is the marker named {@code name}. */
    public static boolean isMarker(TraceEvent e, String name) {
        return e.kind == TraceEventKind.MARKER && e.text != null && markerName(e).equals(name);
    }

    /** A marker's name: its text, trimmed, without the oracle scripts' "oracle " prefix. */
    public static String markerName(TraceEvent e) {
        String t = e.text == null ? "" : e.text.trim();
        return t.startsWith(ORACLE_PREFIX) ? t.substring(ORACLE_PREFIX.length()).trim() : t;
    }
}
