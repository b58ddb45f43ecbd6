package org.mmsim.trace.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mmsim.arch.InputError;
import org.mmsim.trace.TraceEvent;
import org.mmsim.trace.TraceEventKind;
import org.mmsim.trace.TraceReader;

/**
 * Reads ftrace text: the kernel's {@code trace} file (its {@code # tracer:} header, {@code #} comments and the
 * {@code # entries-in-buffer/entries-written: IN/WRITTEN   #P:N} line), {@code trace_pipe} (no header), and
 * {@code trace-cmd report} output (its {@code version = N}, {@code cpus=N} and {@code CPU N is empty} lines).
 * Every event line has the columns trace_print_context() of kernel/trace/trace_output.c writes:
 * {@code comm-pid [cpu] flags seconds.micros: event: fields}. The task name may hold spaces and dashes (the pid
 * follows the last dash before {@code [cpu]}), an optional {@code (tgid)} column may follow it, the flags column
 * ({@code d..1.}) is optional, and the fraction of the time stamp has 6 digits (trace file) or 9 (trace-cmd -t).
 *
 * <p>Bytes are parsed by hand, names interned, and one {@link TraceEvent} refilled: no object per event for the
 * kmem page events. Events must keep time order on each CPU (the ring buffer is per CPU and the trace file merges
 * the CPUs by time). A malformed line is an {@link InputError} {@code FILE:LINE: problem}; a lenient reader counts
 * and skips it. Input that cannot be read as a whole (an empty file, binary data, a truncated or corrupt gzip, a
 * last line cut short, another tracer than nop, a trace-cmd file version other than 6 or 7) is an error even when
 * lenient.
 */
public final class FtraceTextReader implements TraceReader {
    private static final byte[] ENTRIES = Text.ascii("# entries-in-buffer/entries-written:");
    /** Where trace_print_context()'s {@code "%16s-%-7d [%03d] "} puts the dash and the '['. */
    private static final int KERNEL_DASH = 16;
    private static final int KERNEL_CPU = 25;
    /**
     * In the kernel's own columns, from the ']' of the CPU column: the space after the five irq-info flags, and
     * the ':' after the time stamp, which "%5lu.%06lu" right-aligns in twelve columns (print_trace_header).
     */
    private static final int KERNEL_FLAGS_END = 7;
    private static final int KERNEL_STAMP_END = 20;
    private static final String NO_CPU_COLUMN = "no [cpu] column: not an ftrace event line";
    private static final byte[] TRACER = Text.ascii("# tracer:");
    private static final byte[] NOP = Text.ascii("nop");
    private static final byte[] VERSION = Text.ascii("version = ");
    private static final byte[] CPUS = Text.ascii("cpus=");
    private static final byte[] CPU = Text.ascii("CPU ");
    private static final byte[] IS_EMPTY = Text.ascii(" is empty");
    private static final byte[] LOST_CPU = Text.ascii("CPU:");
    private static final byte[] LOST = Text.ascii(" [LOST ");
    private static final byte[] EVENTS = Text.ascii(" EVENTS]");
    private static final byte[] MARK_WRITE = Text.ascii("tracing_mark_write:");

    /** The start of the error for a stream that fails to decompress. */
    public static final String UNREADABLE_GZIP = "unreadable (truncated or corrupt gzip?): ";

    private final String fileName;
    private final Lines lines;
    private final boolean lenient;
    private final EventFields fields = new EventFields();
    private final ByteInterner names = new ByteInterner();
    private TraceEventKind[] kindOfName = new TraceEventKind[64];
    private final ByteInterner comms = new ByteInterner();
    private long[] lastTimeOnCpu = new long[8];

    private long events;
    private long otherLines;
    private long skipped;
    private long entriesInBuffer = -1;
    private long entriesWritten = -1;
    private long lostEvents;
    private int cpus = -1;
    private int version = -1;

    /**
     * A reader of {@code in} (already decompressed), which it closes; {@code fileName} names the input in errors.
     */
    public FtraceTextReader(String fileName, InputStream in, boolean lenient) {
        this(fileName, new LineSource(in), lenient);
    }

    private FtraceTextReader(String fileName, Lines lines, boolean lenient) {
        this.fileName = fileName;
        this.lines = lines;
        this.lenient = lenient;
        Arrays.fill(lastTimeOnCpu, Long.MIN_VALUE);
    }

    /**
     * A reader of {@code in} as {@link #FtraceTextReader(String, InputStream, boolean)}, whose lines are read and
     * split ahead on a thread of its own ({@link ReadAheadLines}): for a gzipped trace, inflating and finding the
     * lines run beside the parsing.
     */
    public static FtraceTextReader readAhead(String fileName, InputStream in, boolean lenient) {
        return new FtraceTextReader(fileName, new ReadAheadLines(in, fileName), lenient);
    }

