package org.mmsim.proc.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmsim.proc.Pageset;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;

/**
 * The per-zone size and watermark fields of a real /proc/zoneinfo, as the boot oracle tests compare them, read
 * with proc's one zoneinfo parser. The pcp high and batch are the first CPU's, the stat threshold the last
 * CPU's; -1 for a zone without pagesets (unpopulated).
 */
record OracleZone(int nid, String zone, long spanned, long present, long managed, long startPfn, long min, long low,
        long high, long[] protection, int pcpHigh, int pcpBatch, int statThreshold) {

    /** Every zone of {@code file}, node by node in the file's order. */
    static List<OracleZone> read(Path file) throws IOException {
        List<OracleZone> out = new ArrayList<>();
        for (ZoneInfoNode node : ZoneInfoFormat.parse(file.toString(), Files.readString(file)).nodes()) {
            for (ZoneInfoZone z : node.zones()) {
                List<Pageset> ps = z.pagesets();
                Pageset first = ps.isEmpty() ? null : ps.get(0);
                out.add(new OracleZone(node.nodeId(), z.name(), z.spanned(), z.present(), z.managed(), z.startPfn(),
                        z.min(), z.low(), z.high(), z.protection(), first == null ? -1 : first.high(),
                        first == null ? -1 : first.batch(), ps.isEmpty() ? -1 : ps.get(ps.size() - 1).statThreshold()));
            }
        }
        return out;
    }
}
