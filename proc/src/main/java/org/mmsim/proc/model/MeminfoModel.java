package org.mmsim.proc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.mmsim.arch.Arch;
import org.mmsim.arch.ZoneType;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.proc.Meminfo;
import org.mmsim.proc.MeminfoEntry;

/**
 * /proc/meminfo of the live model (fs/proc/meminfo.c {@code meminfo_proc_show()}) with the fields and order of
 * Debian's 6.1 build per architecture: MemTotal is totalram_pages (the sum of managed pages), MemFree
 * NR_FREE_PAGES, MemAvailable {@code si_mem_available()} (free pages above totalreserve_pages, plus the page
 * cache and reclaimable slab each less min(half, the sum of low watermarks)), CommitLimit with
 * vm.overcommit_ratio 50, HighTotal/LowTotal on i386 and CmaTotal on arm64 from the zones; the rest from the
 * simulation's counters, 0 where the model keeps none.
 */
public final class MeminfoModel {
    private static final int OVERCOMMIT_RATIO = 50;

    private MeminfoModel() {
    }

    /**
     * @param swapTotalPages the swap device's size in pages (0 without swap); SwapFree subtracts the counter
     *                       {@code nr_swap_used} when the simulation keeps it
     */
    public static Meminfo of(Machine machine, long totalreservePages, ModelCounters c, long swapTotalPages) {
        Arch arch = machine.arch();
        long totalram = zoneSum(machine, Zone::managedPages);
        long free = zoneSum(machine, Zone::nrFreePages);
        long wmarkLow = zoneSum(machine, Zone::lowWmarkPages);
        long highTotal = zoneSum(machine, z -> z.type() == ZoneType.HIGHMEM ? z.managedPages() : 0);
        long highFree = zoneSum(machine, z -> z.type() == ZoneType.HIGHMEM ? z.nrFreePages() : 0);
        long cmaTotal = zoneSum(machine, Zone::cmaPages);
        long cmaFree = zoneSum(machine, Zone::nrFreeCmaPages);
        long activeAnon = c.get("nr_active_anon");
        long inactiveAnon = c.get("nr_inactive_anon");
        long activeFile = c.get("nr_active_file");
        long inactiveFile = c.get("nr_inactive_file");
        long sreclaimable = c.get("nr_slab_reclaimable");
        long sunreclaim = c.get("nr_slab_unreclaimable");
        long swapCached = c.get("nr_swapcached");
        long filePages = c.get("nr_file_pages");
        long swapUsed = Math.min(c.get("nr_swap_used"), swapTotalPages);

        long available = free - totalreservePages;
        long pagecache = activeFile + inactiveFile;
        pagecache -= Math.min(pagecache / 2, wmarkLow);
        available += pagecache;
        long reclaimable = sreclaimable + c.get("nr_kernel_misc_reclaimable");
        available += reclaimable - Math.min(reclaimable / 2, wmarkLow);
        available = Math.max(available, 0);

        long kb = arch.pageSize() / 1024;
        List<MeminfoEntry> e = new ArrayList<>();
        add(e, "MemTotal", totalram * kb);
        add(e, "MemFree", free * kb);
        add(e, "MemAvailable", available * kb);
        add(e, "Buffers", 0);
        add(e, "Cached", Math.max(filePages - swapCached, 0) * kb);
        add(e, "SwapCached", swapCached * kb);
        add(e, "Active", (activeAnon + activeFile) * kb);
        add(e, "Inactive", (inactiveAnon + inactiveFile) * kb);
        add(e, "Active(anon)", activeAnon * kb);
        add(e, "Inactive(anon)", inactiveAnon * kb);
        add(e, "Active(file)", activeFile * kb);
        add(e, "Inactive(file)", inactiveFile * kb);
        add(e, "Unevictable", c.get("nr_unevictable") * kb);
        add(e, "Mlocked", c.get("nr_mlock") * kb);
        if (arch == Arch.I386_PAE) {
            add(e, "HighTotal", highTotal * kb);
            add(e, "HighFree", highFree * kb);
            add(e, "LowTotal", (totalram - highTotal) * kb);
            add(e, "LowFree", (free - highFree) * kb);
        }
        add(e, "SwapTotal", swapTotalPages * kb);
        add(e, "SwapFree", (swapTotalPages - swapUsed) * kb);
        add(e, "Zswap", 0);
        add(e, "Zswapped", 0);
        add(e, "Dirty", c.get("nr_dirty") * kb);
        add(e, "Writeback", c.get("nr_writeback") * kb);
        add(e, "AnonPages", c.get("nr_anon_pages") * kb);
        add(e, "Mapped", c.get("nr_mapped") * kb);
        add(e, "Shmem", c.get("nr_shmem") * kb);
        add(e, "KReclaimable", reclaimable * kb);
        add(e, "Slab", (sreclaimable + sunreclaim) * kb);
        add(e, "SReclaimable", sreclaimable * kb);
        add(e, "SUnreclaim", sunreclaim * kb);
        add(e, "KernelStack", c.get("nr_kernel_stack"));
        add(e, "PageTables", c.get("nr_page_table_pages") * kb);
        add(e, "SecPageTables", c.get("nr_sec_page_table_pages") * kb);
        add(e, "NFS_Unstable", 0);
        add(e, "Bounce", c.get("nr_bounce") * kb);
        add(e, "WritebackTmp", c.get("nr_writeback_temp") * kb);
        add(e, "CommitLimit", (totalram * OVERCOMMIT_RATIO / 100 + swapTotalPages) * kb);
        add(e, "Committed_AS", c.get("nr_committed_as") * kb);
        add(e, "VmallocTotal", vmallocTotalKb(arch));
        add(e, "VmallocUsed", c.get("nr_vmalloc") * kb);
        add(e, "VmallocChunk", 0);
        add(e, "Percpu", 0);
        add(e, "HardwareCorrupted", 0);
        long hpage = ZoneInfoModel.HPAGE_PMD_NR;
        add(e, "AnonHugePages", c.get("nr_anon_transparent_hugepages") / hpage * hpage * kb);
        add(e, "ShmemHugePages", c.get("nr_shmem_hugepages") / hpage * hpage * kb);
        add(e, "ShmemPmdMapped", c.get("nr_shmem_pmdmapped") / hpage * hpage * kb);
        add(e, "FileHugePages", c.get("nr_file_hugepages") / hpage * hpage * kb);
        add(e, "FilePmdMapped", c.get("nr_file_pmdmapped") / hpage * hpage * kb);
        if (arch == Arch.ARM64) {
            add(e, "CmaTotal", cmaTotal * kb);
            add(e, "CmaFree", cmaFree * kb);
        }
        e.add(new MeminfoEntry("HugePages_Total", 0, false));
        e.add(new MeminfoEntry("HugePages_Free", 0, false));
        e.add(new MeminfoEntry("HugePages_Rsvd", 0, false));
        e.add(new MeminfoEntry("HugePages_Surp", 0, false));
        add(e, "Hugepagesize", hpage * kb);
        add(e, "Hugetlb", 0);
        if (arch != Arch.ARM64) {
            add(e, "DirectMap4k", 0);
            add(e, "DirectMap2M", 0);
        }
        return new Meminfo(e);
    }

    /** VMALLOC_TOTAL of Debian's 6.1 kernels (from the oracle machines' meminfo). */
    static long vmallocTotalKb(Arch arch) {
        return switch (arch) {
            case X86_64 -> 34359738367L;
            case ARM64 -> 133143592960L;
            case I386_PAE -> 122880L;
        };
    }

    /** One per-zone figure summed over the machine's zones, as the kernel's global counters are. */
    private static long zoneSum(Machine machine, ToLongFunction<Zone> figure) {
        long sum = 0;
        for (Zone z : machine.zones()) {
            sum += figure.applyAsLong(z);
        }
        return sum;
    }

    private static void add(List<MeminfoEntry> e, String name, long kb) {
        e.add(MeminfoEntry.kb(name, kb));
    }
}
