package org.mmsim.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.boot.spec.DmesgImporter;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.model.BootResidueMeminfo;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.report.Html;
import org.mmsim.report.RunOutput;
import org.mmsim.trace.input.TraceFiles;
import org.mmsim.trace.TraceReader;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.trace.replay.BootStages;
import org.mmsim.trace.replay.BootTimes;
import org.mmsim.trace.replay.Buddyinfo;
import org.mmsim.trace.replay.ForcedReplay;
import org.mmsim.trace.replay.Inconsistency;
import org.mmsim.trace.replay.InconsistencyExample;
import org.mmsim.trace.replay.ModelReplay;
import org.mmsim.trace.replay.Pagetypeinfo;
import org.mmsim.trace.replay.ReplaySink;
import org.mmsim.trace.replay.StartState;
import org.mmsim.trace.replay.TraceReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmsim replay}: a real kernel kmem trace replayed on the model of the trace's machine (booted from its
 * dmesg), forced (the kernel's own choices, checked event by event) or through the model's allocator. Writes,
 * like {@code mmsim run}, one output directory atomically: proc/ snapshots at the trace's markers, summary.json
 * with the replay figures, and report.html with the agreement at each marker. Bad input is one line and exit
 * status 2, with nothing left behind.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a kernel kmem trace (ftrace text, gzipped or not) on the model of its machine and "
                + "write proc/ snapshots at its markers, summary.json and report.html."})
public final class ReplayCommand implements Callable<Integer> {
    private static final List<String> PROC = List.of("buddyinfo", "pagetypeinfo");
    private static final int EXAMPLES = 20;
    private static final String TRACE_INIT = "trace-init";
    /** What the trace's event positions count ("line", or "offset" in a trace.dat). */
    private String positionUnit = "line";
    /** The first marker the replay met, whose snapshot may be DIR's own files. */
    private String firstMarker;

    @Parameters(paramLabel = "TRACE", description = "the trace: ftrace text as the trace file or trace-cmd report print it")
    Path trace;

    @Option(names = "--from-dmesg", required = true, paramLabel = "DMESG", description = "the traced machine's boot log")
    Path dmesg;

    @Option(names = "--iomem", paramLabel = "FILE", description = "its /proc/iomem (default: an 'iomem' file beside the dmesg)")
    Path iomem;

    @Option(names = "--meminfo", paramLabel = "MEMINFO", description = "a meminfo of the machine: the memory in use at boot")
    Path meminfo;

    @Option(names = "--mode", paramLabel = "forced|model", description = "forced (default) or model")
    String mode = "forced";

    @Option(names = "--start", paramLabel = "MARKER",
            description = {"replay from this trace marker (e.g. frag/after-punch) instead of the first event;",
                "trace-init: the trace is complete from trace_init() (trace_event= on the kernel command line) and the "
                        + "replay starts from the model's boot to mem_init() plus the allocations no event shows, "
                        + "counted from --zoneinfo"})
    String start;

    @Option(names = "--zoneinfo", paramLabel = "FILE",
            description = "with --start trace-init: a zoneinfo read at --zoneinfo-marker (default: a 'zoneinfo' file "
                    + "beside the dmesg)")
    Path zoneinfo;

    @Option(names = "--zoneinfo-marker", paramLabel = "MARKER",
            description = "the marker the zoneinfo was read at (default: the trace's first marker)")
    String zoneinfoMarker;