    @Override
    public boolean next(TraceEvent into) {
        while (true) {
            if (!advance()) {
                return false;
            }
            byte[] b = lines.buffer();
            int from = lines.start();
            int to = lines.end();
            try {
                if (lines.number() == 1) {
                    requireText(b, from, to);
                }
                if (readEvent(into, b, from, to)) {
                    events++;
                    return true;
                }
                otherLines++;
            } catch (Malformed m) {
                if (!lines.hadNewline()) {
                    throw error(lines.number(), "last line cut short (truncated trace?): " + m.getMessage());
                }
                if (!lenient || m.wholeTrace()) {
                    throw error(lines.number(), m.getMessage());
                }
                skipped++;
            }
        }
    }

    @Override
    public long skipped() {
        return skipped;
    }

    /** Event lines read, the kmem ones and every other. */
    public long events() {
        return events;
    }

    /** Lines that are not events: the header, {@code #} comments, trace-cmd's header, blank and LOST lines. */
    public long otherLines() {
        return otherLines;
    }

    /** Lines read so far. */
    public long lines() {
        return lines.number();
    }

    /** The entries-in-buffer figure of the trace file's header, or -1 when it has none. */
    public long entriesInBuffer() {
        return entriesInBuffer;
    }

    /** The entries-written figure of the trace file's header, or -1 when it has none. */
    public long entriesWritten() {
        return entriesWritten;
    }

    /**
     * Events the ring buffer overwrote or dropped: entries-written minus entries-in-buffer of the header, plus
     * every {@code CPU:N [LOST M EVENTS]} line. Nonzero means the trace is not complete from its start.
     */
    public long lostEvents() {
        long overwritten = entriesWritten >= 0 && entriesInBuffer >= 0 ? entriesWritten - entriesInBuffer : 0;
        return overwritten + lostEvents;
    }

    /** The CPU count the header gives ({@code #P:N}, or trace-cmd's {@code cpus=N}), or -1. */
    public int cpus() {
        return cpus;
    }

