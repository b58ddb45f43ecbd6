package org.mmsim.boot.reserve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mmsim.arch.Arch;
import org.mmsim.boot.memblock.Memblock;
import org.mmsim.boot.spec.EarlyFacts;
import org.mmsim.boot.spec.KernelImage;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.spec.Reservation;
import org.mmsim.boot.zone.BootArch;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.MemRange;
import org.mmsim.boot.zone.NodeSpan;
import org.mmsim.boot.zone.ZoneSpan;

/**
 * The memblock allocations a Debian 6.1 kernel makes during boot without saying where: the x86 brk area
 * after the kernel image (reserve_brk), NODE_DATA (x86 alloc_node_data, arm64 early_nodes_alloc), the
 * sparse memory model's section roots, usemaps and memmap (mm/sparse.c sparse_init, sparse_init_nid with the
 * 2 MiB-aligned memmap buffer, mm/sparse-vmemmap.c page tables) or FLATMEM's single mem_map
 * (alloc_node_mem_map), the percpu first chunk (pcpu_embed_first_chunk, which frees the unused tail of each
 * unit), the dentry and inode hash tables (vfs_caches_init_early via alloc_large_system_hash) and the
 * swiotlb buffer (swiotlb_init). Sizes follow the kernel's formulas, or the boot log where it states them
 * ({@link EarlyFacts}); every allocation is top-down, as memblock's default. Those the boot log locates
 * exactly are already reserved by {@link BootMemblock} and are not made again.
 */
final class EarlyAllocations {
    private static final long MB = 1L << 20;
    /** sizeof(pg_data_t) rounded as x86 alloc_node_data() reserves it, from the oracle logs (0x2b000). */
    private static final long X86_NODE_DATA_BYTES = 0x2b000;
    /** The x86_64 brk area the memblock=debug oracle shows right after the kernel image. */
    private static final long X86_BRK_BYTES = 0x11000;
    /** The x86_64 percpu first chunk Debian's kernel embeds per CPU ("Embedded 62 pages/cpu"). */
    static final long X86_64_PERCPU_PAGES = 62;
    private static final long ARM64_PERCPU_PAGES = 31;
    private static final long I386_PERCPU_PAGES = 33;
    private static final long SWIOTLB_BYTES = 64 * MB;

    private final BootLayout layout;
    private final BootMemblock b;
    private final MachineSpec spec;
    private final Arch arch;
    private final int shift;
    /** The vmemmap PUD (even keys) and PMD (odd keys) tables made so far. */
    private final Set<Long> vmemmapTables = new HashSet<>();

    EarlyAllocations(BootLayout layout, BootMemblock b) {
        this.layout = layout;
        this.b = b;
        this.spec = layout.spec();
        this.arch = spec.arch();
        this.shift = arch.pageShift();
    }

    /** Where the kernel image lies when the spec does not say: the default load address and the image sizes. */
    static Reservation defaultKernelImage(BootLayout layout) {
        MachineSpec spec = layout.spec();
        KernelImage k = spec.image();
        long size = (k.codeK() + k.rwdataK() + k.rodataK() + k.initK() + k.bssK()) << 10;
        long start = spec.arch() == Arch.ARM64
                ? (layout.memory().get(0).startPfn() << spec.arch().pageShift()) + 2 * MB : 16 * MB;
        long end = (start + size + 2 * MB - 1) & -(2 * MB);
        return Reservation.reserve(start, end, "kernel");
    }

    void run() {
        if (arch != Arch.ARM64) {
            spec.reservations().stream().filter(r -> r.what().equals("kernel")).findFirst()
                    .ifPresent(k -> b.reserve(Reservation.reserve(k.end(), k.end() + X86_BRK_BYTES, "brk")));
        }
        nodeData();
        if (BootArch.of(arch).sparsemem()) {
            sparseInit();
        } else {
            flatMemMap();
        }
        if (arch == Arch.X86_64) {
            X86BootAllocations x86 = new X86BootAllocations(layout, b);
            x86.setupArchResources();
            x86.commandLine();
            x86.percpuEmbedFirstChunk();
            x86.bootCpumasks();
            hashTables();
            x86.cpuEntryAreaTables();
            x86.swiotlbAreas(swiotlb());
            return;
        }
        percpu();
        hashTables();
        swiotlb();
        b.alloc(4 * pageSize(), pageSize(), 0, accessibleLimit(), Memblock.NUMA_NO_NODE, false, "small early allocations");
    }

