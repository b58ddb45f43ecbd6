package org.mmsim.kernel.slab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mmsim.arch.InputError;

/**
 * /proc/slabinfo of Linux 6.1 with SLUB: print_slabinfo_header() and cache_show() in mm/slab_common.c, with
 * get_slabinfo() from mm/slub.c supplying the figures. Also reads such a file back ({@link #parse}).
 */
public final class SlabInfo {
    /** The first header line. */
    public static final String VERSION_LINE = "slabinfo - version: 2.1";
    /** The second header line. */
    public static final String COLUMNS_LINE = "# name            <active_objs> <num_objs> <objsize> <objperslab> "
            + "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> "
            + "<sharedavail>";

    private SlabInfo() {
    }

    /**
     * One cache line. SLUB reports tunables 0 0 0, active_slabs = num_slabs and sharedavail 0.
     *
     * @param activeObjs   objects minus the free objects on node partial lists
     * @param numObjs      objects in all the cache's slabs
     * @param objSize      s->size
     * @param objPerSlab   oo_objects(s->oo)
     * @param pagesPerSlab 1 << oo_order(s->oo)
     * @param numSlabs     slabs of the cache
     */
    public record Row(String name, long activeObjs, long numObjs, int objSize, int objPerSlab, int pagesPerSlab,
                      long numSlabs) {
        /** cache_show()'s line, without the newline. */
        public String render() {
            return String.format("%-17s %6d %6d %6d %4d %4d : tunables %4d %4d %4d : slabdata %6d %6d %6d", name,
                    activeObjs, numObjs, objSize, objPerSlab, pagesPerSlab, 0, 0, 0, numSlabs, numSlabs, 0);
        }
    }

    /** The whole file for a SLUB instance, caches newest first. */
    public static String render(Slub slub) {
        StringBuilder sb = new StringBuilder();
        sb.append(VERSION_LINE).append('\n').append(COLUMNS_LINE).append('\n');
        for (KmemCache s : slub.slabCaches()) {
            sb.append(slub.slabinfo(s).render()).append('\n');
        }
        return sb.toString();
    }

    /** Parses a /proc/slabinfo text; a malformed line is an {@link InputError} naming the file and line. */
    public static List<Row> parse(String text, Path file) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--;
        }
        if (n < 2 || !lines[0].startsWith("slabinfo - version: 2.1")) {
            throw InputError.at(file, 1, "not a slabinfo 2.1 file: expected \"" + VERSION_LINE + "\"");
        }
        if (!lines[1].startsWith("# name")) {
            throw InputError.at(file, 2, "expected the \"# name ...\" column header");
        }
        for (int i = 2; i < n; i++) {
            rows.add(parseRow(lines[i], file, i + 1));
        }
        return rows;
    }

    private static Row parseRow(String line, Path file, int lineNo) {
        String[] f = line.trim().split("\\s+");
        if (f.length != 16 || !f[6].equals(":") || !f[7].equals("tunables") || !f[11].equals(":")
                || !f[12].equals("slabdata")) {
            throw InputError.at(file, lineNo, "expected \"name active num objsize objperslab pagesperslab : "
                    + "tunables l b s : slabdata a n s\", got \"" + line + "\"");
        }
        try {
            return new Row(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[14]));
        } catch (NumberFormatException e) {
            throw InputError.at(file, lineNo, "not a number in \"" + line + "\"");
        }
    }
}
