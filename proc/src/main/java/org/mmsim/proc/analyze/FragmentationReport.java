package org.mmsim.proc.analyze;

import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.frag.FragmentationIndexFormat;

/**
 * What {@code mmsim analyze} prints for a machine's /proc files: the debugfs extfrag_index and
 * unusable_index texts the kernel would show for that buddyinfo, then the {@link FragmentationDiagnosis}.
 */
public final class FragmentationReport {
    private FragmentationReport() {
    }

    /** The report under the default extfrag_threshold; pagetypeinfo and zoneinfo may be null. */
    public static String render(BuddyInfo buddy, PageTypeInfo pagetypes, ZoneInfo zoneinfo) {
        return render(buddy, pagetypes, zoneinfo, FragmentationDiagnosis.EXTFRAG_THRESHOLD,
                FragmentationIndexFormat.PADDED);
    }

    /**
     * The report under extfrag_threshold {@code threshold} (0..1000), with extfrag_index's whole part in the
     * layout of the machine's kernel ({@link FragmentationIndexFormat#PADDED} or {@code UNPADDED}).
     */
    public static String render(BuddyInfo buddy, PageTypeInfo pagetypes, ZoneInfo zoneinfo, int threshold,
            int extfragWholeWidth) {
        return "# /sys/kernel/debug/extfrag/extfrag_index\n"
                + FragmentationIndexFormat.extfragIndex(buddy, extfragWholeWidth)
                + "# /sys/kernel/debug/extfrag/unusable_index\n"
                + FragmentationIndexFormat.unusableIndex(buddy)
                + "\n"
                + FragmentationDiagnosis.diagnose(buddy, pagetypes, zoneinfo, threshold);
    }
}
