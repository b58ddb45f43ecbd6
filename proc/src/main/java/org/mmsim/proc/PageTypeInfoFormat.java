package org.mmsim.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of /proc/pagetypeinfo, both ways. Models mm/vmstat.c {@code pagetypeinfo_show()} and its
 * helpers {@code pagetypeinfo_showfree_print()}, {@code pagetypeinfo_showblockcount_print()} and
 * {@code pagetypeinfo_showmixedcount_print()}. Parsing refuses what no kernel prints ({@link KernelLimits}): a
 * pageblock order from MAX_ORDER up or pages per block other than its power of two, unknown or reordered
 * migratetypes, block tables that list other zones than the free table, more than 2^52 pages, node sections that
 * repeat, go backwards or disagree.
 */
public final class PageTypeInfoFormat {
    private static final String FREE_HEADER = "Free pages count per migrate type at order";
    private static final String BLOCKS_HEADER = "Number of blocks type ";
    private static final String MIXED_HEADER = "Number of mixed blocks ";
    private static final Pattern ORDER_LINE = Pattern.compile("Page block order: (\\S+)");
    private static final Pattern PER_BLOCK_LINE = Pattern.compile("Pages per block: +(\\S+)");
    private static final Pattern FREE_ROW = Pattern.compile("Node +(\\S+), zone +(\\S+), type +(\\S+) (.*)");
    private static final Pattern BLOCK_ROW = Pattern.compile("Node +(\\S+), zone +(\\S+) (.*)");

    private PageTypeInfoFormat() {
    }

    public static String render(PageTypeInfo info) {
        StringBuilder sb = new StringBuilder();
        for (PageTypeInfoNode n : info.nodes()) {
            renderNode(sb, n);
        }
        return sb.toString();
    }

    private static void renderNode(StringBuilder sb, PageTypeInfoNode n) {
        sb.append("Page block order: ").append(n.pageblockOrder()).append('\n');
        sb.append("Pages per block:  ").append(Long.toUnsignedString(n.pagesPerBlock())).append('\n');
        sb.append('\n');
        Columns.left(sb, FREE_HEADER, 43).append(' ');
        for (int o = 0; o < n.orders(); o++) {
            Columns.right(sb, Integer.toString(o), 6).append(' ');
        }
        sb.append('\n');
        for (ZoneFreeByType z : n.free()) {
            for (int mt = 0; mt < n.migratetypes().size(); mt++) {
                sb.append("Node ");
                Columns.right(sb, Integer.toString(n.nodeId()), 4).append(", zone ");
                Columns.right(sb, z.zoneName(), 8).append(", type ");
                Columns.right(sb, n.migratetypes().get(mt), 12).append(' ');
                for (int o = 0; o < n.orders(); o++) {
                    long c = z.count(mt, o);
                    if (c >= PageTypeInfo.FREE_COUNT_CAP) {
                        sb.append('>');
                        Columns.unsigned(sb, PageTypeInfo.FREE_COUNT_CAP, 6).append(' ');
                    } else {
                        Columns.unsigned(sb, c, 6).append(' ');
                    }
                }
                sb.append('\n');
            }
        }
        renderBlockTable(sb, BLOCKS_HEADER, n, n.blocks());
        if (!n.mixedBlocks().isEmpty()) {
            renderBlockTable(sb, MIXED_HEADER, n, n.mixedBlocks());
        }
    }

    private static void renderBlockTable(StringBuilder sb, String header, PageTypeInfoNode n,
            List<ZoneBlockCounts> rows) {
        sb.append('\n');
        Columns.left(sb, header, 23);
        for (String mt : n.migratetypes()) {
            Columns.right(sb, mt, 12).append(' ');
        }
        sb.append('\n');
        for (ZoneBlockCounts z : rows) {
            BuddyInfoFormat.zoneLabel(sb, n.nodeId(), z.zoneName());
            for (int mt = 0; mt < n.migratetypes().size(); mt++) {
                Columns.unsigned(sb, z.count(mt), 12).append(' ');
            }
            sb.append('\n');
        }
    }

    public static PageTypeInfo parse(String file, String text) {
        TextLines in = new TextLines(file, text);
        in.requireNotEmpty();
        List<PageTypeInfoNode> nodes = new ArrayList<>();
        ZoneSequence sequence = new ZoneSequence();
        while (in.hasNext()) {
            int line = in.lineNo() + 1;
            PageTypeInfoNode node = parseNode(in, sequence);
            if (!nodes.isEmpty() && node.nodeId() <= nodes.get(nodes.size() - 1).nodeId()) {
                throw in.error(line, "the section of node " + node.nodeId() + " comes after node "
                        + nodes.get(nodes.size() - 1).nodeId() + "; the kernel prints each node once, in ascending"
                        + " order");
            }
            if (!nodes.isEmpty()) {
                PageTypeInfoNode first = nodes.get(0);
                if (node.pageblockOrder() != first.pageblockOrder() || node.orders() != first.orders()
                        || !node.migratetypes().equals(first.migratetypes())) {
                    throw in.error(line, "the section of node " + node.nodeId() + " differs from node "
                            + first.nodeId() + "'s in page block order, order columns or migratetypes; one kernel"
                            + " prints the same for every node");
                }
            }
            nodes.add(node);
        }
        return new PageTypeInfo(nodes);
    }

