package org.mmsim.boot.spec;

import java.util.ArrayList;
import java.util.List;
import org.mmsim.arch.Arch;

/**
 * Turns the firmware memory map into memblock's memory ranges, as setup_arch() does: on x86
 * e820__memory_setup's sanitising, trim_bios_range (first page reserved, the legacy 640K-1M hole removed),
 * the {@code mem=} cut (parse_memopt), e820__memblock_setup and memblock_trim_memory(PAGE_SIZE); on arm64
 * the device-tree memory nodes and memblock_mem_limit_remove_map for {@code mem=}. The result is sorted,
 * merged byte ranges [start, end).
 */
public final class FirmwareMemory {
    private static final long BIOS_BEGIN = 0xa0000;
    private static final long BIOS_END = 0x100000;

    private FirmwareMemory() {
    }

    /** memblock.memory after setup, in bytes. */
    public static List<long[]> memblockMemory(MachineSpec spec) {
        Arch arch = spec.arch();
        long page = arch.pageSize();
        List<long[]> ram = new ArrayList<>();
        for (FirmwareRange r : spec.firmware()) {
            if (r.type() == FirmwareRange.Type.USABLE) {
                ram.add(new long[] {r.start(), r.end()});
            }
        }
        ram.sort((a, b) -> Long.compare(a[0], b[0]));
        if (arch != Arch.ARM64) {
            ram = remove(ram, 0, page);
            ram = remove(ram, BIOS_BEGIN, BIOS_END);
        }
        long limit = spec.cmdline().memLimit();
        if (limit > 0) {
            if (arch == Arch.ARM64) {
                ram = keepFirstBytes(ram, limit);
            } else {
                ram = remove(ram, limit, Long.MAX_VALUE);
            }
        }
        List<long[]> out = new ArrayList<>();
        for (long[] r : merge(ram)) {
            long s = (r[0] + page - 1) & -page;
            long e = r[1] & -page;
            if (e > s) {
                out.add(new long[] {s, e});
            }
        }
        return out;
    }

    /** The end of RAM in pfns (e820__end_of_ram_pfn: the highest usable end, before page trimming). */
    public static long endOfRamPfn(MachineSpec spec) {
        long max = 0;
        long limit = spec.cmdline().memLimit();
        for (FirmwareRange r : spec.firmware()) {
            if (r.type() == FirmwareRange.Type.USABLE) {
                long end = limit > 0 && spec.arch() != Arch.ARM64 ? Math.min(r.end(), limit) : r.end();
                max = Math.max(max, end >> spec.arch().pageShift());
            }
        }
        if (spec.arch() == Arch.ARM64) {
            List<long[]> mem = memblockMemory(spec);
            return mem.get(mem.size() - 1)[1] >> spec.arch().pageShift();
        }
        return max;
    }

    private static List<long[]> merge(List<long[]> sorted) {
        List<long[]> out = new ArrayList<>();
        for (long[] r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1)[1] >= r[0]) {
                long[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new long[] {r[0], r[1]});
            }
        }
        return out;
    }

    private static List<long[]> remove(List<long[]> ranges, long start, long end) {
        List<long[]> out = new ArrayList<>();
        for (long[] r : ranges) {
            if (r[1] <= start || r[0] >= end) {
                out.add(r);
                continue;
            }
            if (r[0] < start) {
                out.add(new long[] {r[0], start});
            }
            if (r[1] > end) {
                out.add(new long[] {end, r[1]});
            }
        }
        return out;
    }

    private static List<long[]> keepFirstBytes(List<long[]> ranges, long limit) {
        List<long[]> out = new ArrayList<>();
        long left = limit;
        for (long[] r : merge(ranges)) {
            if (left <= 0) {
                break;
            }
            long take = Math.min(left, r[1] - r[0]);
            out.add(new long[] {r[0], r[0] + take});
            left -= take;
        }
        return out;
    }
}