    private long pageSize() {
        return 1L << shift;
    }

    /** memblock's current limit: lowmem on i386, everything elsewhere. */
    private long accessibleLimit() {
        return arch == Arch.I386_PAE ? layout.maxLowPfn() << shift : Memblock.MEMBLOCK_ALLOC_ACCESSIBLE;
    }

    private void nodeData() {
        if (arch == Arch.I386_PAE || spec.reservations().stream().anyMatch(r -> r.what().equals("node_data"))) {
            return;
        }
        for (NodeSpan n : layout.nodes()) {
            if (n.endPfn() > n.startPfn()) {
                b.alloc(X86_NODE_DATA_BYTES, pageSize(), 0, Memblock.MEMBLOCK_ALLOC_ACCESSIBLE, n.nid(), false,
                        "NODE_DATA(" + n.nid() + ")");
            }
        }
    }

    /** sparse_init(): section roots, one index page per used root, and per node usemaps, memmap and vmemmap tables. */
    private void sparseInit() {
        long perSection = BootMemblock.pagesPerSection(arch);
        long sectionsPerRoot = pageSize() / BootArch.of(arch).memSectionSize();
        long nrSectionRoots = (1L << (arch.physAddrBits() - BootArch.of(arch).sectionSizeBits())) / sectionsPerRoot;
        b.alloc(nrSectionRoots * 8, 64, 0, accessibleLimit(), Memblock.NUMA_NO_NODE, false, "mem_section roots");
        long lastRoot = -1;
        for (MemRange r : layout.memory()) {
            for (long sec = r.startPfn() / perSection; sec * perSection < r.endPfn(); sec++) {
                long root = sec / sectionsPerRoot;
                if (root != lastRoot) {
                    b.alloc(pageSize(), 64, 0, accessibleLimit(), r.nid(), false, "sparse_index_alloc");
                    lastRoot = root;
                }
            }
        }
        long memmapPerSection = perSection * BootArch.of(arch).structPageSize();
        for (NodeSpan n : layout.nodes()) {
            long sections = presentSectionNumbers(n.nid(), perSection).size();
            if (sections == 0) {
                continue;
            }
            long usemap = sections * (BootArch.of(arch).memSectionUsageSize()
                    + (4 * (perSection >> arch.pageblockOrder()) + 63) / 64 * 8);
            b.alloc(Math.max(64, usemap), 64, 0, accessibleLimit(), n.nid(), false, "usemap");
            long pmd = 2 * MB;
            long buffer = b.alloc(sections * memmapPerSection, pmd, 16 * MB, accessibleLimit(), n.nid(), true,
                    "memmap (sparse_buffer_init)");
            if (buffer < 0) {
                for (long s = 0; s < sections; s++) {
                    b.alloc(memmapPerSection, pmd, 16 * MB, accessibleLimit(), n.nid(), false, "memmap");
                }
            }
            for (long sec : presentSectionNumbers(n.nid(), perSection)) {
                long va = sec * memmapPerSection;
                for (long table : new long[] {(va >> 39) << 1, ((va >> 30) << 1) | 1}) {
                    if (vmemmapTables.add(table)) {
                        b.alloc(pageSize(), pageSize(), 16 * MB, accessibleLimit(), n.nid(), false, "vmemmap page table");
                    }
                }
            }
        }
    }

    /**
     * The present sections of a node, ascending, as sparse_init_nid() populates them; each section's memmap
     * lies at its own place in the vmemmap, so nodes share the PUD and PMD tables (vmemmap_populate_hugepages:
     * one PMD table per GiB of vmemmap, one PUD table per 512 GiB) and only the first to need one allocates it.
     */
    private List<Long> presentSectionNumbers(int nid, long perSection) {
        List<Long> out = new ArrayList<>();
        for (MemRange r : layout.memory()) {
            if (r.nid() != nid) {
                continue;
            }
            for (long sec = r.startPfn() / perSection; sec * perSection < r.endPfn(); sec++) {
                if (out.isEmpty() || out.get(out.size() - 1) != sec) {
                    out.add(sec);
                }
            }
        }
        return out;
    }