    private record FreeRow(int line, int node, String zone, String type, long[] counts) {
    }

    private static PageTypeInfoNode parseNode(TextLines in, ZoneSequence sequence) {
        Matcher m = ORDER_LINE.matcher(in.next("'Page block order: N'"));
        if (!m.matches()) {
            throw in.error("expected 'Page block order: N'");
        }
        int pageblockOrder = in.smallInt(m.group(1), "page block order");
        int orderLine = in.lineNo();
        m = PER_BLOCK_LINE.matcher(in.next("'Pages per block: N'"));
        if (!m.matches()) {
            throw in.error("expected 'Pages per block:  N'");
        }
        long perBlock = in.unsigned(m.group(1), "pages per block");
        if (pageblockOrder >= KernelLimits.MAX_ORDERS || perBlock != 1L << pageblockOrder) {
            throw in.error("pages per block " + Long.toUnsignedString(perBlock) + " is not 2^" + pageblockOrder
                    + " (pageblock_nr_pages is 1 << pageblock_order)");
        }
        expectBlank(in);
        String header = in.next("the free pages header");
        if (!header.startsWith(FREE_HEADER)) {
            throw in.error("expected '" + FREE_HEADER + "'");
        }
        String[] orderCols = in.fields(header.substring(FREE_HEADER.length()), KernelLimits.MAX_ORDERS,
                "order columns");
        for (int o = 0; o < orderCols.length; o++) {
            if (in.smallInt(orderCols[o], "order") != o) {
                throw in.error("order columns must count 0, 1, 2, ...; found " + orderCols[o]);
            }
        }
        int orders = orderCols.length;
        if (orders == 0) {
            throw in.error("no order columns");
        }
        if (pageblockOrder >= orders) {
            throw in.error(orderLine, "page block order " + pageblockOrder + " is not below the " + orders
                    + " orders of the free lists (include/linux/pageblock-flags.h caps it at MAX_ORDER-1)");
        }

        List<FreeRow> rows = new ArrayList<>();
        while (in.hasNext() && !in.peek().isEmpty()) {
            String line = in.next("a free count row");
            Matcher r = FREE_ROW.matcher(line);
            if (!r.matches()) {
                throw in.error("expected 'Node N, zone NAME, type TYPE' and counts, found '"
                        + TextLines.abbreviate(line) + "'");
            }
            int node = in.nodeId(r.group(1));
            String[] cols = in.fields(r.group(4), KernelLimits.MAX_ORDERS, "free counts");
            if (cols.length != orders) {
                throw in.error("expected " + orders + " free counts, found " + cols.length);
            }
            long[] counts = new long[orders];
            for (int o = 0; o < orders; o++) {
                counts[o] = freeCount(in, cols[o], o);
            }
            rows.add(new FreeRow(in.lineNo(), node, r.group(2), r.group(3), counts));
        }
        if (rows.isEmpty()) {
            throw in.error(in.lineNo() + 1, "no free count rows");
        }
        int nodeId = rows.get(0).node();

        expectBlank(in);
        List<String> types = tableHeader(in, BLOCKS_HEADER);
        List<ZoneFreeByType> free = groupFreeRows(in, rows, types, nodeId, sequence);
        List<ZoneBlockCounts> blocks = blockRows(in, types, nodeId, pageblockOrder, free);
        List<ZoneBlockCounts> mixed = List.of();
        if (in.hasNext() && in.peek().isEmpty()) {
            in.next("a blank line");
            List<String> mixedTypes = tableHeader(in, MIXED_HEADER);
            if (!mixedTypes.equals(types)) {
                throw in.error("mixed block table lists migratetypes " + mixedTypes + ", expected " + types);
            }
            mixed = blockRows(in, types, nodeId, pageblockOrder, free);
        }
        return new PageTypeInfoNode(nodeId, pageblockOrder, perBlock, orders, types, free, blocks, mixed);
    }

    private static long freeCount(TextLines in, String token, int order) {
        if (token.startsWith(">")) {
            long v = in.unsigned(token.substring(1), "capped free count of order " + order);
            if (v != PageTypeInfo.FREE_COUNT_CAP) {
                throw in.error("a capped free count reads >" + PageTypeInfo.FREE_COUNT_CAP + ", found " + token);
            }
            return v;
        }
        long v = in.unsigned(token, "free count of order " + order);
        if (Long.compareUnsigned(v, PageTypeInfo.FREE_COUNT_CAP) >= 0) {
            throw in.error("free count " + token + " at or above the kernel's cap should read >"
                    + PageTypeInfo.FREE_COUNT_CAP);
        }
        return v;
    }

