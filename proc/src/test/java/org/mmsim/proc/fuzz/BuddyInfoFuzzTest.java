package org.mmsim.proc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mmsim.arch.InputError;
import org.mmsim.arch.InputFiles;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.analyze.FragmentationReport;
import org.mmsim.proc.frag.ContigPageInfo;
import org.mmsim.proc.frag.FragmentationIndex;

/**
 * Fuzzes the /proc/buddyinfo parser: any bytes either parse or are refused with an {@link InputError}; nothing else
 * may escape. What parses goes through everything {@code mmsim analyze} computes from it, and each index must stay in
 * the kernel's range, so arithmetic overflow shows up as a finding: unusable_index 0..1000, extfrag 0..100%, and the
 * fragmentation index -1000 when a block is free, else above -1000 (negative when a few small blocks hold less than
 * the order asks) and at most 1000. Plain {@code mvn verify} replays the saved corpus; {@code JAZZER_FUZZ=1} fuzzes
 * for maxDuration.
 */
class BuddyInfoFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        BuddyInfo buddy;
        try {
            buddy = BuddyInfoFormat.parse("buddyinfo", InputFiles.decode("buddyinfo", data));
        } catch (InputError expected) {
            assert expected.getMessage() != null;
            return;
        }
        for (ZoneFreeArea z : buddy.zones()) {
            long[] nrFree = z.nrFree();
            for (int order = 0; order < nrFree.length; order++) {
                ContigPageInfo info = ContigPageInfo.of(nrFree, order);
                int unusable = FragmentationIndex.unusableFreeIndex(order, info);
                int frag = FragmentationIndex.fragmentationIndex(order, info);
                int extfrag = FragmentationIndex.extfragForOrder(nrFree, order);
                if (unusable < 0 || unusable > 1000 || frag > 1000 || frag < -1000
                        || extfrag < 0 || extfrag > 100) {
                    throw new IllegalStateException(z + " order " + order + ": unusable " + unusable + ", index "
                            + frag + ", extfrag " + extfrag);
                }
            }
        }
        FragmentationReport.render(buddy, null, null);
        if (!BuddyInfoFormat.parse("rendered", BuddyInfoFormat.render(buddy)).equals(buddy)) {
            throw new IllegalStateException("render does not read back: " + buddy);
        }
    }
}
