package org.mmsim.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, fonts or images) with the headline
 * figures, a generated account of what happened, and charts over time: free pages per order and, on a log axis,
 * against the watermarks per zone, the order-9 fragmentation indices, the reclaim/compaction/THP/OOM counters
 * (one chart per magnitude, {@link CounterGroups}), per-process RSS and slab pages; and pictures of physical
 * memory (one square per pageblock, or per run of pageblocks on a large machine ({@link PictureCells}), coloured
 * by migratetype, lighter the more of it is free) at the start, the worst moment ({@link WorstMoment}) and the
 * end. A section whose data the run lacks (no file written, no slab cache, no notes, no picture) is left out.
 */
public final class HtmlReport {
    private static final String HOLE_COLOR = "#e8e8e8";
    private static final String[] MT_COLORS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#7f7f7f"};
    private static final String CSS = "body{font-family:sans-serif;margin:24px;color:#222;max-width:1160px}"
            + "h1{font-size:24px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ccc}h3{font-size:15px}"
            + "table{border-collapse:collapse}th{white-space:nowrap}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left}"
            + ".chart{display:block;margin:8px 0 18px 0}.ct{font-size:15px;font-weight:bold}"
            + ".yt{font-size:11px;text-anchor:end}.xt{font-size:11px;text-anchor:middle}"
            + ".xl{font-size:12px;text-anchor:middle}.lg{font-size:12px}.grid{stroke:#e4e4e4}.tick{stroke:#555}"
            + ".frame{fill:none;stroke:#555}.note{color:#555;font-size:13px}.story{font-size:14px;line-height:1.5}";

    private HtmlReport() {
    }

