package org.mmsim.arch.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The areas at the top of the i386 kernel address space, worked out downwards from __FIXADDR_TOP the way
 * arch/x86/include/asm/fixmap.h (enum fixed_addresses, FIXADDR_START, FIXADDR_TOT_START) and
 * pgtable_32_areas.h (CPU_ENTRY_AREA_BASE, LDT_BASE_ADDR, PKMAP_BASE, VMALLOC_END, MAXMEM) define them.
 */
public final class I386FixedAreas {
    private static final long PAGE = 4096;
    /** NR_FIX_BTMAPS * FIX_BTMAPS_SLOTS: 512 early_ioremap slots. */
    private static final int TOTAL_FIX_BTMAPS = 64 * 8;

    private final I386Config config;
    private final int permanentSlots;
    private final int btmapEnd;
    private final int totalSlots;
    private final List<String> slotBreakdown = new ArrayList<>();

    public I386FixedAreas(I386Config config) {
        this.config = config;
        int slots = 0;
        slots += add("FIX_HOLE", 1);
        slots += add("FIX_DBGP_BASE", 1);
        slots += add("FIX_EARLYCON_MEM_BASE", 1);
        slots += add("FIX_APIC_BASE", 1);
        slots += add("FIX_IO_APIC_BASE_0.." + (config.maxIoApics() - 1), config.maxIoApics());
        slots += add("FIX_KMAP " + config.kmapMaxIdx() + " x " + config.nrCpus() + " CPUs",
                config.kmapMaxIdx() * config.nrCpus());
        if (config.pciMmconfig()) {
            slots += add("FIX_PCIE_MCFG", 1);
        }
        if (config.acpiApeiGhes()) {
            slots += add("FIX_APEI_GHES_IRQ/NMI", 2);
        }
        this.permanentSlots = slots;
        // The 512 boot-time slots must fit one page table, so they start on a PTRS_PER_PTE boundary if the
        // plain next index would make them straddle one.
        boolean straddles = ((slots ^ (slots + TOTAL_FIX_BTMAPS - 1)) & -config.ptrsPerPte()) != 0;
        this.btmapEnd = straddles ? slots + TOTAL_FIX_BTMAPS - (slots & (TOTAL_FIX_BTMAPS - 1)) : slots;
        int btmapBegin = btmapEnd + TOTAL_FIX_BTMAPS - 1;
        this.totalSlots = btmapBegin + 1 + 1 + (config.intelTxt() ? 1 : 0);
    }

    private int add(String name, int n) {
        slotBreakdown.add(name + " " + n);
        return n;
    }

    public I386Config config() {
        return config;
    }

    /** __end_of_permanent_fixed_addresses. */
    public int permanentSlots() {
        return permanentSlots;
    }

    /** FIX_BTMAP_END: the first early_ioremap slot. */
    public int btmapEnd() {
        return btmapEnd;
    }

    /** __end_of_fixed_addresses (after FIX_BTMAP_BEGIN and FIX_WP_TEST). */
    public int totalSlots() {
        return totalSlots;
    }

    /** The permanent slots by name with their counts. */
    public List<String> slotBreakdown() {
        return List.copyOf(slotBreakdown);
    }

    public long fixaddrTop() {
        return config.fixaddrTop();
    }

    /** FIXADDR_START = FIXADDR_TOP - FIXADDR_SIZE (permanent slots). */
    public long fixaddrStart() {
        return fixaddrTop() - permanentSlots * PAGE;
    }

    /** FIXADDR_TOT_START = FIXADDR_TOP - FIXADDR_TOT_SIZE (all slots). */
    public long fixaddrTotStart() {
        return fixaddrTop() - totalSlots * PAGE;
    }

    /** CPU_ENTRY_AREA_PAGES = NR_CPUS * pages per CPU. */
    public long cpuEntryAreaPages() {
        return (long) config.nrCpus() * config.cpuEntryAreaPagesPerCpu();
    }

    /** CPU_ENTRY_AREA_BASE: below the fixmap, room for every CPU's area plus the read-only IDT page, PMD aligned. */
    public long cpuEntryAreaBase() {
        return (fixaddrTotStart() - PAGE * (cpuEntryAreaPages() + 1)) & -config.pmdSize();
    }

    /** CPU_ENTRY_AREA_MAP_SIZE: the IDT page and the per-CPU areas. */
    public long cpuEntryAreaMapSize() {
        return PAGE + cpuEntryAreaPages() * PAGE;
    }

    /** LDT_BASE_ADDR: one PMD below the cpu_entry_area. */
    public long ldtBase() {
        return (cpuEntryAreaBase() - PAGE) & -config.pmdSize();
    }

    /** PKMAP_BASE: one PMD below the LDT. */
    public long pkmapBase() {
        return (ldtBase() - PAGE) & -config.pmdSize();
    }

    /** PKMAP_BASE + LAST_PKMAP pages. */
    public long pkmapEnd() {
        return pkmapBase() + config.lastPkmap() * PAGE;
    }

    /** VMALLOC_END = PKMAP_BASE - 2 pages (CONFIG_HIGHMEM). */
    public long vmallocEnd() {
        return pkmapBase() - 2 * PAGE;
    }

    /** MAXMEM = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE: the most lowmem there can be. */
    public long maxmem() {
        return vmallocEnd() - config.pageOffset() - config.vmallocReserve();
    }

    /** MAXMEM_PFN = PFN_DOWN(MAXMEM). */
    public long maxmemPfn() {
        return maxmem() >>> 12;
    }
}