    private static List<ZoneFreeByType> groupFreeRows(TextLines in, List<FreeRow> rows, List<String> types,
            int nodeId, ZoneSequence sequence) {
        int nTypes = types.size();
        if (rows.size() % nTypes != 0) {
            throw in.error(rows.get(rows.size() - 1).line(),
                    rows.size() + " free count rows is not a whole number of zones of " + nTypes + " migratetypes");
        }
        List<ZoneFreeByType> zones = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += nTypes) {
            String zone = rows.get(start).zone();
            if (rows.get(start).node() == nodeId) {
                sequence.next(in, rows.get(start).line(), nodeId, zone);
            }
            long[][] counts = new long[nTypes][];
            long zonePages = 0;
            for (int mt = 0; mt < nTypes; mt++) {
                FreeRow row = rows.get(start + mt);
                if (row.node() != nodeId) {
                    throw in.error(row.line(), "node " + row.node() + " in the section of node " + nodeId);
                }
                if (!row.zone().equals(zone)) {
                    throw in.error(row.line(), "zone " + row.zone() + " before all migratetypes of zone " + zone);
                }
                if (!row.type().equals(types.get(mt))) {
                    throw in.error(row.line(), "migratetype " + row.type() + ", expected " + types.get(mt));
                }
                counts[mt] = row.counts();
                long pages = KernelLimits.pagesOrOver(row.counts());
                zonePages = pages < 0 ? -1 : zonePages + pages;
                if (zonePages < 0 || zonePages > KernelLimits.MAX_PAGES) {
                    throw in.error(row.line(), "the free lists of zone " + zone + " make more than 2^52 pages,"
                            + " more than a 64-bit machine has");
                }
            }
            zones.add(new ZoneFreeByType(zone, counts));
        }
        return zones;
    }

    private static List<String> tableHeader(TextLines in, String title) {
        String line = in.next("'" + title.strip() + "'");
        if (!line.startsWith(title)) {
            throw in.error("expected '" + title.strip() + "'");
        }
        List<String> types = List.of(in.fields(line.substring(title.length()),
                KernelLimits.MIGRATETYPE_NAMES.size(), "migratetype columns"));
        if (types.isEmpty()) {
            throw in.error("no migratetype columns");
        }
        int last = -1;
        for (String t : types) {
            int k = KernelLimits.MIGRATETYPE_NAMES.indexOf(t);
            if (k < 0) {
                throw in.error("unknown migratetype '" + TextLines.abbreviate(t) + "'; the kernel's are "
                        + String.join(", ", KernelLimits.MIGRATETYPE_NAMES));
            }
            if (k <= last) {
                throw in.error("migratetype " + t + " out of the kernel's order "
                        + String.join(", ", KernelLimits.MIGRATETYPE_NAMES));
            }
            last = k;
        }
        return types;
    }

    private static List<ZoneBlockCounts> blockRows(TextLines in, List<String> types, int nodeId, int pageblockOrder,
            List<ZoneFreeByType> free) {
        List<ZoneBlockCounts> out = new ArrayList<>();
        while (in.hasNext() && !in.peek().isEmpty() && !in.peek().startsWith("Page block order")) {
            String line = in.next("a block count row");
            Matcher r = BLOCK_ROW.matcher(line);
            if (!r.matches()) {
                throw in.error("expected 'Node N, zone NAME' and block counts, found '"
                        + TextLines.abbreviate(line) + "'");
            }
            int node = in.nodeId(r.group(1));
            if (node != nodeId) {
                throw in.error("node " + node + " in the section of node " + nodeId);
            }
            String[] cols = in.fields(r.group(3), KernelLimits.MIGRATETYPE_NAMES.size(), "block counts");
            if (cols.length != types.size()) {
                throw in.error("expected " + types.size() + " block counts, found " + cols.length);
            }
            long[] counts = new long[cols.length];
            long total = 0;
            for (int i = 0; i < cols.length; i++) {
                counts[i] = in.pages(cols[i], types.get(i) + " block count");
                total += counts[i];
            }
            if (total > KernelLimits.MAX_PAGES >> pageblockOrder) {
                throw in.error("these pageblocks make more than 2^52 pages, more than a 64-bit machine has");
            }
            String zone = r.group(2);
            if (out.size() >= free.size() || !free.get(out.size()).zoneName().equals(zone)) {
                throw in.error("zone " + TextLines.abbreviate(zone) + " in the block table, which must list the"
                        + " zones of the free table (" + zoneNames(free) + ") in order");
            }
            out.add(new ZoneBlockCounts(zone, counts));
        }
        if (out.size() != free.size()) {
            throw in.error(in.lineNo() + 1, "the block table lists " + out.size() + " zones, the free table "
                    + free.size() + " (" + zoneNames(free) + ")");
        }
        return out;
    }

    private static String zoneNames(List<ZoneFreeByType> free) {
        List<String> names = new ArrayList<>();
        for (ZoneFreeByType z : free) {
            names.add(z.zoneName());
        }
        return String.join(", ", names);
    }

    private static void expectBlank(TextLines in) {
        if (!in.next("a blank line").isEmpty()) {
            throw in.error("expected a blank line");
        }
    }
}
