package org.mmsim.proc.frag;

import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.BuddyInfoFormat;
import org.mmsim.proc.ZoneFreeArea;

/**
 * The text of the debugfs files {@code extfrag/extfrag_index} and {@code extfrag/unusable_index}, built
 * from a zone's free counts. Models mm/vmstat.c {@code extfrag_show_print()} ({@code "%2d.%03d "} per
 * order) and {@code unusable_show_print()} ({@code "%d.%03d "}), both after {@code "Node %d, zone %8s "},
 * one line per populated zone: the zones buddyinfo shows. Kernels up to 5.15 print extfrag_index with
 * {@code "%d.%03d "} ({@link #UNPADDED}), so its non-negative values take one column less; the padding came with a
 * patch of October 2021.
 */
public final class FragmentationIndexFormat {
    /** The width of extfrag_index's whole part in 6.1 and later ({@code %2d}). */
    public static final int PADDED = 2;
    /** The width of extfrag_index's whole part up to 5.15 ({@code %d}). */
    public static final int UNPADDED = 1;

    private FragmentationIndexFormat() {
    }

    /** The extfrag_index file for the zones of a buddyinfo, as 6.1 prints it. */
    public static String extfragIndex(BuddyInfo buddy) {
        return extfragIndex(buddy, PADDED);
    }

    /** The extfrag_index file with the whole part {@link #PADDED} or {@link #UNPADDED}. */
    public static String extfragIndex(BuddyInfo buddy, int wholeWidth) {
        StringBuilder sb = new StringBuilder();
        for (ZoneFreeArea z : buddy.zones()) {
            extfragLine(sb, z, wholeWidth);
        }
        return sb.toString();
    }

    /** The unusable_index file for the zones of a buddyinfo. */
    public static String unusableIndex(BuddyInfo buddy) {
        StringBuilder sb = new StringBuilder();
        for (ZoneFreeArea z : buddy.zones()) {
            unusableLine(sb, z);
        }
        return sb.toString();
    }

    /** One zone's extfrag_index line, as 6.1 prints it. */
    public static void extfragLine(StringBuilder sb, ZoneFreeArea z) {
        extfragLine(sb, z, PADDED);
    }

    private static void extfragLine(StringBuilder sb, ZoneFreeArea z, int wholeWidth) {
        long[] nrFree = z.nrFree();
        BuddyInfoFormat.zoneLabel(sb, z.nodeId(), z.zoneName());
        for (int order = 0; order < nrFree.length; order++) {
            int index = FragmentationIndex.fragmentationIndex(order, ContigPageInfo.of(nrFree, order));
            thousandths(sb, index, wholeWidth).append(' ');
        }
        sb.append('\n');
    }

    /** One zone's unusable_index line. */
    public static void unusableLine(StringBuilder sb, ZoneFreeArea z) {
        long[] nrFree = z.nrFree();
        BuddyInfoFormat.zoneLabel(sb, z.nodeId(), z.zoneName());
        for (int order = 0; order < nrFree.length; order++) {
            int index = FragmentationIndex.unusableFreeIndex(order, ContigPageInfo.of(nrFree, order));
            thousandths(sb, index, 1).append(' ');
        }
        sb.append('\n');
    }

    /**
     * {@code "%Nd.%03d"} of {@code (index / 1000, index % 1000)} with C's truncating division, so -1000
     * reads {@code -1.000} and 999 reads {@code  0.999} with width 2.
     */
    public static StringBuilder thousandths(StringBuilder sb, int index, int width) {
        String whole = Integer.toString(index / 1000);
        for (int i = whole.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(whole).append('.');
        int frac = index % 1000;
        String f = Integer.toString(Math.abs(frac));
        if (frac < 0) {
            sb.append('-');
            for (int i = f.length() + 1; i < 3; i++) {
                sb.append('0');
            }
        } else {
            for (int i = f.length(); i < 3; i++) {
                sb.append('0');
            }
        }
        return sb.append(f);
    }
}
