package org.mmsim.boot.reserve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mmsim.boot.memblock.Memblock;
import org.mmsim.boot.spec.FirmwareRange;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.BootLayout;
import org.mmsim.boot.zone.NodeSpan;

/**
 * The small memblock allocations an x86_64 Debian 6.1 kernel makes between sparse_init() and
 * memblock_free_all() that no boot log line reports, each as its kernel function makes it (size, alignment,
 * order), so that top-down placement packs them into the same pages as the kernel: acpi_parse_hpet() and
 * io_apic_init_mappings() resources, e820__reserve_resources() with firmware_map_add_early() per entry,
 * e820__register_nosave_regions(), setup_command_line(), pcpu_embed_first_chunk() with its temporary
 * alloc info and areas and the pcpu_setup_first_chunk() tables, alloc_bootmem_cpumask_var(), the page tables
 * spp_getpage() allocates when setup_cpu_entry_areas() maps the CPU entry area, and swiotlb_init_remap()'s
 * area array. The sizes are those a {@code memblock=debug} boot log of Debian's 6.1.176 kernel lists
 * (oracle case x86_64-1G-memblockdebug), each derived from the structure it allocates.
 */
final class X86BootAllocations {
    private static final long PAGE = 4096;
    private static final long SMP_CACHE_BYTES = 64;
    private static final long MB = 1L << 20;
    /** sizeof(struct resource). */
    private static final long RESOURCE_BYTES = 64;
    /** acpi_parse_hpet(): a resource and its name, HPET_RESOURCE_NAME_SIZE 9. */
    private static final long HPET_RESOURCE_BYTES = RESOURCE_BYTES + 9;
    /** io_apic_init_mappings(): per IO-APIC a resource and its name, IOAPIC_RESOURCE_NAME_SIZE 11. */
    private static final long IOAPIC_RESOURCE_BYTES = RESOURCE_BYTES + 11;
    /** sizeof(struct firmware_map_entry). */
    private static final long FIRMWARE_MAP_ENTRY_BYTES = 104;
    /** sizeof(struct nosave_region). */
    private static final long NOSAVE_REGION_BYTES = 32;
    /** The percpu atom on x86_64 (PMD_SIZE): each group's units come as one block of whole atoms. */
    private static final long PERCPU_ATOM = 2 * MB;
    /** pcpu_setup_first_chunk()'s slot lists: pcpu_nr_slots list heads for each chunk type. */
    private static final long PCPU_CHUNK_LISTS_BYTES = 368;
    /**
     * pcpu_alloc_first_chunk() for the static/reserved and the dynamic region: the chunk, its alloc_map,
     * bound_map and md_blocks, sized by the region sizes of Debian's kernel (s217088 r8192 d28672).
     */
    private static final long[][] PCPU_FIRST_CHUNKS = {{144, 256, 264, 64}, {144, 896, 904, 224}};
    /** alloc_bootmem_cpumask_var() calls made before memblock_free_all(). */
    private static final int BOOT_CPUMASKS = 5;
    /** spp_getpage(): the PUD, PMD and PTE tables under the CPU entry area's PGD entry. */
    private static final int CPU_ENTRY_AREA_TABLES = 3;
    /** sizeof(struct io_tlb_area). */
    private static final long IO_TLB_AREA_BYTES = 16;
    private static final long BIOS_BEGIN = 0xa0000;
    private static final long BIOS_END = 0x100000;

    private final BootLayout layout;
    private final BootMemblock b;
    private final MachineSpec spec;

    X86BootAllocations(BootLayout layout, BootMemblock b) {
        this.layout = layout;
        this.b = b;
        this.spec = layout.spec();
    }

    private long alloc(long size, long align, String what) {
        return b.alloc(size, align, 0, Memblock.MEMBLOCK_ALLOC_ACCESSIBLE, Memblock.NUMA_NO_NODE, false, what);
    }

