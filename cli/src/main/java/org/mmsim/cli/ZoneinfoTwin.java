package org.mmsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSpan;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;

/**
 * The managed pages of a real machine's /proc/zoneinfo, for twinning the machine its boot log describes. The
 * zoneinfo must be that machine's: every node and zone it prints exists there with the same spanned and present
 * pages (the sizes free_area_init() gives, which mmsim computes exactly). That no zone manages more pages than are
 * present, so that the reserved memory derived from it is never negative, is already checked by
 * {@link ZoneInfoFormat}. A refusal names the file and the zone's header line.
 */
final class ZoneinfoTwin {
    private ZoneinfoTwin() {
    }

    /** Managed pages per [nid][zone index] of {@code layout}'s machine. */
    static long[][] managed(BootLayout layout, Path file) {
        String text = InputFiles.readText(file);
        ZoneInfo zi = ZoneInfoFormat.parse(file.toString(), text);
        Map<String, Integer> headers = ZoneInfoFormat.zoneHeaderLines(text);
        List<ZoneType> types = layout.spec().arch().zoneTypes();
        long[][] out = new long[layout.nodes().size()][types.size()];
        for (ZoneInfoNode n : zi.nodes()) {
            for (ZoneInfoZone z : n.zones()) {
                int line = headers.getOrDefault(n.nodeId() + " " + z.name(), 0);
                int idx = -1;
                for (int i = 0; i < types.size(); i++) {
                    if (types.get(i).kernelName().equals(z.name())) {
                        idx = i;
                    }
                }
                if (idx < 0) {
                    throw InputError.at(file, line, "zone " + z.name() + " does not exist on "
                            + layout.spec().arch().id() + ": this zoneinfo is from another architecture");
                }
                NodeSpan node = node(layout, n.nodeId());
                if (node == null) {
                    throw InputError.at(file, line, "node " + n.nodeId() + " does not exist on the boot log's machine ("
                            + layout.nodes().size() + " node(s)): this zoneinfo is from another machine");
                }
                ZoneSpan ours = zone(node, types.get(idx));
                long spanned = ours == null ? 0 : ours.spanned();
                long present = ours == null ? 0 : ours.present();
                if (z.spanned() != spanned || z.present() != present) {
                    throw InputError.at(file, line, "node " + n.nodeId() + ", zone " + z.name() + " spans " + z.spanned()
                            + " pages with " + z.present() + " present, but on the boot log's machine it spans "
                            + spanned + " with " + present + " present: this zoneinfo is from another machine");
                }
                out[n.nodeId()][idx] = z.managed();
            }
        }
        return out;
    }

    private static NodeSpan node(BootLayout layout, int nid) {
        return layout.nodes().stream().filter(x -> x.nid() == nid).findFirst().orElse(null);
    }

    private static ZoneSpan zone(NodeSpan node, ZoneType type) {
        return node.zones().stream().filter(x -> x.type() == type).findFirst().orElse(null);
    }
}
