package org.mmsim.boot.spec;

import java.util.List;
import java.util.Map;
import org.mmsim.arch.Arch;
import org.mmsim.arch.InputError;

/**
 * Checks a boot log as a whole once {@link DmesgImporter} has read it, so that a log that is not one kernel's
 * complete boot is refused rather than twinned into another machine: the lines mmsim needs must be there (the
 * banner, the memory map, the command line, mem_init()'s {@code Memory:} line and the SLUB line), the memory map
 * must be printed as the kernel prints it (one block, sorted, without overlaps: e820__print_table after
 * e820__update_table), and the figures must agree with each other (the {@code Memory:} total is the memory map's
 * page count, get_num_physpages(); what is freed late was reserved; CMA, percpu and hash tables fit the memory;
 * SRAT nodes are below SLUB's {@code Nodes=}, nr_node_ids).
 */
final class DmesgChecks {
    private DmesgChecks() {
    }

    static void check(DmesgLog log) {
        String file = log.file;
        if (log.versionLine == 0) {
            throw InputError.at(file, 0, "no 'Linux version' banner: this is not a boot log from its start (when the"
                    + " kernel's ring buffer has wrapped, take the log from 'journalctl -k -b')");
        }
        if (log.arch == null) {
            log.arch = DmesgArch.guess(!log.e820.isEmpty(), log.arm64Features, log.release, file, log.versionLine);
        }
        checkMap(log, log.e820, log.e820Lines, "BIOS-e820");
        checkMap(log, log.nodeRanges, log.nodeRangeLines, "'Early memory node ranges'");
        List<FirmwareRange> map = log.arch == Arch.ARM64 ? log.nodeRanges : log.e820;
        List<Integer> mapLines = log.arch == Arch.ARM64 ? log.nodeRangeLines : log.e820Lines;
        if (map.isEmpty()) {
            throw InputError.at(file, 0, "no memory map: a " + log.arch.id() + " boot log prints "
                    + (log.arch == Arch.ARM64 ? "'Early memory node ranges'" : "'BIOS-e820:' lines")
                    + " at the start of boot; is the log cut?");
        }
        long limit = 1L << log.arch.physAddrBits();
        for (int i = 0; i < map.size(); i++) {
            if (map.get(i).type() == FirmwareRange.Type.USABLE && map.get(i).end() > limit) {
                throw InputError.at(file, mapLines.get(i), "usable memory beyond 2^" + log.arch.physAddrBits()
                        + ", the most a " + log.arch.id() + " kernel addresses (MAX_PHYSMEM_BITS)");
            }
        }
        if (map.stream().noneMatch(r -> r.type() == FirmwareRange.Type.USABLE)) {
            throw InputError.at(file, mapLines.get(0), "the memory map has no usable memory");
        }
        if (log.cmdline == null) {
            throw InputError.at(file, 0, "no 'Command line:' line: the log is cut or not a kernel's boot log");
        }
        if (log.memoryLine == 0) {
            throw InputError.at(file, 0, "no 'Memory: ...K/...K available' line: the log is cut before mem_init();"
                    + " mmsim needs the kernel image sizes it gives");
        }
        if (log.slubLine == 0) {
            throw InputError.at(file, 0, "no 'SLUB: ... CPUs=N, Nodes=N' line: the log is cut before"
                    + " kmem_cache_init(); mmsim needs the CPU count it gives");
        }
        checkPhyspages(log, map, mapLines);
        checkNodeSpans(log, map, mapLines);
        checkNodes(log);
        checkFrees(log);
        checkEarlySizes(log);
    }