    @Option(names = "--snapshots", paramLabel = "DIR",
            description = "the kernel's /proc snapshots, DIR/MARKER/buddyinfo (DIR/buddyinfo for the trace's first "
                    + "marker): the start state is matched to the start marker's, and the model is compared at every "
                    + "marker that has one")
    Path snapshots;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: mmsim-replay)")
    Path out = Path.of("mmsim-replay");

    @Option(names = "--lenient", description = "count and skip malformed lines instead of stopping at the first")
    boolean lenient;

    /** One marker's figures. */
    private record MarkerPoint(String name, double timeS, long inconsistencies, double samePfn, double buddyError,
            double pagetypeError) {
    }

    @Override
    public Integer call() {
        if (!mode.equals("forced") && !mode.equals("model")) {
            throw new InputError("--mode must be forced or model, not " + mode);
        }
        requireFile(trace);
        requireFile(dmesg);
        if (meminfo != null) {
            requireFile(meminfo);
        }
        RunOutput.check(out);
        Path io = iomem;
        if (io == null) {
            Path beside = dmesg.toAbsolutePath().getParent().resolve("iomem");
            io = Files.isRegularFile(beside) ? beside : null;
        }
        MachineSpec spec = DmesgImporter.read(dmesg, io);
        BootResidue residue = meminfo == null ? BootResidue.NONE
                : BootResidueMeminfo.read(meminfo, spec.arch().pageShift());
        boolean traceInit = TRACE_INIT.equals(start);
        BootedMachine booted = traceInit ? MemoryInit.bootToMemInit(spec) : MemoryInit.boot(spec, null, residue);
        StartState startState = null;
        if (traceInit) {
            startState = prepareAtTraceInit(booted);
        } else if (start != null) {
            try (TraceReader r = TraceFiles.open(trace, lenient)) {
                startState = StartState.prepare(booted.machine(), r, start, kernelBuddyinfo(start));
            }
        }
        String from = traceInit ? null : start;
        try (RunOutput output = RunOutput.create(out)) {
            Path dir = output.dir();
            ForcedReplay forced = mode.equals("forced") ? new ForcedReplay(booted.machine(), EXAMPLES, from == null) : null;
            ModelReplay model = forced == null ? new ModelReplay(booted.machine()) : null;
            ReplaySink replay = forced != null ? forced : model;
            ReplaySink sink = traceInit ? new BootStages(booted, BootTimes.fromDmesg(lines(dmesg)), replay) : replay;
            List<MarkerPoint> points = new ArrayList<>();
            long applied;
            long skipped;
            try (TraceReader r = TraceFiles.open(trace, lenient)) {
                applied = TraceReplay.run(r, from, sink, (name, t, pos) -> {
                    writeProc(dir.resolve("proc").resolve(name), booted);
                    if (points.isEmpty() && from == null) {
                        firstMarker = name;
                    }
                    Map<String, long[]> kernel = kernelBuddyinfo(name);
                    Pagetypeinfo kernelTypes = kernelPagetypeinfo(name);
                    points.add(new MarkerPoint(name, t / 1e9, forced != null ? forced.inconsistencies() : 0,
                            model != null && model.allocs() > 0 ? (double) model.samePfn() / model.allocs() : 0,
                            kernel == null ? Double.NaN : Buddyinfo.relativeError(Buddyinfo.of(booted.machine()), kernel),
                            kernelTypes == null ? Double.NaN
                                    : Pagetypeinfo.freeError(Pagetypeinfo.of(booted.machine()), kernelTypes)));
                });
                skipped = r.skipped();
                positionUnit = r.positionUnit();
            }
            if (applied < 0) {
                throw InputError.at(trace, 0, "no marker '" + start + "' in the trace");
            }
            writeProc(dir.resolve("proc").resolve("end"), booted);
            write(dir.resolve("summary.json"), summary(applied, skipped, forced, model, startState, points));
            write(dir.resolve("report.html"), html(forced, model, points));
            output.commit();
        }
        System.out.println("mmsim: wrote " + out.resolve("report.html"));
        return 0;
    }

    /**
     * The start at trace_init(): the kernel's free and per-CPU pages from the zoneinfo (read at its marker) tell
     * how many pages the kernel allocated before the first event.
     */
    private StartState prepareAtTraceInit(BootedMachine booted) {
        Path zi = zoneinfo != null ? zoneinfo : dmesg.toAbsolutePath().getParent().resolve("zoneinfo");
        if (!Files.isRegularFile(zi)) {
            throw InputError.at(zi, 0, "--start trace-init needs a zoneinfo (--zoneinfo, or a 'zoneinfo' file beside "
                    + "the dmesg): no such file");
        }
        long kernelFree = StartState.freeAndPerCpu(ZoneInfoFormat.parse(zi.toString(), InputFiles.readText(zi)));
        String marker = zoneinfoMarker;
        if (marker == null) {
            try (TraceReader r = TraceFiles.open(trace, lenient)) {
                marker = TraceReplay.firstMarker(r);
            }
            if (marker == null) {
                throw InputError.at(trace, 0, "--start trace-init needs a marker in the trace where the zoneinfo was read");
            }
        }
        try (TraceReader r = TraceFiles.open(trace, lenient)) {
            StartState s = StartState.atTraceInit(booted, r, marker, kernelFree);
            if (!s.snapshotMarkerSeen()) {
                throw InputError.at(trace, 0, "no marker '" + marker + "' in the trace");
            }
            return s;
        }
    }

    private static List<String> lines(Path f) {
        return InputFiles.readText(f).lines().toList();
    }

    private static void requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw InputError.at(p, 0, "no such file");
        }
    }

    /** The kernel's buddyinfo at a marker, from --snapshots, or null. */
    private Map<String, long[]> kernelBuddyinfo(String marker) {
        String text = snapshot(marker, "buddyinfo");
        try {
            return text == null ? null : Buddyinfo.parse(text);
        } catch (NumberFormatException e) {
            throw InputError.at(snapshotFile(marker, "buddyinfo"), 0, "not a buddyinfo: " + e.getMessage());
        }
    }

    /** The kernel's pagetypeinfo at a marker, from --snapshots, or null. */
    private Pagetypeinfo kernelPagetypeinfo(String marker) {
        String text = snapshot(marker, "pagetypeinfo");
        try {
            return text == null ? null : Pagetypeinfo.parse(text);
        } catch (NumberFormatException e) {
            throw InputError.at(snapshotFile(marker, "pagetypeinfo"), 0,
                    "not a pagetypeinfo: " + e.getMessage());
        }
    }

    /**
     * A snapshot file: DIR/MARKER/NAME; for the trace's first marker, when the replay starts at the trace's first
     * event, DIR/NAME when DIR/MARKER has none (the layout of the oracle cases, whose top-level files are read
     * right after their first marker).
     */
    private Path snapshotFile(String marker, String name) {
        Path f = snapshots.resolve(marker).resolve(name);
        if (!Files.isRegularFile(f) && marker.equals(firstMarker)) {
            return snapshots.resolve(name);
        }
        return f;
    }

    /** The text of a kernel /proc file at a marker, from --snapshots, or null when there is none. */
    private String snapshot(String marker, String name) {
        if (snapshots == null) {
            return null;
        }
        Path f = snapshotFile(marker, name);
        return Files.isRegularFile(f) ? InputFiles.readText(f) : null;
    }

    private static void writeProc(Path dir, BootedMachine booted) {
        ProcFiles files = new ProcFiles(booted, Map.of(), 0);
        for (String name : PROC) {
            write(dir.resolve(name), files.render(name));
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputError.at(file, 0, "cannot write: " + e.getMessage());
        }
    }

    private String summary(long applied, long skipped, ForcedReplay forced, ModelReplay model, StartState s,
            List<MarkerPoint> points) {
        StringBuilder j = new StringBuilder("{\n");
        field(j, "trace", quote(trace.toString()));
        field(j, "mode", quote(mode));
        field(j, "start", start == null ? "null" : quote(start));
        field(j, "events", Long.toString(applied));
        field(j, "skipped_lines", Long.toString(skipped));
        if (s != null) {
            field(j, "start_state", "{\"free_by_trace\": " + s.touchedFree() + ", \"allocated_by_trace\": "
                    + s.touchedAllocated() + ", \"pcp_by_trace\": " + s.touchedPcp() + ", \"filled_to_snapshot\": "
                    + s.filled() + ", \"untraced_allocations\": " + s.untraced() + ", \"freed_to_match\": "
                    + s.freedToMatch() + ", \"taken_to_match\": " + s.takenToMatch() + ", \"pageblocks_retyped\": "
                    + s.retyped() + "}");
        }
        if (forced != null) {
            StringBuilder k = new StringBuilder("{");
            for (Inconsistency i : Inconsistency.values()) {
                k.append(k.length() > 1 ? ", " : "").append(quote(i.name().toLowerCase(Locale.ROOT))).append(": ")
                        .append(forced.count(i));
            }
            field(j, "inconsistencies", Long.toString(forced.inconsistencies()));
            field(j, "inconsistencies_by_kind", k.append('}').toString());
            StringBuilder ex = new StringBuilder("[");
            for (InconsistencyExample x : forced.examples()) {
                ex.append(ex.length() > 1 ? ", " : "").append(quote(x.describe(positionUnit)));
            }
            field(j, "inconsistency_examples", ex.append(']').toString());
            field(j, "resolved_by_first_touch", Long.toString(forced.resolvedByFirstTouch()));
            field(j, "splits_inferred", Long.toString(forced.splitsInferred()));
            field(j, "allocs_pcp", Long.toString(forced.allocsFromPcp()));
            field(j, "allocs_buddy", Long.toString(forced.allocsFromBuddy()));
            field(j, "extfrag", Long.toString(forced.extfragEvents()));
            field(j, "compaction_isolated", Long.toString(forced.isolatedFreepages()));
            field(j, "bulk_taken", Long.toString(forced.bulkTaken()));
        } else {
            field(j, "allocs", Long.toString(model.allocs()));
            field(j, "same_pfn", Long.toString(model.samePfn()));
            field(j, "same_path", Long.toString(model.samePath()));
            field(j, "kernel_pcp", Long.toString(model.kernelPcp()));
            field(j, "model_pcp", Long.toString(model.modelPcp()));
            field(j, "model_failed", Long.toString(model.modelFailed()));
            field(j, "kernel_extfrag", Long.toString(model.kernelExtfrag()));
            field(j, "model_extfrag", Long.toString(model.modelExtfrag()));
            field(j, "start_frees", Long.toString(model.startFrees()));
            field(j, "unmapped_frees", Long.toString(model.unmappedFrees()));
        }
        StringBuilder m = new StringBuilder("[");
        for (MarkerPoint p : points) {
            m.append(m.length() > 1 ? ",\n    " : "\n    ").append("{\"marker\": ").append(quote(p.name()))
                    .append(", \"time_s\": ").append(num(p.timeS())).append(", \"inconsistencies\": ")
                    .append(p.inconsistencies()).append(", \"same_pfn_share\": ").append(num(p.samePfn()))
                    .append(", \"buddyinfo_error\": ").append(Double.isNaN(p.buddyError()) ? "null" : num(p.buddyError()))
                    .append(", \"pagetypeinfo_error\": ")
                    .append(Double.isNaN(p.pagetypeError()) ? "null" : num(p.pagetypeError())).append('}');
        }
        j.append("  \"markers\": ").append(m).append("]\n}\n");
        return j.toString();
    }

    private static void field(StringBuilder j, String name, String value) {
        j.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }

    /** report.html: the figures, and at every marker the buddyinfo error (and the inconsistencies) as a chart. */
    private String html(ForcedReplay forced, ModelReplay model, List<MarkerPoint> points) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>mmsim replay: ")
                .append(Html.esc(trace.getFileName().toString())).append("</title></head><body><h1>mmsim replay, ")
                .append(Html.esc(mode)).append(" mode</h1><p>")
                .append(Html.esc(trace.toString())).append(start == null ? "" : ", from marker " + Html.esc(start))
                .append("</p>");
        if (forced != null) {
            h.append("<p>").append(forced.events()).append(" page events, ").append(forced.inconsistencies())
                    .append(" inconsistencies, ").append(forced.resolvedByFirstTouch())
                    .append(" pages resolved by their first event.</p><ul>");
            for (InconsistencyExample x : forced.examples()) {
                h.append("<li>").append(Html.esc(x.describe(positionUnit))).append("</li>");
            }
            h.append("</ul>");
        } else {
            h.append("<p>").append(model.allocs()).append(" allocations; same pfn ").append(model.samePfn())
                    .append(", same path ").append(model.samePath()).append("; extfrag kernel ")
                    .append(model.kernelExtfrag()).append(", model ").append(model.modelExtfrag()).append(".</p>");
        }
        h.append(chart(points));
        h.append("<table><tr><th>marker</th><th>time s</th><th>buddyinfo error</th><th>pagetypeinfo error</th><th>")
                .append(forced != null ? "inconsistencies" : "same pfn").append("</th></tr>");
        for (MarkerPoint p : points) {
            h.append("<tr><td>").append(Html.esc(p.name())).append("</td><td>").append(num(p.timeS()))
                    .append("</td><td>").append(Double.isNaN(p.buddyError()) ? "" : num(p.buddyError()))
                    .append("</td><td>").append(Double.isNaN(p.pagetypeError()) ? "" : num(p.pagetypeError()))
                    .append("</td><td>").append(forced != null ? Long.toString(p.inconsistencies()) : num(p.samePfn()))
                    .append("</td></tr>");
        }
        return h.append("</table></body></html>\n").toString();
    }

    /** The lowest error the chart's log axis shows, 0.001 %; smaller errors (and exact agreement) sit on it. */
    private static final double CHART_FLOOR = 1e-5;
    private static final int CHART_DECADES = 5;

    /**
     * Agreement over time as inline SVG: the error of the model's buddyinfo (blue) and pagetypeinfo free lists
     * (orange) against the kernel's at each marker with a snapshot, markers in trace order from left to right, on
     * a log axis from 100 % at the top to 0.001 % (or exact) at the bottom, each marker named under its point.
     */
    private static String chart(List<MarkerPoint> points) {
        int w = 900;
        int hgt = 300;
        int left = 70;
        int top = 10;
        int plotW = w - left - 70;
        int plotH = hgt - 130;
        StringBuilder s = new StringBuilder("<h2>Agreement with the kernel's snapshots at the markers</h2>"
                + "<p>|model - kernel| over the kernel's free pages, log scale.</p><svg width=\"")
                .append(w).append("\" height=\"").append(hgt).append("\" viewBox=\"0 0 ").append(w).append(' ')
                .append(hgt).append("\" font-size=\"11\"><rect x=\"").append(left).append("\" y=\"").append(top)
                .append("\" width=\"").append(plotW).append("\" height=\"").append(plotH)
                .append("\" fill=\"none\" stroke=\"#999\"/>");
        String[] ticks = {"100 %", "10 %", "1 %", "0.1 %", "0.01 %", "0.001 %"};
        for (int d = 0; d <= CHART_DECADES; d++) {
            double y = top + (double) plotH * d / CHART_DECADES;
            s.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"#eee\"/><text x=\"5\" y=\"")
                    .append(num(y + 4)).append("\">").append(ticks[d]).append("</text>");
        }
        boolean any = false;
        for (int series = 0; series < 2; series++) {
            String color = series == 0 ? "#1f77b4" : "#ff7f0e";
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                MarkerPoint p = points.get(i);
                double err = series == 0 ? p.buddyError() : p.pagetypeError();
                if (Double.isNaN(err)) {
                    continue;
                }
                double x = left + plotW * (points.size() < 2 ? 0.5 : (double) i / (points.size() - 1));
                double decades = -Math.log10(Math.max(CHART_FLOOR, Math.min(1, err)));
                double y = top + plotH * decades / CHART_DECADES;
                line.append(num(x)).append(',').append(num(y)).append(' ');
                s.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"3\" fill=\"")
                        .append(color).append("\"><title>").append(Html.esc(p.name())).append(": ")
                        .append(String.format(Locale.ROOT, "%.4f %%", err * 100)).append("</title></circle>");
                if (series == 0) {
                    s.append("<text transform=\"translate(").append(num(x + 3)).append(',').append(top + plotH + 8)
                            .append(") rotate(60)\">").append(Html.esc(p.name())).append("</text>");
                }
                any = true;
            }
            s.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" points=\"").append(line)
                    .append("\"/>");
        }
        s.append("<text x=\"").append(left).append("\" y=\"").append(hgt - 5).append("\" fill=\"#1f77b4\">buddyinfo</text>"
                + "<text x=\"").append(left + 100).append("\" y=\"").append(hgt - 5)
                .append("\" fill=\"#ff7f0e\">pagetypeinfo</text>");
        if (!any) {
            s.append("<text x=\"").append(left + 10).append("\" y=\"100\">no kernel snapshot at any marker (give --snapshots)</text>");
        }
        return s.append("</svg>").toString();
    }
}
