package org.mmsim.proc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoFormat;
import org.mmsim.proc.PageTypeInfoNode;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneFreeByType;
import org.mmsim.proc.analyze.FragmentationReport;
import org.mmsim.proc.analyze.ProcFileConsistency;

/**
 * Fuzzes the /proc/pagetypeinfo parser: any bytes either parse or are refused with an {@link InputError}. What
 * parses must read back from its rendering, and goes through {@code mmsim analyze}'s report with the buddyinfo its
 * free lists add up to (the pageblock mix and snapshot-skew arithmetic); that buddyinfo must pass the cross-file
 * check.
 */
class PageTypeInfoFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        PageTypeInfo info;
        try {
            info = PageTypeInfoFormat.parse("pagetypeinfo", InputFiles.decode("pagetypeinfo", data));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
            return;
        }
        if (!PageTypeInfoFormat.parse("rendered", PageTypeInfoFormat.render(info)).equals(info)) {
            throw new IllegalStateException("render does not read back: " + info);
        }
        List<ZoneFreeArea> zones = new ArrayList<>();
        for (PageTypeInfoNode n : info.nodes()) {
            for (ZoneFreeByType z : n.free()) {
                long[] nrFree = new long[n.orders()];
                for (int mt = 0; mt < z.migratetypes(); mt++) {
                    for (int o = 0; o < nrFree.length; o++) {
                        nrFree[o] += z.count(mt, o);
                    }
                }
                zones.add(new ZoneFreeArea(n.nodeId(), z.zoneName(), nrFree));
            }
        }
        BuddyInfo buddy = new BuddyInfo(zones);
        String text = PageTypeInfoFormat.render(info);
        ProcFileConsistency.checkPageTypeInfo("buddyinfo", "", buddy, "pagetypeinfo", text, info);
        FragmentationReport.render(buddy, info, null);
    }
}