    /**
     * setup_arch()'s resources: the HPET and IO-APIC resources (acpi_boot_init), the e820 resources of the
     * trimmed table and a firmware map entry for each entry of the firmware's own (e820_table_firmware, copied
     * before trim_bios_range) in e820__reserve_resources, then the nosave regions (e820__register_nosave_regions).
     */
    void setupArchResources() {
        alloc(HPET_RESOURCE_BYTES, SMP_CACHE_BYTES, "hpet resource (acpi_parse_hpet)");
        alloc(IOAPIC_RESOURCE_BYTES, SMP_CACHE_BYTES, "ioapic resources (io_apic_init_mappings)");
        List<FirmwareRange> e820 = e820Table();
        alloc(RESOURCE_BYTES * e820.size(), SMP_CACHE_BYTES, "e820 resources (e820__reserve_resources)");
        for (int i = 0; i < spec.firmware().size(); i++) {
            alloc(FIRMWARE_MAP_ENTRY_BYTES, SMP_CACHE_BYTES, "firmware_map_add_early");
        }
        for (int i = 0; i < nosaveRegions(e820); i++) {
            alloc(NOSAVE_REGION_BYTES, SMP_CACHE_BYTES, "register_nosave_region");
        }
    }

    /**
     * e820_table once setup_arch() has trimmed it (trim_bios_range): the firmware map sorted, page 0 turned
     * from usable to reserved, usable memory removed from the legacy 640K-1M hole, neighbours of one type merged.
     */
    List<FirmwareRange> e820Table() {
        List<FirmwareRange> split = new ArrayList<>();
        for (FirmwareRange r : spec.firmware()) {
            if (r.type() == FirmwareRange.Type.USABLE && r.start() < PAGE && r.end() > PAGE) {
                split.add(new FirmwareRange(r.start(), PAGE, FirmwareRange.Type.RESERVED));
                split.add(new FirmwareRange(PAGE, r.end(), r.type()));
            } else if (r.type() == FirmwareRange.Type.USABLE && r.start() < BIOS_END && r.end() > BIOS_BEGIN) {
                if (r.start() < BIOS_BEGIN) {
                    split.add(new FirmwareRange(r.start(), BIOS_BEGIN, r.type()));
                }
                if (r.end() > BIOS_END) {
                    split.add(new FirmwareRange(BIOS_END, r.end(), r.type()));
                }
            } else {
                split.add(r);
            }
        }
        split.sort(Comparator.comparingLong(FirmwareRange::start));
        List<FirmwareRange> out = new ArrayList<>();
        for (FirmwareRange r : split) {
            FirmwareRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.type() == r.type() && last.end() == r.start()) {
                out.set(out.size() - 1, new FirmwareRange(last.start(), r.end(), r.type()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The struct nosave_region allocations of e820__register_nosave_regions(max_pfn): one for each gap or
     * non-RAM entry that does not extend the previous region (register_nosave_region), up to max_pfn.
     */
    int nosaveRegions(List<FirmwareRange> e820) {
        long limitPfn = layout.maxPfn();
        long pfn = 0;
        long lastEnd = -1;
        int allocs = 0;
        for (FirmwareRange r : e820) {
            long up = (r.start() + PAGE - 1) / PAGE;
            if (pfn < up) {
                allocs += lastEnd == pfn ? 0 : 1;
                lastEnd = up;
            }
            pfn = r.end() / PAGE;
            if (r.type() != FirmwareRange.Type.USABLE && up < pfn) {
                allocs += lastEnd == up ? 0 : 1;
                lastEnd = pfn;
            }
            if (pfn >= limitPfn) {
                break;
            }
        }
        return allocs;
    }

    /** setup_command_line(): saved_command_line and static_command_line, each the command line and its NUL. */
    void commandLine() {
        long len = spec.cmdline().text().length() + 1;
        alloc(len, SMP_CACHE_BYTES, "saved_command_line");
        alloc(len, SMP_CACHE_BYTES, "static_command_line");
    }

    /**
     * pcpu_embed_first_chunk(): the alloc info (pcpu_alloc_alloc_info, page-aligned) and the areas array, one
     * block of whole atoms per group (node) with each unit's unused tail freed at once (pcpu_fc_alloc,
     * pcpu_fc_free), pcpu_setup_first_chunk()'s group and unit tables, slot lists and the two first chunks,
     * then the alloc info and areas freed again.
     */
    void percpuEmbedFirstChunk() {
        int cpus = spec.cpus();
        List<NodeSpan> groups = new ArrayList<>();
        for (NodeSpan n : layout.nodes()) {
            if (n.endPfn() > n.startPfn() && groups.size() < cpus) {
                groups.add(n);
            }
        }
        long info = alloc(PAGE, PAGE, "pcpu alloc info");
        long areas = alloc(PAGE, SMP_CACHE_BYTES, "pcpu areas");
        long unitBytes = spec.facts().percpuPagesPerCpu() >= 0 ? spec.facts().percpuPagesPerCpu() * PAGE
                : EarlyAllocations.X86_64_PERCPU_PAGES * PAGE;
        for (int g = 0; g < groups.size(); g++) {
            int units = cpus / groups.size() + (g < cpus % groups.size() ? 1 : 0);
            long base = b.alloc(units * PERCPU_ATOM, PERCPU_ATOM, 16 * MB, Memblock.MEMBLOCK_ALLOC_ACCESSIBLE,
                    groups.get(g).nid(), false, "percpu first chunk, group " + g);
            for (int u = 0; u < units && base >= 0; u++) {
                long unit = base + u * PERCPU_ATOM;
                b.free(unit + unitBytes, PERCPU_ATOM - unitBytes, "percpu unit tail");
            }
        }
        alloc(groups.size() * 8L, SMP_CACHE_BYTES, "pcpu group offsets");
        alloc(groups.size() * 8L, SMP_CACHE_BYTES, "pcpu group sizes");
        alloc(cpus * 4L, SMP_CACHE_BYTES, "pcpu unit map");
        alloc(cpus * 8L, SMP_CACHE_BYTES, "pcpu unit offsets");
        alloc(PCPU_CHUNK_LISTS_BYTES, SMP_CACHE_BYTES, "pcpu chunk lists");
        for (long[] chunk : PCPU_FIRST_CHUNKS) {
            for (long size : chunk) {
                alloc(size, SMP_CACHE_BYTES, "pcpu first chunk maps");
            }
        }
        b.free(info, PAGE, "pcpu alloc info");
        b.free(areas, PAGE, "pcpu areas");
    }

    /** alloc_bootmem_cpumask_var(): one unsigned long per mask while nr_cpu_ids fits in one. */
    void bootCpumasks() {
        long bytes = (spec.cpus() + 63) / 64 * 8L;
        for (int i = 0; i < BOOT_CPUMASKS; i++) {
            alloc(bytes, SMP_CACHE_BYTES, "alloc_bootmem_cpumask_var");
        }
    }

    /** trap_init() -> setup_cpu_entry_areas(): spp_getpage() for each missing table level. */
    void cpuEntryAreaTables() {
        for (int i = 0; i < CPU_ENTRY_AREA_TABLES; i++) {
            alloc(PAGE, PAGE, "spp_getpage");
        }
    }

    /** swiotlb_init_remap(): the area array, one per possible CPU rounded up to a power of two. */
    void swiotlbAreas(boolean swiotlbMade) {
        if (!swiotlbMade) {
            return;
        }
        long nareas = Long.highestOneBit(Math.max(1, spec.cpus() * 2L - 1));
        alloc(nareas * IO_TLB_AREA_BYTES, SMP_CACHE_BYTES, "swiotlb areas");
    }
}