    /** One block of lines, sorted and without overlaps, not the last line of the log. */
    private static void checkMap(DmesgLog log, List<FirmwareRange> map, List<Integer> lines, String what) {
        for (int i = 1; i < map.size(); i++) {
            int line = lines.get(i);
            if (line != lines.get(i - 1) + 1) {
                throw InputError.at(log.file, line, what + " line away from the table (which ended at line "
                        + lines.get(i - 1) + "): the kernel prints the map once, in one block");
            }
            if (map.get(i).start() < map.get(i - 1).end()) {
                throw InputError.at(log.file, line, what + " entry overlaps or precedes the one of line "
                        + lines.get(i - 1) + ": the kernel prints its map sorted and without overlaps");
            }
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1) == log.lastLine) {
            throw InputError.at(log.file, log.lastLine, "the log ends inside the " + what
                    + " table: it is cut off (the lines that always follow the map are missing)");
        }
    }

    /** The Memory: line's total is get_num_physpages(): the pages of memblock.memory. */
    private static void checkPhyspages(DmesgLog log, List<FirmwareRange> map, List<Integer> mapLines) {
        KernelCommandLine cl = KernelCommandLine.parse(log.cmdline, log.file, log.cmdlineLine);
        MachineSpec bare = new MachineSpec(log.file, log.arch, log.cpus, cl, map, List.of(), List.of(), List.of(),
                Map.of(), log.image, 0, true, EarlyFacts.UNKNOWN);
        long bytes = 0;
        for (long[] r : FirmwareMemory.memblockMemory(bare)) {
            bytes += r[1] - r[0];
        }
        if (bytes >> 10 != log.totalKib) {
            throw InputError.at(log.file, log.memoryLine, "'Memory:' counts " + log.totalKib + "K of memory but the"
                    + " memory map (lines " + mapLines.get(0) + "-" + mapLines.get(mapLines.size() - 1) + ") holds "
                    + (bytes >> 10) + "K: the map is incomplete, altered or from another log");
        }
    }

    /**
     * A node spans at most 2^31 pages in mmsim (its per-node page arrays are indexed by int): the span of the
     * usable memory, within each SRAT node's ranges when there are any.
     */
    private static void checkNodeSpans(DmesgLog log, List<FirmwareRange> map, List<Integer> mapLines) {
        long first = Long.MAX_VALUE;
        long last = 0;
        int lastLine = 0;
        for (int i = 0; i < map.size(); i++) {
            if (map.get(i).type() == FirmwareRange.Type.USABLE) {
                first = Math.min(first, map.get(i).start());
                last = map.get(i).end();
                lastLine = mapLines.get(i);
            }
        }
        int shift = log.arch.pageShift();
        if (log.numa.isEmpty()) {
            checkSpan(log, 0, (last >> shift) - (first >> shift), lastLine);
            return;
        }
        Map<Integer, long[]> spans = new java.util.HashMap<>();
        for (int i = 0; i < log.numa.size(); i++) {
            NumaRange n = log.numa.get(i);
            long s = Math.max(first, n.start());
            long e = Math.min(last, n.end());
            if (s < e) {
                long[] span = spans.computeIfAbsent(n.nid(), k -> new long[] {Long.MAX_VALUE, 0});
                span[0] = Math.min(span[0], s);
                span[1] = Math.max(span[1], e);
                checkSpan(log, n.nid(), (span[1] >> shift) - (span[0] >> shift), log.numaLines.get(i));
            }
        }
    }

    private static void checkSpan(DmesgLog log, int nid, long pages, int line) {
        if (pages > Integer.MAX_VALUE) {
            throw InputError.at(log.file, line, "node " + nid + " would span " + pages + " pages; mmsim supports up"
                    + " to 2^31 pages (8 TiB of 4 KiB pages) per node");
        }
    }

    /**
     * SRAT nodes are possible nodes (below nr_node_ids) and two nodes never share memory (numa_cleanup_meminfo).
     * Sorted by start, a range overlaps an earlier one exactly when it starts below the highest end so far; the
     * earlier ranges reaching past its start all overlap each other, so they are of one node already.
     */
    private static void checkNodes(DmesgLog log) {
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < log.numa.size(); i++) {
            NumaRange n = log.numa.get(i);
            if (n.nid() >= log.nodes) {
                throw InputError.at(log.file, log.numaLines.get(i), "SRAT node " + n.nid() + " but the SLUB line (line "
                        + log.slubLine + ") counts Nodes=" + log.nodes);
            }
            order.add(i);
        }
        order.sort((x, y) -> Long.compare(log.numa.get(x).start(), log.numa.get(y).start()));
        int reach = -1;
        for (int i : order) {
            NumaRange n = log.numa.get(i);
            if (reach >= 0) {
                NumaRange o = log.numa.get(reach);
                if (n.start() < o.end() && o.nid() != n.nid()) {
                    int first = Math.min(i, reach);
                    int second = Math.max(i, reach);
                    throw InputError.at(log.file, log.numaLines.get(second), "SRAT node " + log.numa.get(second).nid()
                            + " overlaps node " + log.numa.get(first).nid() + " of line " + log.numaLines.get(first)
                            + ": the kernel would reject this SRAT");
                }
            }
            if (reach < 0 || n.end() > log.numa.get(reach).end()) {
                reach = i;
            }
        }
    }

    /** What free_reserved_area() hands back late was reserved at mem_init(): the Memory: line's reserved figure. */
    private static void checkFrees(DmesgLog log) {
        long left = log.reserved + (log.cmaBytes >> 10);
        for (int i = 0; i < log.lateFrees.size(); i++) {
            long kib = log.lateFrees.get(i).kib();
            if (kib > left) {
                throw InputError.at(log.file, log.lateFreeLines.get(i), "frees " + kib + "K, more than the kernel still"
                        + " held reserved (" + left + "K by the 'Memory:' line " + log.memoryLine + ")");
            }
            left -= kib;
        }
    }

    /** CMA, the percpu first chunk and the memblock hash tables are carved out of the machine's memory. */
    private static void checkEarlySizes(DmesgLog log) {
        long total = log.totalKib;
        if (log.cmaBytes >> 10 > total) {
            throw InputError.at(log.file, log.cmaLine, "CMA of " + (log.cmaBytes >> 20) + " MiB is more than the"
                    + " machine's " + total + "K of memory");
        }
        if (log.percpu >= 0 && log.percpu * log.cpus * (log.arch.pageSize() >> 10) > total) {
            throw InputError.at(log.file, log.percpuLine, log.percpu + " percpu pages for each of " + log.cpus
                    + " CPUs are more than the machine's " + total + "K of memory");
        }
        if (log.dentry > 0 && log.dentry >> 10 > total) {
            throw InputError.at(log.file, log.dentryLine, "a dentry hash table larger than the memory");
        }
        if (log.inode > 0 && log.inode >> 10 > total) {
            throw InputError.at(log.file, log.inodeLine, "an inode hash table larger than the memory");
        }
    }
}