    /** alloc_node_mem_map(): FLATMEM's struct page array for the node's span, MAX_ORDER aligned, in lowmem. */
    private void flatMemMap() {
        long maxOrderPages = 1L << (arch.maxOrder() - 1);
        for (NodeSpan n : layout.nodes()) {
            long start = n.startPfn() & -maxOrderPages;
            long end = (n.endPfn() + maxOrderPages - 1) & -maxOrderPages;
            long size = (end - start) * BootArch.of(arch).structPageSize();
            b.alloc(size, 64, 0, accessibleLimit(), n.nid(), false, "mem_map");
        }
    }

    /** pcpu_embed_first_chunk(): per CPU the embedded pages (the unit's unused tail is freed at once). */
    private void percpu() {
        long pages = spec.facts().percpuPagesPerCpu();
        if (pages < 0) {
            pages = arch == Arch.X86_64 ? X86_64_PERCPU_PAGES : arch == Arch.ARM64 ? ARM64_PERCPU_PAGES : I386_PERCPU_PAGES;
        }
        int[] cpuNode = new int[spec.cpus()];
        int nodes = layout.nodes().size();
        for (int c = 0; c < cpuNode.length; c++) {
            cpuNode[c] = (int) ((long) c * nodes / cpuNode.length);
        }
        for (int c = 0; c < cpuNode.length; c++) {
            long align = arch == Arch.X86_64 ? 2 * MB : pageSize();
            b.alloc(pages * pageSize(), align, arch == Arch.X86_64 ? 16 * MB : 0, accessibleLimit(), cpuNode[c], false,
                    "percpu first chunk, cpu " + c);
        }
    }

    /** vfs_caches_init_early(): dentry and inode hashes from memblock unless hashdist (NUMA) defers them. */
    private void hashTables() {
        EarlyFacts f = spec.facts();
        boolean numa = layout.onlineNodes() > 1;
        long dentry = f.dentryHashBytes() >= 0 ? f.dentryHashBytes() : numa ? 0 : largeSystemHash(13);
        long inode = f.inodeHashBytes() >= 0 ? f.inodeHashBytes() : numa ? 0 : largeSystemHash(14);
        if (dentry > 0) {
            b.alloc(dentry, 64, 0, accessibleLimit(), Memblock.NUMA_NO_NODE, false, "Dentry cache hash table");
        }
        if (inode > 0) {
            b.alloc(inode, 64, 0, accessibleLimit(), Memblock.NUMA_NO_NODE, false, "Inode-cache hash table");
        }
    }

    /** alloc_large_system_hash() with 8-byte buckets: entries from nr_kernel_pages and the scale. */
    private long largeSystemHash(int scale) {
        long nrKernelPages = 0;
        for (NodeSpan n : layout.nodes()) {
            for (ZoneSpan z : n.zones()) {
                if (z.type() != org.mmsim.arch.ZoneType.HIGHMEM) {
                    nrKernelPages += z.initialManaged();
                }
            }
        }
        long entries = (nrKernelPages + (MB >> shift) - 1) / (MB >> shift) * (MB >> shift);
        entries = scale > shift ? entries >> (scale - shift) : entries << (shift - scale);
        entries = Long.highestOneBit(entries - 1) << 1;
        return entries * 8;
    }

    /**
     * swiotlb_init_remap(): a 64 MiB bounce buffer below 4 GiB when memory reaches above 4 GiB, and its slot
     * array (struct io_tlb_slot per 2 KiB slab: 24 bytes on 64-bit, 16 on 32-bit), page-aligned.
     */
    private boolean swiotlb() {
        boolean logged = spec.reservations().stream().anyMatch(r -> r.what().equals("swiotlb"));
        if (!logged && layout.maxPfn() <= ((4L << 30) >> shift)) {
            return false;
        }
        if (!logged) {
            b.alloc(SWIOTLB_BYTES, pageSize(), 0, 0xffffffffL, Memblock.NUMA_NO_NODE, false, "swiotlb");
        }
        long slots = SWIOTLB_BYTES >> IO_TLB_SHIFT;
        long slotBytes = arch == Arch.I386_PAE ? 16 : 24;
        long size = (slots * slotBytes + pageSize() - 1) & -pageSize();
        b.alloc(size, pageSize(), 0, accessibleLimit(), Memblock.NUMA_NO_NODE, false, "swiotlb slots");
        return true;
    }

    /** IO_TLB_SHIFT: swiotlb slabs of 2 KiB. */
    private static final int IO_TLB_SHIFT = 11;
}
