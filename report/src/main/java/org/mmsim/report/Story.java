package org.mmsim.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mmsim.proc.frag.FragmentationIndex;

/**
 * The report's few generated sentences about a run, from its scenario, samples, counters and notes: the free
 * memory and its worst moment ({@link WorstMoment}, as summary.json's min_free_at_s and the worst pageblock
 * picture), the watermarks crossed, THP, compaction and migration by their vmstat counters (as summary.json has
 * them), reclaim, slab, writeback, OOM kills, the highest order-9 fragmentation index, and every workload entry
 * ({@link WorkloadStory}). A zone's free pages
 * are compared with the watermarks of the same snapshot: they include watermark_boost (as min_wmark_pages()
 * does), so they move during a run. Only an extfrag_index of exactly -1.000 means an order-9 block was free: 0
 * (nothing free) and the small negative values __fragmentation_index() gives for a few large free blocks are
 * failures for lack of memory.
 */
final class Story {
    private Story() {
    }

    static String text(RunData d) {
        List<Sample> s = d.samples();
        Sample first = s.get(0);
        Sample last = s.get(s.size() - 1);
        Map<String, Object> f = Summary.figures(d);
        StringBuilder b = new StringBuilder("<p>");
        b.append(String.format(Locale.ROOT, "Over %.1f simulated seconds on %s, free memory went from %s to %s"
                + " (lowest %s at %.1f s, the worst moment). ", d.scenario().durationNs() / 1e9,
                Html.esc(d.scenario().machine()),
                mib(first.totalFree()), mib(last.totalFree()), mib((Long) f.get("min_free_pages")),
                (Double) f.get("min_free_at_s")));
        for (int z = 0; z < d.zones().size(); z++) {
            boolean belowMin = false;
            boolean belowLow = false;
            for (Sample x : s) {
                long[] wm = x.watermarks()[z];
                belowMin |= x.freePages()[z] < wm[0];
                belowLow |= x.freePages()[z] < wm[1];
            }
            if (belowMin) {
                b.append(Html.esc(d.zones().get(z))).append(" fell below its min watermark. ");
            } else if (belowLow) {
                b.append(Html.esc(d.zones().get(z))).append(" fell below its low watermark (kswapd territory). ");
            }
        }
        long thpOk = last.counters().get("thp_fault_alloc");
        long thpFb = last.counters().get("thp_fault_fallback");
        if (thpOk + thpFb > 0) {
            b.append(String.format(Locale.ROOT, "%d of %d huge-page faults got a huge page (%d fell back). ", thpOk,
                    thpOk + thpFb, thpFb));
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> compaction = (Map<String, Long>) f.get("compaction");
        long stall = compaction.get("compact_stall");
        if (stall > 0) {
            b.append(String.format(Locale.ROOT, "Direct compaction stalled %d times (%d successes, %d failures). ",
                    stall, compaction.get("compact_success"), compaction.get("compact_fail")));
        }
        long wakes = compaction.get("compact_daemon_wake");
        if (wakes > 0) {
            b.append(String.format(Locale.ROOT, "kcompactd woke %d times (compact_daemon_wake) and scanned %d pages"
                    + " to migrate (compact_daemon_migrate_scanned). ", wakes,
                    compaction.get("compact_daemon_migrate_scanned")));
        }
        long migrated = compaction.get("pgmigrate_success");
        if (migrated + compaction.get("pgmigrate_fail") > 0) {
            b.append(String.format(Locale.ROOT, "%d pages were migrated (pgmigrate_success) and %d failed to"
                    + " migrate (pgmigrate_fail). ", migrated, compaction.get("pgmigrate_fail")));
        }
        long kswapd = last.counters().get("pgscan_kswapd");
        long direct = last.counters().get("pgscan_direct");
        if (kswapd + direct > 0) {
            b.append(String.format(Locale.ROOT, "Reclaim scanned %d pages in kswapd and %d in direct reclaim. ", kswapd,
                    direct));
        }
        Sample slabPeak = s.get(0);
        for (Sample x : s) {
            if (slab(x) > slab(slabPeak)) {
                slabPeak = x;
            }
        }
        if (slab(slabPeak) > 0) {
            b.append(String.format(Locale.ROOT, "Slab peaked at %s at %.1f s (%s reclaimable, %s unreclaimable) and"
                    + " ended at %s. ", mib(slab(slabPeak)), slabPeak.timeNs() / 1e9,
                    mib(slabPeak.counters().getOrDefault("nr_slab_reclaimable", 0L)),
                    mib(slabPeak.counters().getOrDefault("nr_slab_unreclaimable", 0L)), mib(slab(last))));
        }
        long dirtied = last.counters().getOrDefault("nr_dirtied", 0L);
        if (dirtied > 0) {
            b.append(String.format(Locale.ROOT, "Writers dirtied %s of page cache; the flusher wrote %s back, and %s"
                    + " was still dirty at the end. ", mib(dirtied), mib(last.counters().getOrDefault("nr_written", 0L)),
                    mib(last.counters().getOrDefault("nr_dirty", 0L))));
        }
        long oom = last.counters().get("oom_kill");
        if (oom > 0) {
            b.append(String.format(Locale.ROOT, "The OOM killer killed %d process(es). ", oom));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> worst = (Map<String, Object>) f.get("worst_extfrag_order9");
        double idx = (Double) worst.get("index");
        if (idx > FragmentationIndex.ALLOCATION_WOULD_SUCCEED / 1000.0) {
            b.append(String.format(Locale.ROOT, "The highest order-9 extfrag_index was %.3f (%.1f s, %s): an order-9"
                    + " allocation would have failed then, %s. ", idx, (Double) worst.get("at_s"),
                    Html.esc(String.valueOf(worst.get("zone"))),
                    idx > 0.5 ? "for fragmentation, not lack of memory" : "mostly for lack of memory"));
        } else {
            b.append("An order-9 block stayed free in every zone at every snapshot. ");
        }
        b.append("</p>").append(WorkloadStory.text(d));
        if (!d.notes().isEmpty()) {
            b.append("<ul>");
            for (String[] n : d.notes()) {
                b.append("<li>").append(n[0]).append(" s: ").append(Html.esc(n[1])).append("</li>");
            }
            b.append("</ul>");
        }
        return b.toString();
    }

    /** Slab pages of both kinds (meminfo's Slab). */
    private static long slab(Sample x) {
        return x.counters().getOrDefault("nr_slab_reclaimable", 0L)
                + x.counters().getOrDefault("nr_slab_unreclaimable", 0L);
    }

    /** Pages (4 KiB) in MiB, or in GiB from 10 GiB on (a 1 TiB machine's free memory). */
    static String mib(long pages) {
        return pages >= 10L << 18 ? String.format(Locale.ROOT, "%.1f GiB", pages / 262144.0)
                : String.format(Locale.ROOT, "%.1f MiB", pages / 256.0);
    }
}
