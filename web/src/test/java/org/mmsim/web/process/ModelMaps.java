package org.mmsim.web.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' own reading of /proc/PID/maps and smaps text (fs/proc/task_mmu.c's show_map_vma() line: start-end,
 * perms, offset, dev, inode, name; smaps' Rss line in kB), kept apart from the view's parser so that a mistake in
 * one is not hidden by the same mistake in the other.
 */
final class ModelMaps {
    private static final Pattern LINE = Pattern.compile(
            "^([0-9a-f]+)-([0-9a-f]+) ([-rwxps]{4}) ([0-9a-f]+) \\S+ \\d+\\s*(.*)$", Pattern.MULTILINE);
    private static final Pattern RSS = Pattern.compile("^Rss:\\s+(\\d+) kB$", Pattern.MULTILINE);

    /** One maps line: start, end, perms, offset, name. */
    record Line(String start, String end, String perms, String offset, String name) {
    }

    private ModelMaps() {
    }

    static List<Line> lines(String maps) {
        List<Line> out = new ArrayList<>();
        Matcher m = LINE.matcher(maps);
        while (m.find()) {
            out.add(new Line(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5).trim()));
        }
        return out;
    }

    static List<Long> rssKb(String smaps) {
        List<Long> out = new ArrayList<>();
        Matcher m = RSS.matcher(smaps);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }
}
