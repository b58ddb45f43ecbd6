package org.mmsim.arch.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * What the memory map (one struct page per page frame) costs, and what HugeTLB Vmemmap Optimization (HVO)
 * gives back. Models the boot-time allocation of mm/sparse.c {@code sparse_init_nid()} (SPARSEMEM_VMEMMAP:
 * a whole section's memmap for every present section), of mm/page_alloc.c {@code alloc_node_mem_map()}
 * (FLATMEM: one array over the node span rounded out to MAX_ORDER_NR_PAGES), and
 * mm/hugetlb_vmemmap.h {@code hugetlb_vmemmap_optimizable_size()} (6.1 keeps one vmemmap page per huge
 * page, HUGETLB_VMEMMAP_RESERVE_SIZE = PAGE_SIZE, and frees the rest; only x86_64 selects
 * ARCH_WANT_HUGETLB_PAGE_OPTIMIZE_VMEMMAP in 6.1).
 */
public final class StructPageCost {
    /** sizeof(struct page) on x86_64 and arm64. */
    public static final int STRUCT_PAGE_SIZE_64BIT = 64;
    /**
     * sizeof(struct page) on Debian's i386 kernels: flags, five words of union, _mapcount, _refcount and
     * memcg_data (9 x 4 bytes) aligned to 2 words (HAVE_ALIGNED_STRUCT_PAGE with SLUB) = 40.
     */
    public static final int I386_STRUCT_PAGE_SIZE = 40;
    /** MAX_ORDER_NR_PAGES in 6.1 (MAX_ORDER 11). */
    public static final long MAX_ORDER_NR_PAGES = 1024;

    private final String name;
    private final int pageShift;
    private final int structPageSize;
    private final int sectionSizeBits;
    private final boolean sparseVmemmap;
    private final boolean hvoSupported;

    /**
     * @param sectionSizeBits SECTION_SIZE_BITS (0 for FLATMEM)
     * @param sparseVmemmap   CONFIG_SPARSEMEM_VMEMMAP
     * @param hvoSupported    CONFIG_HUGETLB_PAGE_OPTIMIZE_VMEMMAP
     */
    public StructPageCost(String name, int pageShift, int structPageSize, int sectionSizeBits,
                          boolean sparseVmemmap, boolean hvoSupported) {
        this.name = name;
        this.pageShift = pageShift;
        this.structPageSize = structPageSize;
        this.sectionSizeBits = sectionSizeBits;
        this.sparseVmemmap = sparseVmemmap;
        this.hvoSupported = hvoSupported;
    }

    /** x86_64: 4 KiB pages, 128 MiB sections (SECTION_SIZE_BITS 27), SPARSEMEM_VMEMMAP, HVO. */
    public static StructPageCost x86_64() {
        return new StructPageCost("x86_64", 12, STRUCT_PAGE_SIZE_64BIT, 27, true, true);
    }

    /** arm64 with a 4, 16 or 64 KiB granule: sections of 128 MiB (512 MiB with 64K), no HVO in 6.1. */
    public static StructPageCost arm64(int granuleKb) {
        return new StructPageCost("arm64 " + granuleKb + "K", Arm64Layout.pageShift(granuleKb),
                STRUCT_PAGE_SIZE_64BIT, Arm64Layout.sectionSizeBits(granuleKb), true, false);
    }

    /** Debian's i386 (686-pae) kernel: FLATMEM, 40-byte struct page, no vmemmap. */
    public static StructPageCost i386() {
        return new StructPageCost("i386", 12, I386_STRUCT_PAGE_SIZE, 0, false, false);
    }

    public String name() {
        return name;
    }

    public long pageSize() {
        return 1L << pageShift;
    }

    public int structPageSize() {
        return structPageSize;
    }

    public boolean sparseVmemmap() {
        return sparseVmemmap;
    }

    /** PAGES_PER_SECTION (0 for FLATMEM). */
    public long pagesPerSection() {
        return sectionSizeBits == 0 ? 0 : 1L << (sectionSizeBits - pageShift);
    }

    /** Bytes of memmap for one memory section. */
    public long memmapBytesPerSection() {
        return pagesPerSection() * structPageSize;
    }

    /** Bytes of struct page for a number of page frames. */
    public long memmapBytes(long pages) {
        return pages * structPageSize;
    }

    /** sizeof(struct page) / PAGE_SIZE: the share of RAM spent on the memmap. */
    public double overheadFraction() {
        return structPageSize / (double) pageSize();
    }

    /** Memory sections touched by pfn ranges {@code [starts[i], ends[i])}, each counted once. */
    public long presentSections(long[] starts, long[] ends) {
        if (sectionSizeBits == 0) {
            return 0;
        }
        int shift = sectionSizeBits - pageShift;
        java.util.BitSet seen = new java.util.BitSet();
        long count = 0;
        for (int i = 0; i < starts.length; i++) {
            if (ends[i] <= starts[i]) {
                continue;
            }
            for (long s = starts[i] >>> shift; s <= (ends[i] - 1) >>> shift; s++) {
                if (!seen.get((int) s)) {
                    seen.set((int) s);
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Bytes of memmap allocated at boot for one node whose memory is the pfn ranges {@code [starts[i], ends[i])}
     * (sorted): every present section in full with SPARSEMEM_VMEMMAP, else the node's span from its first to
     * its last pfn rounded out to MAX_ORDER_NR_PAGES.
     */
    public long bootMemmapBytes(long[] starts, long[] ends) {
        if (starts.length == 0) {
            return 0;
        }
        if (sparseVmemmap) {
            return presentSections(starts, ends) * memmapBytesPerSection();
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int i = 0; i < starts.length; i++) {
            first = Math.min(first, starts[i]);
            last = Math.max(last, ends[i]);
        }
        long start = first & -MAX_ORDER_NR_PAGES;
        long end = (last + MAX_ORDER_NR_PAGES - 1) & -MAX_ORDER_NR_PAGES;
        return (end - start) * structPageSize;
    }

    /** Pages of vmemmap that describe one huge page of the given order. */
    public long hvoVmemmapPages(int hugeOrder) {
        return ((1L << hugeOrder) * structPageSize) >>> pageShift;
    }

    /**
     * hugetlb_vmemmap_optimizable_size(): bytes of vmemmap HVO frees per huge page of that order; 0 where HVO
     * is not built, where struct page is not a power of 2, or where the memmap fits in one page.
     */
    public long hvoFreeableBytes(int hugeOrder) {
        if (!hvoSupported || Integer.bitCount(structPageSize) != 1) {
            return 0;
        }
        long size = (1L << hugeOrder) * structPageSize - pageSize();
        return Math.max(size, 0);
    }

    public long hvoFreeablePages(int hugeOrder) {
        return hvoFreeableBytes(hugeOrder) >>> pageShift;
    }

    /** A short report: per-section and per-node memmap cost, and HVO for the usual huge page sizes. */
    public List<String> report(long[] starts, long[] ends, int[] hugeOrders) {
        List<String> out = new ArrayList<>();
        long pages = 0;
        for (int i = 0; i < starts.length; i++) {
            pages += Math.max(0, ends[i] - starts[i]);
        }
        out.add(String.format("struct page: %d bytes per %d KiB page = %.4f%% of RAM", structPageSize,
                pageSize() >> 10, overheadFraction() * 100));
        if (sparseVmemmap) {
            out.add(String.format("memory section: %d MiB = %d pages, memmap %d KiB per section",
                    (pagesPerSection() << pageShift) >> 20, pagesPerSection(), memmapBytesPerSection() >> 10));
            out.add(String.format("present: %d pages in %d sections; boot memmap %d KiB (whole sections)",
                    pages, presentSections(starts, ends), bootMemmapBytes(starts, ends) >> 10));
        } else {
            out.add(String.format("present: %d pages; FLATMEM node memmap %d KiB (span rounded to %d pages)",
                    pages, bootMemmapBytes(starts, ends) >> 10, MAX_ORDER_NR_PAGES));
        }
        if (!sparseVmemmap) {
            out.add("HVO: none (no vmemmap: the memory map is one flat array)");
            return out;
        }
        if (!hvoSupported) {
            out.add("HVO: none (" + name + " does not select ARCH_WANT_HUGETLB_PAGE_OPTIMIZE_VMEMMAP in 6.1)");
            return out;
        }
        for (int order : hugeOrders) {
            long hugeBytes = 1L << (order + pageShift);
            out.add(String.format("HVO, %s huge page: %d vmemmap pages, %d KiB can be freed (%d pages)",
                    Sizes.human(hugeBytes), hvoVmemmapPages(order), hvoFreeableBytes(order) >> 10,
                    hvoFreeablePages(order)));
        }
        return out;
    }
}
