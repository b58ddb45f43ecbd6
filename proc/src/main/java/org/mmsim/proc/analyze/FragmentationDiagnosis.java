package org.mmsim.proc.analyze;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoNode;
import org.mmsim.proc.ZoneFreeByType;
import org.mmsim.proc.ZoneBlockCounts;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.proc.frag.ContigPageInfo;
import org.mmsim.proc.frag.FragmentationIndex;
import org.mmsim.proc.frag.FragmentationIndexFormat;

/**
 * A plain-English reading of a machine's free memory for huge-page sized (pageblock order) allocations.
 * It applies the kernel's own tests: a free block of the order means the allocation succeeds
 * ({@code __fragmentation_index() == -1000}); otherwise mm/compaction.c {@code compaction_suitable()}
 * compacts only when the fragmentation index exceeds {@code sysctl_extfrag_threshold} (500 unless the user gives
 * the machine's own), and treats a lower index as a lack of memory, for reclaim. Watermarks are read as mm/page_alloc.c
 * {@code zone_watermark_ok()} and kswapd use them. Without a pagetypeinfo the pageblock order is taken as 9, or
 * MAX_ORDER-1 when that is lower (include/linux/pageblock-flags.h). Sizes in bytes assume 4 KiB pages, so they are
 * given only for a buddyinfo with the 11 orders of such kernels.
 */
public final class FragmentationDiagnosis {
    /** {@code sysctl_extfrag_threshold}'s default. */
    public static final int EXTFRAG_THRESHOLD = 500;
    /** pageblock_order (= HPAGE_PMD_ORDER, COMPACTION_HPAGE_ORDER) with 4 KiB pages. */
    public static final int DEFAULT_ORDER = 9;

    /** Keeps "Node 0 DMA32" on one line when the paragraph is wrapped. */
    private static final char NO_BREAK = '\u00a0';

    private FragmentationDiagnosis() {
    }

    /** The diagnosis paragraph under the default extfrag_threshold; pagetypeinfo and zoneinfo may be null. */
    public static String diagnose(BuddyInfo buddy, PageTypeInfo pagetypes, ZoneInfo zoneinfo) {
        return diagnose(buddy, pagetypes, zoneinfo, EXTFRAG_THRESHOLD);
    }

    /** The diagnosis paragraph under extfrag_threshold {@code threshold} (0..1000). */
    public static String diagnose(BuddyInfo buddy, PageTypeInfo pagetypes, ZoneInfo zoneinfo, int threshold) {
        int order = DEFAULT_ORDER;
        if (pagetypes != null && !pagetypes.nodes().isEmpty()) {
            order = pagetypes.nodes().get(0).pageblockOrder();
        } else if (!buddy.zones().isEmpty()) {
            order = Math.min(order, buddy.zones().get(0).orders() - 1);
        }
        List<String> sentences = new ArrayList<>();
        int failing = 0;
        int fragmented = 0;
        for (ZoneFreeArea z : buddy.zones()) {
            StringBuilder s = new StringBuilder();
            ZoneVerdict v = zoneSentence(s, z, order, threshold);
            if (v != ZoneVerdict.SUCCEEDS) {
                failing++;
            }
            if (v == ZoneVerdict.FRAGMENTED) {
                fragmented++;
            }
            pageblockMix(s, z, pagetypes);
            watermarks(s, z, zoneinfo);
            sentences.add(s.toString());
        }
        StringBuilder summary = new StringBuilder();
        if (failing == 0) {
            summary.append("Overall, every zone can serve order-").append(order).append(" allocations now.");
        } else {
            summary.append("Overall, ").append(failing).append(" of ").append(buddy.zones().size())
                    .append(" zones cannot serve order-").append(order).append(" allocations now; ");
            if (fragmented == failing) {
                summary.append("fragmentation is the cause in all of them, so compaction would help.");
            } else if (fragmented == 0) {
                summary.append("the cause is a lack of free memory, so only reclaim would help.");
            } else {
                summary.append("fragmentation is the cause in ").append(fragmented)
                        .append(" (compaction would help) and a lack of free memory in the others (reclaim).");
            }
        }
        sentences.add(summary.toString());
        String skew = snapshotSkew(buddy, pagetypes);
        if (skew != null) {
            sentences.add(skew);
        }
        return wrap("Diagnosis: " + String.join(" ", sentences), 100);
    }

