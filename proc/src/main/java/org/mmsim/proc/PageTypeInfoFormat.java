package org.mmsim.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of /proc/pagetypeinfo, both ways. Models mm/vmstat.c {@code pagetypeinfo_show()} and its
 * helpers {@code pagetypeinfo_showfree_print()}, {@code pagetypeinfo_showblockcount_print()} and
 * {@code pagetypeinfo_showmixedcount_print()}.
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
        while (in.hasNext()) {
            nodes.add(parseNode(in));
        }
        return new PageTypeInfo(nodes);
    }

    private record FreeRow(int line, int node, String zone, String type, long[] counts) {
    }

    private static PageTypeInfoNode parseNode(TextLines in) {
        Matcher m = ORDER_LINE.matcher(in.next("'Page block order: N'"));
        if (!m.matches()) {
            throw in.error("expected 'Page block order: N'");
        }
        int pageblockOrder = in.smallInt(m.group(1), "page block order");
        m = PER_BLOCK_LINE.matcher(in.next("'Pages per block: N'"));
        if (!m.matches()) {
            throw in.error("expected 'Pages per block:  N'");
        }
        long perBlock = in.unsigned(m.group(1), "pages per block");
        expectBlank(in);
        String header = in.next("the free pages header");
        if (!header.startsWith(FREE_HEADER)) {
            throw in.error("expected '" + FREE_HEADER + "'");
        }
        String[] orderCols = TextLines.fields(header.substring(FREE_HEADER.length()));
        for (int o = 0; o < orderCols.length; o++) {
            if (in.smallInt(orderCols[o], "order") != o) {
                throw in.error("order columns must count 0, 1, 2, ...; found " + orderCols[o]);
            }
        }
        int orders = orderCols.length;
        if (orders == 0) {
            throw in.error("no order columns");
        }

        List<FreeRow> rows = new ArrayList<>();
        while (in.hasNext() && !in.peek().isEmpty()) {
            String line = in.next("a free count row");
            Matcher r = FREE_ROW.matcher(line);
            if (!r.matches()) {
                throw in.error("expected 'Node N, zone NAME, type TYPE' and counts, found '"
                        + TextLines.abbreviate(line) + "'");
            }
            int node = in.smallInt(r.group(1), "node id");
            String[] cols = TextLines.fields(r.group(4));
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
        List<ZoneFreeByType> free = groupFreeRows(in, rows, types, nodeId);
        List<ZoneBlockCounts> blocks = blockRows(in, types, nodeId);
        List<ZoneBlockCounts> mixed = List.of();
        if (in.hasNext() && in.peek().isEmpty()) {
            in.next("a blank line");
            List<String> mixedTypes = tableHeader(in, MIXED_HEADER);
            if (!mixedTypes.equals(types)) {
                throw in.error("mixed block table lists migratetypes " + mixedTypes + ", expected " + types);
            }
            mixed = blockRows(in, types, nodeId);
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
        if (v >= PageTypeInfo.FREE_COUNT_CAP) {
            throw in.error("free count " + token + " at or above the kernel's cap should read >"
                    + PageTypeInfo.FREE_COUNT_CAP);
        }
        return v;
    }

    private static List<ZoneFreeByType> groupFreeRows(TextLines in, List<FreeRow> rows, List<String> types,
            int nodeId) {
        int nTypes = types.size();
        if (rows.size() % nTypes != 0) {
            throw in.error(rows.get(rows.size() - 1).line(),
                    rows.size() + " free count rows is not a whole number of zones of " + nTypes + " migratetypes");
        }
        List<ZoneFreeByType> zones = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += nTypes) {
            String zone = rows.get(start).zone();
            long[][] counts = new long[nTypes][];
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
        List<String> types = List.of(TextLines.fields(line.substring(title.length())));
        if (types.isEmpty()) {
            throw in.error("no migratetype columns");
        }
        return types;
    }

    private static List<ZoneBlockCounts> blockRows(TextLines in, List<String> types, int nodeId) {
        List<ZoneBlockCounts> out = new ArrayList<>();
        while (in.hasNext() && !in.peek().isEmpty() && !in.peek().startsWith("Page block order")) {
            String line = in.next("a block count row");
            Matcher r = BLOCK_ROW.matcher(line);
            if (!r.matches()) {
                throw in.error("expected 'Node N, zone NAME' and block counts, found '"
                        + TextLines.abbreviate(line) + "'");
            }
            int node = in.smallInt(r.group(1), "node id");
            if (node != nodeId) {
                throw in.error("node " + node + " in the section of node " + nodeId);
            }
            String[] cols = TextLines.fields(r.group(3));
            if (cols.length != types.size()) {
                throw in.error("expected " + types.size() + " block counts, found " + cols.length);
            }
            long[] counts = new long[cols.length];
            for (int i = 0; i < cols.length; i++) {
                counts[i] = in.unsigned(cols[i], types.get(i) + " block count");
            }
            out.add(new ZoneBlockCounts(r.group(2), counts));
        }
        if (out.isEmpty()) {
            throw in.error(in.lineNo() + 1, "no block count rows");
        }
        return out;
    }

    private static void expectBlank(TextLines in) {
        if (!in.next("a blank line").isEmpty()) {
            throw in.error("expected a blank line");
        }
    }
}
