package org.mmsim.proc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoFormat;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;
import org.mmsim.proc.analyze.FragmentationReport;
import org.mmsim.proc.analyze.ProcFileConsistency;

/**
 * Fuzzes the /proc/zoneinfo parser: any bytes either parse or are refused with an {@link InputError}. What parses
 * must read back from its rendering, and goes through {@code mmsim analyze}'s watermark reading with a buddyinfo
 * holding each populated zone's free pages as order-0 blocks, after the cross-file check (which may refuse free
 * pages above managed ones).
 */
class ZoneInfoFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        ZoneInfo info;
        try {
            info = ZoneInfoFormat.parse("zoneinfo", InputFiles.decode("zoneinfo", data));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
            return;
        }
        if (!ZoneInfoFormat.parse("rendered", ZoneInfoFormat.render(info)).equals(info)) {
            throw new IllegalStateException("render does not read back: " + info);
        }
        List<ZoneFreeArea> zones = new ArrayList<>();
        for (ZoneInfoNode n : info.nodes()) {
            for (ZoneInfoZone z : n.zones()) {
                if (z.populated()) {
                    zones.add(new ZoneFreeArea(n.nodeId(), z.name(), new long[] {z.pagesFree(), 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0}));
                }
            }
        }
        BuddyInfo buddy = new BuddyInfo(zones);
        try {
            ProcFileConsistency.checkZoneInfo("buddyinfo", "", buddy, "zoneinfo", ZoneInfoFormat.render(info), info);
        } catch (InputError moreFreeThanManaged) {
            assert moreFreeThanManaged.getMessage() != null;
        }
        FragmentationReport.render(buddy, null, info);
    }
}
