package org.mmsim.web.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.boot.memblock.MemblockType;
import org.mmsim.boot.spec.FirmwareRange;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.spec.NumaRange;
import org.mmsim.boot.spec.Reservation;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.study.MachineBoot;

/**
 * The tables of a booted machine as the page shows them, in JSON-ready maps: the firmware map and NUMA ranges of the
 * machine's description, memblock's memory and reserved regions and the reservations made, the nodes, every zone's
 * spanned/present/managed pages, start pfn, watermarks (with boost), lowmem_reserve and pcp high/batch, the boot-log
 * lines about memory, and /proc/buddyinfo. Zones and buddyinfo are read from the same {@link ProcFiles} records
 * {@code mmsim boot --print zoneinfo,buddyinfo} renders. Addresses are hex strings (a page's JavaScript cannot hold
 * a 64-bit number); page counts are numbers.
 */
public final class MachineReport {
    private MachineReport() {
    }

    /** The report of a machine booted from {@code source} (how it was booted, one line). */
    public static Map<String, Object> of(MachineBoot boot, String source, List<ProcComparison> compared) {
        BootedMachine b = boot.booted();
        MachineSpec spec = b.layout().spec();
        ProcFiles files = boot.files();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("source", source);
        m.put("arch", spec.arch().id());
        m.put("cpus", spec.cpus());
        m.put("cmdline", spec.cmdline().text());
        m.put("maxPfn", b.layout().maxPfn());
        m.put("pageSize", spec.arch().pageSize());
        m.put("firmware", spec.firmware().stream().map(MachineReport::firmware).toList());
        m.put("numa", spec.numa().stream().map(MachineReport::numa).toList());
        m.put("memblockMemory", regions(b.memblock().memblock().memory()));
        m.put("memblockReserved", regions(b.memblock().memblock().reserved()));
        m.put("reservations", b.memblock().made().stream().map(MachineReport::reservation).toList());
        m.put("nodes", b.layout().nodes().stream().map(MachineReport::node).toList());
        m.put("zones", zones(files));
        m.put("buddyinfo", files.buddyInfo().zones().stream().map(MachineReport::buddy).toList());
        m.put("buddyinfoText", files.render("buddyinfo"));
        m.put("bootLog", b.bootLog());
        m.put("minFreeKbytes", b.setup().minFreeKbytes());
        m.put("compared", compared);
        return m;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static Map<String, Object> firmware(FirmwareRange r) {
        return row("start", hex(r.start()), "end", hex(r.end() - 1), "size", r.size(), "type", r.type().logName());
    }

    private static Map<String, Object> numa(NumaRange r) {
        return row("node", r.nid(), "start", hex(r.start()), "end", hex(r.end() - 1));
    }

    private static Map<String, Object> reservation(Reservation r) {
        return row("start", hex(r.start()), "end", hex(r.end() - 1), "size", r.size(), "what", r.what(),
                "freedLater", r.free());
    }

    private static List<Map<String, Object>> regions(MemblockType t) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < t.cnt(); i++) {
            out.add(row("index", i, "base", hex(t.base(i)), "end", hex(t.base(i) + t.size(i) - 1), "size", t.size(i),
                    "node", t.nid(i), "flags", hex(t.flags(i))));
        }
        return out;
    }

    private static Map<String, Object> node(NodeSpan n) {
        return row("node", n.nid(), "startPfn", n.startPfn(), "endPfn", n.endPfn(), "spanned", n.spannedPages(),
                "present", n.presentPages());
    }

    private static List<Map<String, Object>> zones(ProcFiles files) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ZoneInfoNode n : files.zoneInfo().nodes()) {
            for (ZoneInfoZone z : n.zones()) {
                Map<String, Object> r = row("node", n.nodeId(), "zone", z.name(), "startPfn", z.startPfn(),
                        "spanned", z.spanned(), "present", z.present(), "managed", z.managed(), "free", z.pagesFree(),
                        "min", z.min(), "low", z.low(), "high", z.high(), "boost", z.boost());
                r.put("lowmemReserve", z.protection());
                boolean pcp = !z.pagesets().isEmpty();
                r.put("pcpHigh", pcp ? z.pagesets().get(0).high() : null);
                r.put("pcpBatch", pcp ? z.pagesets().get(0).batch() : null);
                out.add(r);
            }
        }
        return out;
    }

    private static Map<String, Object> buddy(ZoneFreeArea z) {
        return row("node", z.nodeId(), "zone", z.zoneName(), "nrFree", z.nrFree());
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