    private enum ZoneVerdict { SUCCEEDS, FRAGMENTED, SHORT_OF_MEMORY, EMPTY }

    private static ZoneVerdict zoneSentence(StringBuilder s, ZoneFreeArea z, int order, int threshold) {
        long[] nrFree = z.nrFree();
        ContigPageInfo info = ContigPageInfo.of(nrFree, order);
        s.append("Node").append(NO_BREAK).append(z.nodeId()).append(NO_BREAK).append(z.zoneName()).append(": ");
        if (info.freePages() == 0) {
            s.append("no free pages at all, so every allocation from it fails for lack of memory.");
            return ZoneVerdict.EMPTY;
        }
        int largest = -1;
        for (int o = 0; o < nrFree.length; o++) {
            if (nrFree[o] != 0) {
                largest = o;
            }
        }
        long small = info.freePages() - (info.freeBlocksSuitable() << order);
        s.append(info.freePages()).append(" free pages");
        if (z.orders() == BuddyInfoFormat.DEFAULT_ORDERS) {
            s.append(" (").append(mib(info.freePages())).append(')');
        }
        s.append(", the largest free block is order ").append(largest).append("; ")
                .append(small).append(" free pages (").append(FragmentationIndex.extfragForOrder(nrFree, order))
                .append("%) sit in blocks below order ").append(order).append(". ");
        int index = FragmentationIndex.fragmentationIndex(order, info);
        String indexText = FragmentationIndexFormat.thousandths(new StringBuilder(), index, 1).toString();
        String thresholdText = FragmentationIndexFormat.thousandths(new StringBuilder(), threshold, 1).toString();
        if (index == FragmentationIndex.ALLOCATION_WOULD_SUCCEED) {
            s.append("Order-").append(order).append(" allocations succeed from the free lists (")
                    .append(info.freeBlocksSuitable()).append(" free order-").append(order).append(" blocks).");
            return ZoneVerdict.SUCCEEDS;
        }
        if (index > threshold) {
            s.append("Order-").append(order).append(" allocations would fail because of fragmentation: its"
                    + " fragmentation index ").append(indexText).append(" is above extfrag_threshold ")
                    .append(thresholdText).append(", so compaction, not reclaim, would make room.");
            return ZoneVerdict.FRAGMENTED;
        }
        if (index < 0) {
            s.append("Order-").append(order).append(" allocations would fail for lack of memory: only ")
                    .append(info.freeBlocksTotal()).append(" small free blocks are left.");
            return ZoneVerdict.SHORT_OF_MEMORY;
        }
        s.append("Order-").append(order).append(" allocations would fail for lack of memory: its fragmentation"
                + " index ").append(indexText).append(" is at most extfrag_threshold ").append(thresholdText)
                .append(", so the kernel would reclaim rather than compact.");
        return ZoneVerdict.SHORT_OF_MEMORY;
    }

