package org.mmsim.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of /proc/zoneinfo, both ways. Models mm/vmstat.c {@code zoneinfo_show_print()}: the node
 * stats under the node's first populated zone ({@code is_zone_first_populated()}), the watermark and
 * size lines and protection array for every zone, and for populated zones only the zone stats,
 * the per-cpu pagesets, node_unreclaimable and start_pfn. Parsing refuses what no kernel prints ({@link KernelLimits}):
 * page counts above 2^52, present above spanned, managed or cma above present, watermarks out of order, protection
 * arrays without one entry per zone, cpus from NR_CPUS up or out of order, thresholds above 125, repeated counters.
 *
 * <p>Parsing also reads the layouts of the kernels from 4.19 to 6.18: without the {@code boost} line (added after
 * 5.15) or the {@code cma} line (added in 5.12), with a {@code promo} line (6.12), and with the wider pageset
 * layout that adds {@code high_min} and {@code high_max} (6.18). Absent boost and cma read as 0, and high_min and
 * high_max are checked but not kept. {@link #render} writes the 6.1 layout.
 */
public final class ZoneInfoFormat {
    private static final Pattern ZONE_HEADER = Pattern.compile("Node +(\\S+), zone +(\\S+)");
    private static final Pattern STAT_LINE = Pattern.compile(" {6}(\\S+) +(\\S+)");
    private static final Pattern PROTECTION = Pattern.compile(" {8}protection: \\((.*)\\)");
    private static final String PER_NODE = "  per-node stats";
    private static final String PAGESETS = "  pagesets";
    /** The count label of kernels that also print each pageset's high_min and high_max (6.18; 6.12 does not). */
    private static final String WIDE_COUNT = "              count:    ";

    private ZoneInfoFormat() {
    }

    public static String render(ZoneInfo info) {
        StringBuilder sb = new StringBuilder();
        for (ZoneInfoNode n : info.nodes()) {
            int first = n.firstPopulatedZone();
            for (int i = 0; i < n.zones().size(); i++) {
                renderZone(sb, n, n.zones().get(i), i == first);
            }
        }
        return sb.toString();
    }

    private static void renderZone(StringBuilder sb, ZoneInfoNode n, ZoneInfoZone z, boolean withNodeStats) {
        sb.append("Node ").append(n.nodeId()).append(", zone ");
        Columns.right(sb, z.name(), 8);
        if (withNodeStats) {
            sb.append('\n').append(PER_NODE);
            statLines(sb, n.nodeStats());
        }
        line(sb, "  pages free     ", z.pagesFree());
        line(sb, "        boost    ", z.boost());
        line(sb, "        min      ", z.min());
        line(sb, "        low      ", z.low());
        line(sb, "        high     ", z.high());
        if (z.promo() != ZoneInfoZone.NO_PROMO) {
            line(sb, "        promo    ", z.promo());
        }
        line(sb, "        spanned  ", z.spanned());
        line(sb, "        present  ", z.present());
        line(sb, "        managed  ", z.managed());
        line(sb, "        cma      ", z.cma());
        sb.append("\n        protection: (");
        long[] protection = z.protection();
        for (int i = 0; i < protection.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(protection[i]);
        }
        sb.append(')');
        if (!z.populated()) {
            sb.append('\n');
            return;
        }
        statLines(sb, z.stats());
        sb.append('\n').append(PAGESETS);
        for (Pageset p : z.pagesets()) {
            sb.append("\n    cpu: ").append(p.cpu());
            sb.append("\n              count: ").append(p.count());
            sb.append("\n              high:  ").append(p.high());
            sb.append("\n              batch: ").append(p.batch());
            sb.append("\n  vm stats threshold: ").append(p.statThreshold());
        }
        sb.append("\n  node_unreclaimable:  ").append(z.nodeUnreclaimable() ? 1 : 0);
        line(sb, "  start_pfn:           ", z.startPfn());
        sb.append('\n');
    }

    private static void line(StringBuilder sb, String label, long value) {
        sb.append('\n').append(label).append(Long.toUnsignedString(value));
    }

    private static void statLines(StringBuilder sb, NamedCounters stats) {
        for (int i = 0; i < stats.size(); i++) {
            sb.append("\n      ");
            Columns.left(sb, stats.name(i), 12).append(' ').append(Long.toUnsignedString(stats.value(i)));
        }
    }

    public static ZoneInfo parse(String file, String text) {
        TextLines in = new TextLines(file, text);
        in.requireNotEmpty();
        List<ZoneInfoNode> nodes = new ArrayList<>();
        int nodeId = -1;
        NamedCounters nodeStats = NamedCounters.empty();
        List<ZoneInfoZone> zones = new ArrayList<>();
        List<Integer> zoneLines = new ArrayList<>();
        ZoneSequence sequence = new ZoneSequence();
        int nodeStatsLine = 0;
        while (in.hasNext()) {
            String header = in.next("a zone header");
            Matcher m = ZONE_HEADER.matcher(header);
            if (!m.matches()) {
                throw in.error("expected 'Node N, zone NAME', found '" + TextLines.abbreviate(header) + "'");
            }
            int zoneLine = in.lineNo();
            int node = in.nodeId(m.group(1));
            if (node != nodeId) {
                if (nodes.stream().anyMatch(n -> n.nodeId() == node)) {
                    throw in.error("node " + node + " appears a second time");
                }
                if (nodeId >= 0) {
                    nodes.add(node(in, nodeId, nodeStats, zones, zoneLines));
                }
                nodeId = node;
                nodeStats = NamedCounters.empty();
                zones = new ArrayList<>();
                zoneLines = new ArrayList<>();
                nodeStatsLine = 0;
            }
            sequence.next(in, node, m.group(2));
            if (PER_NODE.equals(in.peek())) {
                in.next(PER_NODE);
                if (nodeStatsLine != 0) {
                    throw in.error("a second 'per-node stats' block for node " + node);
                }
                nodeStatsLine = in.lineNo();
                nodeStats = statLines(in);
                if (zones.stream().anyMatch(ZoneInfoZone::populated)) {
                    throw in.error(nodeStatsLine, "per-node stats must come under the node's first populated zone");
                }
            }
            boolean noneBefore = zones.stream().noneMatch(ZoneInfoZone::populated);
            ZoneInfoZone zone = parseZone(in, m.group(2));
            if (nodeStatsLine != 0 && noneBefore && !zone.populated()) {
                throw in.error(nodeStatsLine, "per-node stats under unpopulated zone " + zone.name());
            }
            if (zone.populated() && noneBefore && nodeStatsLine == 0) {
                throw in.error(zoneLine, "zone " + zone.name() + " is node " + node
                        + "'s first populated zone but has no 'per-node stats'");
            }
            zones.add(zone);
            zoneLines.add(zoneLine);
        }
        nodes.add(node(in, nodeId, nodeStats, zones, zoneLines));
        return new ZoneInfo(nodes);
    }

    /**
     * A node's zones, checked against each other: the kernel prints every configured zone of a node, and each
     * zone's protection array has one entry per zone ({@code lowmem_reserve[MAX_NR_ZONES]}).
     */
    private static ZoneInfoNode node(TextLines in, int nodeId, NamedCounters nodeStats, List<ZoneInfoZone> zones,
            List<Integer> zoneLines) {
        for (int i = 0; i < zones.size(); i++) {
            int entries = zones.get(i).protection().length;
            if (entries != zones.size()) {
                throw in.error(zoneLines.get(i), "zone " + zones.get(i).name() + " has " + entries
                        + " protection entries but node " + nodeId + " lists " + zones.size()
                        + " zones; the kernel prints one entry per zone");
            }
        }
        return new ZoneInfoNode(nodeId, nodeStats, zones);
    }

    private static NamedCounters statLines(TextLines in) {
        NamedCounters.Builder b = NamedCounters.builder();
        Set<String> seen = new HashSet<>();
        while (in.hasNext()) {
            Matcher m = STAT_LINE.matcher(in.peek());
            if (!m.matches()) {
                break;
            }
            in.next("a stat line");
            if (!seen.add(m.group(1))) {
                throw in.error("counter " + TextLines.abbreviate(m.group(1)) + " a second time in one block");
            }
            b.add(m.group(1), in.unsigned(m.group(2), m.group(1)));
        }
        return b.build();
    }

    private static ZoneInfoZone parseZone(TextLines in, String name) {
        long free = labelled(in, "  pages free     ", "pages free", KernelLimits.MAX_PAGES);
        long boost = absentBefore(in, "        min ") ? 0
                : labelled(in, "        boost    ", "boost", KernelLimits.MAX_PAGES);
        long min = labelled(in, "        min      ", "min", KernelLimits.MAX_PAGES);
        long low = labelled(in, "        low      ", "low", KernelLimits.MAX_PAGES);
        long high = labelled(in, "        high     ", "high", KernelLimits.MAX_PAGES);
        long promo = ZoneInfoZone.NO_PROMO;
        if (in.peek() != null && in.peek().startsWith("        promo ")) {
            promo = labelled(in, "        promo    ", "promo", KernelLimits.MAX_PAGES);
        }
        if (boost > min || min > low || low > high || (promo != ZoneInfoZone.NO_PROMO && high > promo)) {
            throw in.error("zone " + name + " has watermarks boost " + boost + ", min " + min + ", low " + low
                    + ", high " + high + (promo == ZoneInfoZone.NO_PROMO ? "" : ", promo " + promo)
                    + "; the kernel's are in that order (mm/page_alloc.c setup_per_zone_wmarks, boost included)");
        }
        long spanned = labelled(in, "        spanned  ", "spanned", KernelLimits.MAX_PAGES);
        long present = labelled(in, "        present  ", "present", KernelLimits.MAX_PAGES);
        long managed = labelled(in, "        managed  ", "managed", KernelLimits.MAX_PAGES);
        long cma = absentBefore(in, "        protection:") ? 0
                : labelled(in, "        cma      ", "cma", KernelLimits.MAX_PAGES);
        if (present > spanned) {
            throw in.error("zone " + name + " has " + present + " present pages but spans only " + spanned);
        }
        if (managed > present || cma > present) {
            throw in.error("zone " + name + " has " + managed + " managed and " + cma + " cma pages, more than its "
                    + present + " present pages");
        }
        long[] protection = protection(in);
        if (present == 0) {
            String next = in.peek();
            if (next != null && !next.startsWith("Node ")) {
                in.next("a zone header");
                throw in.error("zone " + name + " has no present pages, so the kernel prints nothing more for it;"
                        + " found '" + TextLines.abbreviate(next) + "'");
            }
            return new ZoneInfoZone(name, free, boost, min, low, high, promo, spanned, present, managed, cma,
                    protection, NamedCounters.empty(), List.of(), false, 0);
        }
        NamedCounters stats = statLines(in);
        if (!PAGESETS.equals(in.next("'pagesets'"))) {
            throw in.error("expected '  pagesets'");
        }
        List<Pageset> pagesets = new ArrayList<>();
        while (in.peek() != null && in.peek().startsWith("    cpu: ")) {
            int cpu = (int) labelled(in, "    cpu: ", "cpu", KernelLimits.NR_CPUS - 1);
            if (!pagesets.isEmpty() && cpu <= pagesets.get(pagesets.size() - 1).cpu()) {
                throw in.error("cpu " + cpu + " after cpu " + pagesets.get(pagesets.size() - 1).cpu()
                        + "; the kernel lists each online cpu once, in ascending order");
            }
            boolean wide = in.peek() != null && in.peek().startsWith(WIDE_COUNT);
            int count = (int) labelled(in, wide ? WIDE_COUNT : "              count: ", "count", Integer.MAX_VALUE);
            int pcpHigh = (int) labelled(in, wide ? "              high:     " : "              high:  ", "high",
                    Integer.MAX_VALUE);
            int batch = (int) labelled(in, wide ? "              batch:    " : "              batch: ", "batch",
                    Integer.MAX_VALUE);
            if (wide) {
                labelled(in, "              high_min: ", "high_min", Integer.MAX_VALUE);
                labelled(in, "              high_max: ", "high_max", Integer.MAX_VALUE);
            }
            int threshold = (int) labelled(in, "  vm stats threshold: ", "vm stats threshold",
                    KernelLimits.MAX_STAT_THRESHOLD);
            pagesets.add(new Pageset(cpu, count, pcpHigh, batch, threshold));
        }
        long unreclaimable = labelled(in, "  node_unreclaimable:  ", "node_unreclaimable");
        if (Long.compareUnsigned(unreclaimable, 1) > 0) {
            throw in.error("node_unreclaimable is 0 or 1, found " + Long.toUnsignedString(unreclaimable));
        }
        long startPfn = labelled(in, "  start_pfn:           ", "start_pfn", KernelLimits.MAX_PAGES);
        if (startPfn + spanned > KernelLimits.MAX_PAGES) {
            throw in.error("zone " + name + " ends at pfn " + (startPfn + spanned) + ", beyond 2^52");
        }
        return new ZoneInfoZone(name, free, boost, min, low, high, promo, spanned, present, managed, cma, protection,
                stats, pagesets, unreclaimable == 1, startPfn);
    }

    /**
     * True when the next line starts with {@code nextLabel}: the optional line expected here is absent, as an older
     * kernel prints it (no {@code boost} up to 5.15, no {@code cma} before 5.12). At the end of the file or before
     * any other line the optional line is taken as missing, so the error names it.
     */
    private static boolean absentBefore(TextLines in, String nextLabel) {
        return in.peek() != null && in.peek().startsWith(nextLabel);
    }

    private static long labelled(TextLines in, String label, String what) {
        return labelled(in, label, what, -1L);
    }

    /** A line {@code label + value}; {@code max} is compared unsigned (-1 = no limit). */
    private static long labelled(TextLines in, String label, String what, long max) {
        String line = in.next("'" + label.strip() + "'");
        if (!line.startsWith(label)) {
            throw in.error("expected '" + label.strip() + "', found '" + TextLines.abbreviate(line) + "'");
        }
        long v = in.unsigned(line.substring(label.length()), what);
        if (Long.compareUnsigned(v, max) > 0) {
            throw in.error(what + " " + Long.toUnsignedString(v) + " is too large (at most " + max + ")");
        }
        return v;
    }

    private static long[] protection(TextLines in) {
        String line = in.next("'protection: (...)'");
        Matcher m = PROTECTION.matcher(line);
        if (!m.matches()) {
            throw in.error("expected 'protection: (...)', found '" + TextLines.abbreviate(line) + "'");
        }
        if (m.group(1).chars().filter(c -> c == ',').count() >= KernelLimits.ZONE_NAMES.size()) {
            throw in.error("more than " + KernelLimits.ZONE_NAMES.size() + " protection entries; a node has at most "
                    + KernelLimits.ZONE_NAMES.size() + " zones");
        }
        String[] parts = m.group(1).split(", ", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = in.pages(parts[i], "protection[" + i + "]");
        }
        return out;
    }

    /**
     * Whether a zoneinfo text prints the {@code boost} watermark line, as 6.1 and later do; one without it comes from
     * a kernel up to 5.15.
     */
    public static boolean printsBoost(String text) {
        return text.contains("\n        boost    ");
    }

    /**
     * The line of each zone's {@code Node N, zone NAME} header in a text {@link #parse} accepted, keyed
     * {@code "N NAME"}, so a check made on the parsed zones can name the zone's line.
     */
    public static Map<String, Integer> zoneHeaderLines(String text) {
        Map<String, Integer> out = new HashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ZONE_HEADER.matcher(lines.get(i));
            if (m.matches()) {
                out.putIfAbsent(m.group(1) + " " + m.group(2), i + 1);
            }
        }
        return out;
    }
}
