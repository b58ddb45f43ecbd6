package org.mmsim.arch.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * How an i386 kernel splits RAM into lowmem (permanently mapped from PAGE_OFFSET) and highmem: models
 * arch/x86/mm/init_32.c {@code find_low_pfn_range()}, {@code lowmem_pfn_init()}, {@code highmem_pfn_init()}
 * and {@code initmem_init()} with MAXMEM from {@link I386FixedAreas}, and explains in numbers why lowmem
 * ends short of 896 MiB.
 */
public final class I386Lowmem {
    /** MAX_NONPAE_PFN: 4 GiB, the most a HIGHMEM4G kernel uses. */
    public static final long MAX_NONPAE_PFN = 1L << 20;

    private I386Lowmem() {
    }

    /**
     * The outcome.
     *
     * @param maxPfnIn     max_pfn from e820 before the split
     * @param maxPfn       max_pfn afterwards (trimmed by highmem= or the 4 GiB limit of non-PAE kernels)
     * @param maxLowPfn    max_low_pfn: end of lowmem
     * @param highstartPfn highstart_pfn
     * @param highendPfn   highend_pfn
     * @param warnings     the kernel's warning lines, if any
     */
    public record Result(I386FixedAreas areas, long maxPfnIn, long maxPfn, long maxLowPfn, long highstartPfn,
                         long highendPfn, List<String> warnings) {

        /** high_memory = __va(highstart_pfn * PAGE_SIZE - 1) + 1. */
        public long highMemory() {
            return areas.config().pageOffset() + (highstartPfn << 12);
        }

        /** VMALLOC_START = high_memory + VMALLOC_OFFSET. */
        public long vmallocStart() {
            return highMemory() + I386Config.VMALLOC_OFFSET;
        }

        public long vmallocEnd() {
            return areas.vmallocEnd();
        }

        /** pages_to_mb(max_low_pfn), as "%ldMB LOWMEM available." prints it. */
        public long lowmemMb() {
            return maxLowPfn >>> 8;
        }

        /** pages_to_mb(highend_pfn - highstart_pfn). */
        public long highmemMb() {
            return (highendPfn - highstartPfn) >>> 8;
        }

        /** The lines the kernel prints about the split, in boot-log order, without timestamps. */
        public List<String> bootLogLines() {
            List<String> out = new ArrayList<>(warnings);
            out.add(highmemMb() + "MB HIGHMEM available.");
            out.add(lowmemMb() + "MB LOWMEM available.");
            out.add(String.format("  mapped low ram: 0 - %08x", maxLowPfn << 12));
            out.add(String.format("  low ram: 0 - %08x", maxLowPfn << 12));
            out.add(String.format("  Normal   [mem 0x%016x-0x%016x]", 16L << 20, (maxLowPfn << 12) - 1));
            if (highendPfn > highstartPfn) {
                out.add(String.format("  HighMem  [mem 0x%016x-0x%016x]", maxLowPfn << 12, (maxPfn << 12) - 1));
                out.add(String.format("Initializing HighMem for node 0 (%08x:%08x)", highstartPfn, highendPfn));
            }
            return out;
        }

        /** The arithmetic from __FIXADDR_TOP down to max_low_pfn, one step a line. */
        public List<String> breakdown() {
            I386Config c = areas.config();
            long mib = 1L << 20;
            List<String> out = new ArrayList<>();
            out.add(String.format("i386 %s, NR_CPUS=%d, PAGE_OFFSET 0x%08x, PMD %d MiB",
                    c.pae() ? "PAE (HIGHMEM64G)" : "non-PAE (HIGHMEM4G)", c.nrCpus(), c.pageOffset(),
                    c.pmdSize() >> 20));
            out.add(String.format("fixmap: %d permanent slots (%s)", areas.permanentSlots(),
                    String.join(", ", areas.slotBreakdown())));
            out.add(String.format("        + 512 early_ioremap slots from %d, + FIX_WP_TEST%s = %d slots",
                    areas.btmapEnd(), c.intelTxt() ? " + FIX_TBOOT_BASE" : "", areas.totalSlots()));
            out.add(String.format("FIXADDR_TOP       0x%08x", areas.fixaddrTop()));
            out.add(String.format("FIXADDR_START     0x%08x = FIXADDR_TOP - %d pages", areas.fixaddrStart(),
                    areas.permanentSlots()));
            out.add(String.format("FIXADDR_TOT_START 0x%08x = FIXADDR_TOP - %d pages", areas.fixaddrTotStart(),
                    areas.totalSlots()));
            out.add(String.format("CPU_ENTRY_AREA    0x%08x = (FIXADDR_TOT_START - 4 KiB x (%d CPUs x %d pages + 1))"
                    + " rounded down to a PMD", areas.cpuEntryAreaBase(), c.nrCpus(), c.cpuEntryAreaPagesPerCpu()));
            out.add(String.format("LDT_BASE_ADDR     0x%08x (one PMD)", areas.ldtBase()));
            out.add(String.format("PKMAP_BASE        0x%08x (LAST_PKMAP %d pages = %d MiB)", areas.pkmapBase(),
                    c.lastPkmap(), c.lastPkmap() * 4096L >> 20));
            out.add(String.format("VMALLOC_END       0x%08x = PKMAP_BASE - 2 pages", areas.vmallocEnd()));
            out.add(String.format("MAXMEM            0x%08x = VMALLOC_END - PAGE_OFFSET - __VMALLOC_RESERVE (%d MiB)"
                    + " = %.2f MiB", areas.maxmem(), c.vmallocReserve() >> 20, areas.maxmem() / (double) mib));
            long top = (1L << 32) - areas.vmallocEnd();
            out.add(String.format("why not 896 MiB: 1024 MiB above PAGE_OFFSET - %d MiB vmalloc reserve - %.2f MiB"
                    + " from VMALLOC_END to 4 GiB (guard 8 KiB, pkmap, LDT, cpu_entry_area, fixmap, top page)"
                    + " = %.2f MiB", c.vmallocReserve() >> 20, top / (double) mib, areas.maxmem() / (double) mib));
            out.add(String.format("max_pfn 0x%x (RAM ends at %d MiB)%s", maxPfnIn, maxPfnIn >>> 8,
                    maxPfnIn > areas.maxmemPfn()
                        ? String.format(" > MAXMEM_PFN 0x%x: highmem_pfn_init()", areas.maxmemPfn())
                        : String.format(" <= MAXMEM_PFN 0x%x: lowmem_pfn_init(), all RAM is lowmem",
                            areas.maxmemPfn())));
            out.add(String.format("max_low_pfn 0x%x, highstart_pfn 0x%x, highend_pfn 0x%x", maxLowPfn, highstartPfn,
                    highendPfn));
            out.add(String.format("high_memory 0x%08x, VMALLOC_START 0x%08x, vmalloc %d KiB", highMemory(),
                    vmallocStart(), (vmallocEnd() - vmallocStart()) >> 10));
            return out;
        }
    }