    /**
     * Buddyinfo and pagetypeinfo both print the free lists (nr_free, and the length of each migratetype's list),
     * so their per-order sums agree when read at one moment. A live machine changes between two reads; the first
     * disagreement found is reported, since the indices above then describe the buddyinfo's moment only (the
     * kernel's own debugfs files, read later still, may differ too). Counts at pagetypeinfo's cap are skipped.
     */
    static String snapshotSkew(BuddyInfo buddy, PageTypeInfo pagetypes) {
        if (pagetypes == null) {
            return null;
        }
        for (ZoneFreeArea z : buddy.zones()) {
            PageTypeInfoNode node = pagetypes.node(z.nodeId());
            if (node == null) {
                continue;
            }
            for (ZoneFreeByType f : node.free()) {
                if (!f.zoneName().equals(z.zoneName())) {
                    continue;
                }
                long[] nrFree = z.nrFree();
                for (int o = 0; o < Math.min(nrFree.length, node.orders()); o++) {
                    long sum = 0;
                    boolean capped = false;
                    for (int mt = 0; mt < f.migratetypes(); mt++) {
                        sum += f.count(mt, o);
                        capped |= f.count(mt, o) >= PageTypeInfo.FREE_COUNT_CAP;
                    }
                    if (!capped && sum != nrFree[o]) {
                        return "Note: buddyinfo and pagetypeinfo were not read at the same moment: for Node"
                                + NO_BREAK + z.nodeId() + NO_BREAK + z.zoneName() + " at order " + o + " buddyinfo"
                                + " shows " + nrFree[o] + " free blocks and pagetypeinfo " + sum + ", so the free"
                                + " lists were changing while the files were read.";
                    }
                }
            }
        }
        return null;
    }

    private static void pageblockMix(StringBuilder s, ZoneFreeArea z, PageTypeInfo pagetypes) {
        if (pagetypes == null) {
            return;
        }
        PageTypeInfoNode node = pagetypes.node(z.nodeId());
        ZoneBlockCounts row = null;
        if (node != null) {
            for (ZoneBlockCounts b : node.blocks()) {
                if (b.zoneName().equals(z.zoneName())) {
                    row = b;
                }
            }
        }
        if (row == null || row.total() == 0) {
            return;
        }
        List<Integer> types = new ArrayList<>();
        for (int mt = 0; mt < node.migratetypes().size(); mt++) {
            if (row.count(mt) != 0) {
                types.add(mt);
            }
        }
        ZoneBlockCounts counts = row;
        types.sort((a, b) -> Long.compare(counts.count(b), counts.count(a)));
        s.append(" Its ").append(row.total()).append(" pageblocks are ");
        for (int i = 0; i < types.size(); i++) {
            int mt = types.get(i);
            s.append(i == 0 ? "" : i == types.size() - 1 ? " and " : ", ")
                    .append(percent(row.count(mt), row.total())).append(' ').append(node.migratetypes().get(mt));
        }
        s.append('.');
    }

    private static void watermarks(StringBuilder s, ZoneFreeArea z, ZoneInfo zoneinfo) {
        if (zoneinfo == null) {
            return;
        }
        ZoneInfoNode node = zoneinfo.node(z.nodeId());
        ZoneInfoZone zone = node == null ? null : node.zone(z.zoneName());
        if (zone == null) {
            return;
        }
        s.append(" Zoneinfo counts ").append(zone.pagesFree()).append(" free pages against watermarks min ")
                .append(zone.min())
                .append(", low ").append(zone.low()).append(", high ").append(zone.high()).append(": ");
        if (zone.pagesFree() < zone.min()) {
            s.append("below min, so ordinary allocations fail the watermark check and enter direct reclaim.");
        } else if (zone.pagesFree() < zone.low()) {
            s.append("below low, so allocations wake kswapd, which reclaims until the zone is above high.");
        } else if (zone.pagesFree() < zone.high()) {
            s.append("between low and high, so allocations proceed and kswapd, if running, keeps reclaiming.");
        } else {
            s.append("above high, no memory pressure.");
        }
    }

    private static String mib(long pages) {
        long kib = pages * 4;
        if (kib >= 10 * 1024) {
            return (kib / 1024) + " MiB";
        }
        return kib + " KiB";
    }

    private static String percent(long part, long whole) {
        long tenths = (part * 1000 + whole / 2) / whole;
        return (tenths / 10) + "." + (tenths % 10) + "%";
    }

    /** Wraps a paragraph at {@code width} columns between words. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.append('\n').toString().replace(NO_BREAK, ' ');
    }
}
