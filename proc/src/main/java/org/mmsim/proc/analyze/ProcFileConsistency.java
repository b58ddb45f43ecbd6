package org.mmsim.proc.analyze;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.mmsim.arch.InputError;
import org.mmsim.proc.BuddyInfo;
import org.mmsim.proc.PageTypeInfo;
import org.mmsim.proc.PageTypeInfoNode;
import org.mmsim.proc.ZoneFreeArea;
import org.mmsim.proc.ZoneFreeByType;
import org.mmsim.proc.ZoneInfo;
import org.mmsim.proc.ZoneInfoNode;
import org.mmsim.proc.ZoneInfoZone;

/**
 * Checks that the files given to {@code mmsim analyze} come from one machine. Buddyinfo and pagetypeinfo both print
 * every populated zone (mm/vmstat.c {@code walk_zones_in_node()} with {@code populated_zone()}), with one column per
 * order up to MAX_ORDER; zoneinfo prints every zone, populated ones with {@code present > 0}. A zone's free pages are
 * some of its managed pages, which are some of its present pages. Files that disagree on any of this are from
 * different machines (or kernels), and their combination would describe none.
 */
public final class ProcFileConsistency {
    private ProcFileConsistency() {
    }

    /** Refuses a pagetypeinfo whose zones or order count differ from the buddyinfo's. */
    public static void checkPageTypeInfo(String buddyFile, String buddyText, BuddyInfo buddy, String file, String text,
            PageTypeInfo pagetypes) {
        Set<String> theirs = new HashSet<>();
        for (PageTypeInfoNode n : pagetypes.nodes()) {
            for (ZoneFreeByType z : n.free()) {
                ZoneFreeArea mine = buddy.zone(n.nodeId(), z.zoneName());
                if (mine == null) {
                    throw InputError.at(file, lineOf(text, n.nodeId(), z.zoneName()), "node " + n.nodeId() + " zone "
                            + z.zoneName() + " is not in " + buddyFile + ", so the files come from different"
                            + " machines");
                }
                if (mine.orders() != n.orders()) {
                    throw InputError.at(file, lineOf(text, n.nodeId(), z.zoneName()), n.orders() + " orders, but "
                            + buddyFile + " shows " + mine.orders() + ", so the files come from different kernels");
                }
                theirs.add(n.nodeId() + " " + z.zoneName());
            }
        }
        for (ZoneFreeArea z : buddy.zones()) {
            if (!theirs.contains(z.nodeId() + " " + z.zoneName())) {
                throw InputError.at(file, 0, "has no node " + z.nodeId() + " zone " + z.zoneName() + ", which "
                        + buddyFile + " lists on line " + lineOf(buddyText, z.nodeId(), z.zoneName())
                        + ", so the files come from different machines");
            }
        }
    }

    /** Refuses a zoneinfo whose populated zones differ from the buddyinfo's, or manage fewer pages than are free. */
    public static void checkZoneInfo(String buddyFile, String buddyText, BuddyInfo buddy, String file, String text,
            ZoneInfo zoneinfo) {
        for (ZoneInfoNode n : zoneinfo.nodes()) {
            for (ZoneInfoZone z : n.zones()) {
                if (z.populated() && buddy.zone(n.nodeId(), z.name()) == null) {
                    throw InputError.at(file, lineOf(text, n.nodeId(), z.name()), "node " + n.nodeId() + " zone "
                            + z.name() + " has present pages but is not in " + buddyFile
                            + ", so the files come from different machines");
                }
            }
        }
        for (ZoneFreeArea b : buddy.zones()) {
            ZoneInfoNode n = zoneinfo.node(b.nodeId());
            ZoneInfoZone z = n == null ? null : n.zone(b.zoneName());
            int buddyLine = lineOf(buddyText, b.nodeId(), b.zoneName());
            if (z == null || !z.populated()) {
                throw InputError.at(buddyFile, buddyLine, "node " + b.nodeId() + " zone " + b.zoneName()
                        + " is not a populated zone in " + file + ", so the files come from different machines");
            }
            if (b.freePages() > z.managed()) {
                throw InputError.at(buddyFile, buddyLine, "node " + b.nodeId() + " zone " + b.zoneName() + " has "
                        + b.freePages() + " free pages, more than the " + z.managed() + " managed pages " + file
                        + " shows, so the files come from different machines");
            }
        }
    }

    /** The 1-based line that starts with the label of that zone, or 0. */
    static int lineOf(String text, int node, String zone) {
        Pattern label = Pattern.compile("Node +" + node + ", zone +" + Pattern.quote(zone) + "\\b.*");
        int line = 0;
        for (String l : text.split("\n", -1)) {
            line++;
            if (label.matcher(l).matches()) {
                return line;
            }
        }
        return 0;
    }
}
