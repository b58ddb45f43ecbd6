package org.mmsim.boot.reserve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mmsim.boot.memblock.Memblock;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.MemRange;

/**
 * The page tables of x86_64's direct mapping that come from memblock (arch/x86/mm/init.c init_mem_mapping):
 * the ISA range first, then memory_map_top_down() from the top 2 MiB block down in growing steps
 * (get_new_step_size), each range through init_range_memory_mapping() and init_memory_mapping() with
 * split_mem_range() (4 KiB head and tail, 2 MiB pages between; QEMU's default CPU has no 1 GiB pages), and
 * kernel_physical_mapping_init() taking one table per new PUD, PMD or PTE page from alloc_low_pages(). Those
 * come from the brk buffer (INIT_PGT_BUF_SIZE: 16 pages with CONFIG_X86_5LEVEL and CONFIG_RANDOMIZE_MEMORY)
 * until it runs out or while the range being mapped covers the buffer itself (can_use_brk_pgt), and then from
 * memblock, top-down in the part already mapped. Only the memblock ones cost managed pages: three on a
 * machine with memory above 4 GiB, whose 1-3 GiB tables are made while mapping the range holding the kernel.
 */
final class X86DirectMapTables {
    private static final long PAGE = 4096;
    private static final long PMD_SIZE = 2L << 20;
    private static final long PUD_SIZE = 1L << 30;
    private static final long PGDIR_SIZE = 512L << 30;
    private static final long ISA_END_ADDRESS = 0x100000;
    private static final long PGT_BUF_PAGES = 16;
    /** get_new_step_size(): PMD_SHIFT - PAGE_SHIFT - 1. */
    private static final int STEP_SHIFT = 8;

    private final BootLayout layout;
    private final BootMemblock b;
    private final long pgtBufStart;
    private final Set<Long> pudPages = new HashSet<>();
    private final Set<Long> pmdPages = new HashSet<>();
    private final Set<Long> ptePages = new HashSet<>();
    private long pgtBufUsed;
    private boolean canUseBrkPgt = true;
    private long minMapped;
    private long maxMapped;

    /** @param brkStart where the brk area, and so the page-table buffer early_alloc_pgt_buf() takes, begins */
    X86DirectMapTables(BootLayout layout, BootMemblock b, long brkStart) {
        this.layout = layout;
        this.b = b;
        this.pgtBufStart = brkStart;
    }

    /** init_mem_mapping(). */
    void run() {
        initMemoryMapping(0, ISA_END_ADDRESS);
        memoryMapTopDown(ISA_END_ADDRESS, layout.maxPfn() * PAGE);
    }

    private void memoryMapTopDown(long mapStart, long mapEnd) {
        Memblock mb = b.memblock();
        long addr = mb.physAllocRange(PMD_SIZE, PMD_SIZE, mapStart, mapEnd);
        mb.physFree(addr, PMD_SIZE);
        long realEnd = addr + PMD_SIZE;
        long stepSize = PMD_SIZE;
        maxMapped = 0;
        minMapped = realEnd;
        long lastStart = realEnd;
        long mappedRamSize = 0;
        while (lastStart > mapStart) {
            long start;
            if (lastStart > stepSize) {
                start = Math.max((lastStart - 1) / stepSize * stepSize, mapStart);
            } else {
                start = mapStart;
            }
            mappedRamSize += initRangeMemoryMapping(start, lastStart);
            lastStart = start;
            minMapped = lastStart;
            if (mappedRamSize >= stepSize) {
                stepSize <<= STEP_SHIFT;
            }
        }
        if (realEnd < mapEnd) {
            initRangeMemoryMapping(realEnd, mapEnd);
        }
    }

    /**
     * memblock.memory as init_mem_mapping() walks it (for_each_mem_pfn_range): the firmware's ranges, not yet
     * split by node, since NUMA setup (initmem_init) comes after.
     */
    private List<long[]> memoryRanges() {
        List<long[]> out = new ArrayList<>();
        for (MemRange r : layout.memory()) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last[1] == r.startPfn() * PAGE) {
                last[1] = r.endPfn() * PAGE;
            } else {
                out.add(new long[] {r.startPfn() * PAGE, r.endPfn() * PAGE});
            }
        }
        return out;
    }

    private long initRangeMemoryMapping(long rStart, long rEnd) {
        long mapped = 0;
        for (long[] r : memoryRanges()) {
            long start = Math.max(r[0], rStart);
            long end = Math.min(r[1], rEnd);
            if (start >= end) {
                continue;
            }
            long bufEnd = pgtBufStart + pgtBufUsed * PAGE;
            long bufTop = pgtBufStart + PGT_BUF_PAGES * PAGE;
            canUseBrkPgt = Math.max(start, bufEnd) >= Math.min(end, bufTop);
            initMemoryMapping(start, end);
            mapped += end - start;
        }
        return mapped;
    }

    /** init_memory_mapping(): split_mem_range(), then the tables each piece needs, in address order. */
    private void initMemoryMapping(long start, long end) {
        long bodyStart = roundUp(start, PMD_SIZE);
        long bodyEnd = end / PMD_SIZE * PMD_SIZE;
        if (bodyStart >= bodyEnd) {
            map(start, end, true);
        } else {
            map(start, bodyStart, !wholeMemory(start, bodyStart));
            map(bodyStart, bodyEnd, false);
            map(bodyEnd, end, !wholeMemory(bodyEnd, end));
        }
        maxMapped = Math.max(maxMapped, end);
    }

    /** adjust_range_page_size_mask(): a 4 KiB piece becomes 2 MiB when its whole 2 MiB block is memory. */
    private boolean wholeMemory(long start, long end) {
        if (start >= end) {
            return true;
        }
        long s = start / PMD_SIZE * PMD_SIZE;
        long e = roundUp(end, PMD_SIZE);
        for (long[] r : memoryRanges()) {
            if (r[0] <= s && r[1] >= e) {
                return true;
            }
        }
        return false;
    }

    private void map(long start, long end, boolean ptes) {
        for (long a = start; a < end; a = Math.min(end, (a / PMD_SIZE + 1) * PMD_SIZE)) {
            table(pudPages, a / PGDIR_SIZE);
            table(pmdPages, a / PUD_SIZE);
            if (ptes) {
                table(ptePages, a / PMD_SIZE);
            }
        }
    }

    private void table(Set<Long> made, long index) {
        if (made.add(index)) {
            allocLowPage();
        }
    }

    /** alloc_low_pages(1). */
    private void allocLowPage() {
        if (pgtBufUsed + 1 > PGT_BUF_PAGES || !canUseBrkPgt) {
            if (minMapped < maxMapped) {
                b.physAllocRange(PAGE, PAGE, minMapped, maxMapped, "direct-map page table (alloc_low_pages)");
            }
            return;
        }
        pgtBufUsed++;
    }

    private static long roundUp(long v, long to) {
        return (v + to - 1) / to * to;
    }
}