    public static String render(RunData d) {
        List<Sample> s = d.samples();
        double[] t = new double[s.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = s.get(i).timeNs() / 1e9;
        }
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mmsim run: ")
                .append(Html.esc(d.scenario().name())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<h1>mmsim run: ").append(Html.esc(d.scenario().name())).append("</h1>\n");
        headline(b, d);
        b.append("<h2>What happened</h2>\n<div class=\"story\">").append(Story.text(d)).append("</div>\n");

        b.append("<h2>Free memory per zone</h2>\n");
        for (int z = 0; z < d.zones().size(); z++) {
            int zi = z;
            SvgChart byOrder = new SvgChart(d.zones().get(z) + ": free pages by order of the free block (stacked)",
                    "simulated time (s)", "free pages (4 KiB)", t, true);
            int orders = s.get(0).nrFree()[z].length;
            for (int o = 0; o < orders; o++) {
                int oo = o;
                byOrder.add("order " + o, series(s, x -> (double) (x.nrFree()[zi][oo] << oo)));
            }
            b.append(byOrder.render()).append('\n');
            SvgChart wm = new SvgChart(d.zones().get(z) + ": free pages against the watermarks (log scale)",
                    "simulated time (s)", "pages (4 KiB), log scale", t, false).logY();
            wm.add("free", series(s, x -> (double) x.freePages()[zi]), "#1f77b4", false);
            wm.add("high", series(s, x -> (double) x.watermarks()[zi][2]), "#2ca02c", true);
            wm.add("low", series(s, x -> (double) x.watermarks()[zi][1]), "#ff7f0e", true);
            wm.add("min", series(s, x -> (double) x.watermarks()[zi][0]), "#d62728", true);
            b.append(wm.render()).append('\n');
        }

        b.append("<h2>Fragmentation at order 9 (2 MiB)</h2>\n<p class=\"note\">extfrag_index: -1 means a free"
                + " order-9 block exists (the allocation would succeed); towards 0 a failure would be for lack of"
                + " memory, towards 1 for fragmentation. unusable_index: the fraction of free memory in blocks"
                + " smaller than order 9.</p>\n");
        SvgChart ef = new SvgChart("extfrag_index at order 9 per zone", "simulated time (s)", "index", t, false)
                .yRange(-1, 1);
        SvgChart un = new SvgChart("unusable_index at order 9 per zone", "simulated time (s)", "index", t, false)
                .yRange(0, 1);
        for (int z = 0; z < d.zones().size(); z++) {
            int zi = z;
            ef.add(d.zones().get(z), series(s, x -> x.extfrag9()[zi] / 1000.0));
            un.add(d.zones().get(z), series(s, x -> x.unusable9()[zi] / 1000.0));
        }
        b.append(ef.render()).append('\n').append(un.render()).append('\n');

        b.append("<h2>Reclaim, compaction, THP and OOM counters</h2>\n<p class=\"note\">Cumulative /proc/vmstat"
                + " counters, one chart per magnitude: a chart's counters end within a factor of "
                + CounterGroups.SPREAD + " of each other.</p>\n");
        CounterGroups groups = CounterGroups.of(RunRecorder.CHARTED_COUNTERS, s.get(s.size() - 1).counters());
        for (CounterGroups.Group g : groups.groups()) {
            SvgChart counters = new SvgChart("vmstat counters ending at " + SvgChart.fmt(g.smallest())
                    + (g.smallest() == g.largest() ? "" : " to " + SvgChart.fmt(g.largest())) + " (cumulative)",
                    "simulated time (s)", "events / pages", t, false);
            for (String c : g.finals().keySet()) {
                counters.add(c, series(s, x -> (double) x.counters().get(c)));
            }
            b.append(counters.render()).append('\n');
        }
        if (!groups.zeros().isEmpty()) {
            b.append("<p class=\"note\">Stayed 0 through the run: ").append(String.join(", ", groups.zeros()))
                    .append(".</p>\n");
        }

        if (s.get(s.size() - 1).counters().getOrDefault("nr_dirtied", 0L) > 0) {
            b.append("<h2>Page cache and writeback</h2>\n<p class=\"note\">Dirty pages wait for the flusher;"
                    + " background writeback starts above the background threshold, and writers wait at the dirty"
                    + " threshold (both move with free and file memory).</p>\n");
            SvgChart wb = new SvgChart("page cache, dirty and writeback pages", "simulated time (s)", "pages (4 KiB)",
                    t, false);
            for (String c : RunRecorder.WRITEBACK_LEVELS) {
                wb.add(c, series(s, x -> (double) x.counters().getOrDefault(c, 0L)));
            }
            b.append(wb.render()).append('\n');
        }

        PageblockPicture any = anyPicture(d);
        if (any != null) {
            int k = blocksPerCell(d);
            b.append("<h2>Physical memory by pageblock</h2>\n<p class=\"note\">")
                    .append(k == 1 ? "One square per pageblock (2 MiB), coloured by its migratetype; the lighter the"
                            + " square, the more of it is free"
                            : "One square per " + k + " pageblocks (" + k * 2 + " MiB), coloured by the migratetype"
                            + " most of them have; the lighter the square, the more of them is free")
                    .append(" (white rim: fully free). Worst moment: lowest free memory (the earliest such snapshot),"
                            + " at ")
                    .append(fmtS(d.worstAtNs())).append(".</p>\n");
            legend(b, any.typeNames());
            for (String moment : List.of("start", "worst", "end")) {
                PageblockPicture[] pics = d.pictures().get(moment);
                if (pics == null) {
                    continue;
                }
                b.append("<h3>").append(moment.equals("worst") ? "worst moment (" + fmtS(d.worstAtNs()) + ")" : moment)
                        .append("</h3>\n");
                for (PageblockPicture p : pics) {
                    b.append(picture(p, k));
                }
            }
        }

        Set<String> procs = new LinkedHashSet<>();
        Set<String> caches = new LinkedHashSet<>();
        for (Sample x : s) {
            procs.addAll(x.rssPages().keySet());
            caches.addAll(x.slabPages().keySet());
        }
        b.append("<h2>Processes</h2>\n");
        if (procs.isEmpty()) {
            b.append("<p class=\"note\">No process ran.</p>\n");
        } else {
            SvgChart rss = new SvgChart("resident set size per process", "simulated time (s)", "RSS (MiB)", t, false);
            for (String p : procs) {
                rss.add(p, series(s, x -> x.rssPages().getOrDefault(p, 0L) / 256.0));
            }
            b.append(rss.render()).append('\n');
        }
        if (!caches.isEmpty()) {
            b.append("<h2>Slab</h2>\n");
            SvgChart slab = new SvgChart("slab pages per cache", "simulated time (s)", "pages (4 KiB)", t, false);
            for (String c : caches) {
                slab.add(c, series(s, x -> (double) x.slabPages().getOrDefault(c, 0L)));
            }
            b.append(slab.render()).append('\n');
        }
        if (!d.notes().isEmpty()) {
            b.append("<h2>Notes from the simulation</h2>\n<table><tr><th>time (s)</th><th>note</th></tr>\n");
            for (String[] n : d.notes()) {
                b.append("<tr><td>").append(n[0]).append("</td><td>").append(Html.esc(n[1])).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String fmtS(long ns) {
        return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
    }

    private static void headline(StringBuilder b, RunData d) {
        Map<String, Object> f = Summary.figures(d);
        b.append("<table>\n");
        row(b, "machine", d.scenario().machine() + " (" + d.arch() + ")");
        row(b, "seed / duration", d.scenario().seed() + " / " + fmtS(d.scenario().durationNs()));
        row(b, "free pages: final / minimum", f.get("final_free_pages") + " / " + f.get("min_free_pages") + " (at "
                + f.get("min_free_at_s") + " s, the worst moment)");
        Sample last = d.samples().get(d.samples().size() - 1);
        Map<String, Long> c = last.counters();
        row(b, "THP faults: huge page / fallback", c.get("thp_fault_alloc") + " / " + c.get("thp_fault_fallback"));
        Map<?, ?> compaction = (Map<?, ?>) f.get("compaction");
        StringBuilder cv = new StringBuilder();
        for (Map.Entry<?, ?> e : compaction.entrySet()) {
            cv.append(cv.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        row(b, "compaction and migration (vmstat)", cv.toString());
        row(b, "pages scanned: kswapd / direct reclaim", c.get("pgscan_kswapd") + " / " + c.get("pgscan_direct"));
        row(b, "OOM kills", String.valueOf(c.get("oom_kill")));
        Map<?, ?> w = (Map<?, ?>) f.get("worst_extfrag_order9");
        row(b, "highest extfrag_index at order 9", String.format(Locale.ROOT, "%.3f in %s at %.3f s", w.get("index"),
                w.get("zone"), w.get("at_s")));
        b.append("</table>\n");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Html.esc(k)).append("</th><td>").append(Html.esc(v)).append("</td></tr>\n");
    }

    /** A picture of any moment and zone (they share the migratetype names), or null when the run has none. */
    private static PageblockPicture anyPicture(RunData d) {
        for (PageblockPicture[] pics : d.pictures().values()) {
            if (pics.length > 0) {
                return pics[0];
            }
        }
        return null;
    }

    private static void legend(StringBuilder b, String[] names) {
        b.append("<svg width=\"900\" height=\"28\">");
        int x = 0;
        for (int mt = 0; mt < names.length; mt++) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"14\" height=\"14\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"18\" class=\"lg\">%s</text>", x, MT_COLORS[mt % MT_COLORS.length], x + 18,
                    Html.esc(names[mt])));
            x += 115;
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"14\" height=\"14\" fill=\"%s\""
                + " fill-opacity=\"0.25\"/><text x=\"%d\" y=\"18\" class=\"lg\">light = mostly free</text>", x,
                MT_COLORS[1], x + 18));
        x += 160;
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"14\" height=\"14\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"18\" class=\"lg\">no memory (hole)</text>", x, HOLE_COLOR, x + 18));
        b.append("</svg>\n");
    }

    /** The pageblocks per square for the run's pictures: one count for every moment, from the largest. */
    private static int blocksPerCell(RunData d) {
        long most = 0;
        for (PageblockPicture[] pics : d.pictures().values()) {
            long blocks = 0;
            for (PageblockPicture p : pics) {
                blocks += p.migratetypes().length;
            }
            most = Math.max(most, blocks);
        }
        return PictureCells.blocksPerCell(most);
    }

    private static String picture(PageblockPicture picture, int k) {
        PictureCells p = PictureCells.of(picture, k);
        int blocks = picture.migratetypes().length;
        int n = p.migratetypes().length;
        int cell = n > 4096 ? 5 : n > 1024 ? 8 : 12;
        int cols = Math.max(1, Math.min(n, 1100 / cell));
        int rows = (n + cols - 1) / cols;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<div class=\"note\">%s: %d pageblocks from pfn 0x%x%s</div>"
                + "<svg width=\"%d\" height=\"%d\">", Html.esc(picture.zone()), blocks, picture.startPfn(),
                k == 1 ? "" : String.format(Locale.ROOT, ", %d square%s of %d", n, n == 1 ? "" : "s", k), cols * cell,
                rows * cell));
        for (int i = 0; i < n; i++) {
            int mt = p.migratetypes()[i];
            String color = mt == PageblockPicture.HOLE ? HOLE_COLOR : MT_COLORS[mt % MT_COLORS.length];
            double opacity = mt == PageblockPicture.HOLE ? 1.0 : 1.0 - 0.8 * p.freeFraction()[i];
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\""
                    + " fill-opacity=\"%.2f\"/>", (i % cols) * cell, (i / cols) * cell, cell - 1, cell - 1, color,
                    opacity));
        }
        return b.append("</svg>\n").toString();
    }

    private interface Value {
        double of(Sample s);
    }

    private static double[] series(List<Sample> s, Value v) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.of(s.get(i));
        }
        return out;
    }
}