    /** The split for Debian's 686-pae (pae) or 686 kernel with no highmem= parameter. */
    public static Result compute(long maxPfn, boolean pae) {
        return compute(maxPfn, pae ? I386Config.debian686Pae() : I386Config.debian686(), -1);
    }

    /**
     * The split.
     *
     * @param maxPfn       max_pfn from e820
     * @param config       the kernel's configuration
     * @param highmemPages the highmem= parameter in pages, or -1 if not given
     */
    public static Result compute(long maxPfn, I386Config config, long highmemPages) {
        I386FixedAreas areas = new I386FixedAreas(config);
        long maxmemPfn = areas.maxmemPfn();
        List<String> warnings = new ArrayList<>();
        long maxPfnOut = maxPfn;
        long maxLowPfn;
        long highmem = highmemPages;
        if (maxPfn <= maxmemPfn) {
            maxLowPfn = maxPfn;
            if (highmem == -1) {
                highmem = 0;
            }
            if (highmem >= maxPfn) {
                warnings.add(String.format("highmem size (%dMB) is bigger than pages available (%dMB)!",
                        highmem >>> 8, maxPfn >>> 8));
                highmem = 0;
            }
            if (highmem > 0) {
                if (maxLowPfn - highmem < (64L << 20) / 4096) {
                    warnings.add(String.format("highmem size (%dMB) results in <64MB lowmem, ignoring it!",
                            highmem >>> 8));
                    highmem = 0;
                }
                maxLowPfn -= highmem;
            }
        } else {
            maxLowPfn = maxmemPfn;
            if (highmem == -1) {
                highmem = maxPfn - maxmemPfn;
            }
            if (highmem + maxmemPfn < maxPfnOut) {
                maxPfnOut = maxmemPfn + highmem;
            }
            if (highmem + maxmemPfn > maxPfnOut) {
                warnings.add(String.format("only %dMB highmem pages available, ignoring highmem size of %dMB!",
                        (maxPfnOut - maxmemPfn) >>> 8, highmem >>> 8));
            }
            if (!config.pae() && maxPfnOut > MAX_NONPAE_PFN) {
                maxPfnOut = MAX_NONPAE_PFN;
                warnings.add("Warning: only 4GB will be used. Use a HIGHMEM64G enabled kernel!");
            }
        }
        long highstart = maxPfnOut;
        long highend = maxPfnOut;
        if (maxPfnOut > maxLowPfn) {
            highstart = maxLowPfn;
        }
        return new Result(areas, maxPfn, maxPfnOut, maxLowPfn, highstart, highend, List.copyOf(warnings));
    }
}
