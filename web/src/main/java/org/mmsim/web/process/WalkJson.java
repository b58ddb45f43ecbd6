package org.mmsim.web.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.vm.WalkLevel;
import org.mmsim.vm.WalkTrace;

/**
 * A page-table walk as the page reads it: 64-bit values (entries, addresses) as hex text, since a JSON number
 * loses bits above 2^53 (the NX bit is bit 63), and the walk's printout beside the levels.
 */
final class WalkJson {
    private WalkJson() {
    }

    static Map<String, Object> of(WalkTrace t, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paging", t.paging());
        m.put("address", hex(t.address()));
        m.put("end", t.end());
        m.put("pgdPhys", t.pgdPhys() < 0 ? null : hex(t.pgdPhys()));
        List<Map<String, Object>> levels = new ArrayList<>();
        for (WalkLevel l : t.levels()) {
            levels.add(level(l));
        }
        m.put("levels", levels);
        m.put("pagePhys", t.pagePhys() < 0 ? null : hex(t.pagePhys()));
        m.put("physAddr", t.physAddr() < 0 ? null : hex(t.physAddr()));
        m.put("pageSize", t.pageSize());
        m.put("zeroPage", t.zeroPage());
        m.put("mapcount", t.mapcount());
        m.put("refcount", t.refcount());
        m.put("cowShared", t.cowShared());
        m.put("text", text);
        return m;
    }

    private static Map<String, Object> level(WalkLevel l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", l.level());
        m.put("index", l.index());
        m.put("bits", l.highBit() + ":" + l.lowBit());
        m.put("entry", String.format("0x%016x", l.entry()));
        m.put("words", l.words());
        m.put("present", l.present());
        m.put("rw", l.write());
        m.put("user", l.user());
        m.put("accessed", l.accessed());
        m.put("dirty", l.dirty());
        m.put("nx", l.noExec());
        m.put("pse", l.huge());
        m.put("swap", l.swap());
        m.put("swapType", l.swapType());
        m.put("swapOffset", l.swapOffset());
        m.put("nextTable", l.nextTable() < 0 ? null : hex(l.nextTable()));
        return m;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