    /** trace-cmd report's {@code version = N} (the trace.dat version it read), or -1. */
    public int version() {
        return version;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean advance() {
        boolean more;
        try {
            more = lines.next();
        } catch (IOException e) {
            throw error(lines.number() + 1, UNREADABLE_GZIP + e.getMessage());
        } catch (Malformed m) {
            throw error(lines.number() + 1, m.getMessage());
        }
        if (!more && lines.number() == 0) {
            throw error(0, "empty trace");
        }
        return more;
    }

    /** The first line must be text: a NUL or other control byte means binary data (a trace.dat, a core file). */
    private void requireText(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw error(1, "binary data, not an ftrace text trace");
            }
        }
    }

    /** Reads one line: an event into {@code e} (true), or a header line (false). */
    private boolean readEvent(TraceEvent e, byte[] b, int from, int to) {
        int p = Text.skipSpaces(b, from, to);
        if (p == to) {
            return false;
        }
        if (b[p] == '#') {
            if (Text.startsWith(b, p, to, ENTRIES)) {
                readEntries(b, p + ENTRIES.length, to);
            } else if (Text.startsWith(b, p, to, TRACER)) {
                requireNop(b, Text.skipSpaces(b, p + TRACER.length, to), to);
            }
            return false;
        }
        if ((b[p] == 'v' || b[p] == 'c' || b[p] == 'C') && readReportHeader(b, p, to)) {
            return false;
        }
        e.clear();
        e.position = lines.number();
        int bracket = readTaskInKernelColumns(e, b, from, p, to);
        if (bracket < 0) {
            bracket = cpuColumn(b, p, to);
            readTask(e, b, p, bracket);
        }
        int close = bracket + 1;
        while (close < to && b[close] != ']') {
            close++;
        }
        if (close == to) {
            throw new Malformed(NO_CPU_COLUMN);
        }
        int cpu = (int) Numbers.decimal(b, bracket + 1, close, "cpu");
        e.cpu = cpu;
        int stampColon = close + KERNEL_STAMP_END;
        long fixed = stampColon + 1 < to && b[close + 1] == ' ' && b[close + KERNEL_FLAGS_END] == ' '
                && b[stampColon] == ':' && b[stampColon + 1] == ' '
                ? Numbers.fixedTimeNs(b, close + KERNEL_FLAGS_END + 1, stampColon) : -1;
        int n;
        if (fixed >= 0) {
            e.timeNs = fixed;
            n = stampColon + 2;
        } else {
            int t = Text.skipSpaces(b, close + 1, to);
            int tEnd = Text.nextSpace(b, t, to);
            if (tEnd == t) {
                throw new Malformed("no time stamp");
            }
            if (b[tEnd - 1] != ':') {
                t = Text.skipSpaces(b, tEnd, to);
                tEnd = Text.nextSpace(b, t, to);
                if (tEnd == t || b[tEnd - 1] != ':') {
                    throw new Malformed("no time stamp");
                }
            }
            e.timeNs = Numbers.timeNs(b, t, tEnd - 1);
            n = Text.skipSpaces(b, tEnd, to);
        }
        int nameId = names.lastFollowedBy(b, n, to, (byte) ':');
        int nEnd;
        if (nameId >= 0) {
            nEnd = n + names.key(nameId).length;
        } else {
            nEnd = Text.find(b, n, to, (byte) ':');
            if (nEnd <= n || Text.nextSpace(b, n, nEnd) != nEnd) {
                throw new Malformed("no event name");
            }
            nameId = names.intern(b, n, nEnd);
        }
        e.name = names.string(nameId);
        e.kind = kind(nameId);
        int f = Text.skipSpaces(b, nEnd + 1, to);
        switch (e.kind) {
            case OTHER -> {
            }
            case MARKER -> e.text = markerText(b, f, to);
            case COMPACTION, VMSCAN -> e.text = new String(b, f, to - f, StandardCharsets.UTF_8);
            default -> fields.decode(e, b, f, to);
        }
        checkTimeOrder(cpu, e.timeNs);
        return true;
    }

    /**
     * The text written to trace_marker. The trace file prints a print event as {@code tracing_mark_write: TEXT}
     * (the symbol of its ip as the name, print_print() in trace_output.c); trace-cmd report prints it as
     * {@code print: tracing_mark_write: TEXT}. Both give TEXT.
     */
    private static String markerText(byte[] b, int from, int to) {
        int f = Text.startsWith(b, from, to, MARK_WRITE) ? Text.skipSpaces(b, from + MARK_WRITE.length, to) : from;
        return new String(b, f, to - f, StandardCharsets.UTF_8);
    }

    private TraceEventKind kind(int nameId) {
        if (nameId >= kindOfName.length) {
            kindOfName = Arrays.copyOf(kindOfName, Math.max(nameId + 1, kindOfName.length * 2));
        }
        TraceEventKind k = kindOfName[nameId];
        if (k == null) {
            k = TraceEventKind.of(names.string(nameId));
            kindOfName[nameId] = k;
        }
        return k;
    }

    /** The '[' of the {@code [cpu]} column: the first " [digits] " of the line. */
    private static int cpuColumn(byte[] b, int from, int to) {
        for (int i = from + 1; i < to - 2; i++) {
            if (b[i] == '[' && (b[i - 1] == ' ' || b[i - 1] == '\t') && b[i + 1] >= '0' && b[i + 1] <= '9') {
                int j = i + 1;
                while (j < to && b[j] >= '0' && b[j] <= '9') {
                    j++;
                }
                if (j < to && b[j] == ']') {
                    return i;
                }
            }
        }
        throw new Malformed(NO_CPU_COLUMN);
    }

    /**
     * The task and the cpu column where trace_print_context() puts them, {@code "%16s-%-7d [%03d] "}: the dash at
     * 16 and '[' at 25. Returns the '[' or, for any other layout (a long name or pid, a tgid column, trace-cmd's
     * narrower columns), -1 and reads nothing.
     */
    private int readTaskInKernelColumns(TraceEvent e, byte[] b, int from, int p, int to) {
        int dash = from + KERNEL_DASH;
        int open = from + KERNEL_CPU;
        if (to - from <= KERNEL_CPU + 2 || b[open] != '[' || b[dash] != '-' || p > dash) {
            return -1;
        }
        int i = dash + 1;
        int pid = 0;
        while (i < open && b[i] >= '0' && b[i] <= '9') {
            pid = pid * 10 + b[i] - '0';
            i++;
        }
        if (i == dash + 1) {
            return -1;
        }
        while (i < open && b[i] == ' ') {
            i++;
        }
        if (i != open) {
            return -1;
        }
        e.pid = pid;
        e.comm = comms.string(comms.intern(b, p, dash));
        return open;
    }

    /** {@code comm-pid} before the cpu column, with an optional {@code (tgid)} column after it. */
    private void readTask(TraceEvent e, byte[] b, int from, int bracket) {
        int end = trimEnd(b, from, bracket);
        if (end > from && b[end - 1] == ')') {
            int open = end - 1;
            while (open > from && b[open] != '(') {
                open--;
            }
            end = trimEnd(b, from, open);
        }
        int dash = end - 1;
        while (dash >= from && b[dash] != '-') {
            dash--;
        }
        if (dash < from) {
            throw new Malformed("no pid in the task column");
        }
        e.pid = (int) Numbers.decimal(b, dash + 1, end, "pid");
        e.comm = comms.string(comms.intern(b, from, dash));
    }

    private static int trimEnd(byte[] b, int from, int to) {
        int end = to;
        while (end > from && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    private void checkTimeOrder(int cpu, long timeNs) {
        if (cpu >= lastTimeOnCpu.length) {
            int old = lastTimeOnCpu.length;
            lastTimeOnCpu = Arrays.copyOf(lastTimeOnCpu, Math.max(cpu + 1, old * 2));
            Arrays.fill(lastTimeOnCpu, old, lastTimeOnCpu.length, Long.MIN_VALUE);
        }
        long last = lastTimeOnCpu[cpu];
        if (timeNs < last) {
            throw new Malformed("time goes back on CPU " + cpu + ": " + seconds(timeNs) + " after " + seconds(last)
                    + " (a trace must be in time order on each CPU)");
        }
        lastTimeOnCpu[cpu] = timeNs;
    }

    private static String seconds(long ns) {
        return String.format("%d.%09d", ns / 1_000_000_000L, ns % 1_000_000_000L);
    }

    /** Only the nop tracer's trace holds nothing but event lines; the function tracers print other columns. */
    private static void requireNop(byte[] b, int from, int to) {
        if (!Text.equals(b, from, Text.nextSpace(b, from, to), NOP)) {
            throw new Malformed("tracer " + Text.of(b, from, to) + ": only the event lines of the nop tracer are read",
                    true);
        }
    }

    /** {@code IN/WRITTEN   #P:N} after "# entries-in-buffer/entries-written:". */
    private void readEntries(byte[] b, int from, int to) {
        int p = Text.skipSpaces(b, from, to);
        int slash = p;
        while (slash < to && b[slash] != '/') {
            slash++;
        }
        int wEnd = Text.nextSpace(b, slash, to);
        if (slash == to) {
            throw new Malformed("bad entries-in-buffer/entries-written line");
        }
        entriesInBuffer = Numbers.decimal(b, p, slash, "entries-in-buffer");
        entriesWritten = Numbers.decimal(b, slash + 1, wEnd, "entries-written");
        int c = Text.skipSpaces(b, wEnd, to);
        if (to - c > 3 && b[c] == '#' && b[c + 1] == 'P' && b[c + 2] == ':') {
            cpus = (int) Numbers.decimal(b, c + 3, Text.nextSpace(b, c + 3, to), "#P");
        }
    }

    /** trace-cmd report's header lines, and the LOST lines of the trace file and trace_pipe. */
    private boolean readReportHeader(byte[] b, int p, int to) {
        if (Text.startsWith(b, p, to, VERSION)) {
            version = (int) Numbers.decimal(b, p + VERSION.length, to, "version");
            if (version != 6 && version != 7) {
                throw new Malformed("trace-cmd file version " + version + ": only versions 6 and 7 are read", true);
            }
            return true;
        }
        if (Text.startsWith(b, p, to, CPUS)) {
            cpus = (int) Numbers.decimal(b, p + CPUS.length, to, "cpus");
            return true;
        }
        if (Text.startsWith(b, p, to, CPU) && endsWith(b, p, to, IS_EMPTY)) {
            Numbers.decimal(b, p + CPU.length, to - IS_EMPTY.length, "cpu");
            return true;
        }
        if (Text.startsWith(b, p, to, LOST_CPU) && endsWith(b, p, to, EVENTS)) {
            int l = p + LOST_CPU.length;
            while (l < to && b[l] != ' ') {
                l++;
            }
            if (!Text.startsWith(b, l, to, LOST)) {
                throw new Malformed("bad LOST EVENTS line");
            }
            lostEvents += Numbers.decimal(b, l + LOST.length, to - EVENTS.length, "lost events");
            return true;
        }
        return false;
    }

    private static boolean endsWith(byte[] b, int from, int to, byte[] suffix) {
        return to - from >= suffix.length && Text.startsWith(b, to - suffix.length, to, suffix);
    }

    private InputError error(long line, String problem) {
        return InputError.at(fileName, (int) Math.min(line, Integer.MAX_VALUE), problem);
    }
}
