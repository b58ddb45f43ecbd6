package org.mmsim.kernel.init;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mmsim.arch.Arch;
import org.mmsim.arch.layout.I386Lowmem;
import org.mmsim.kernel.MachinePageSource;
import org.mmsim.kernel.slab.Slub;
import org.mmsim.kernel.slab.SlubParams;
import org.mmsim.kernel.vmalloc.Vmalloc;
import org.mmsim.kernel.vmalloc.VmallocRange;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.page.init.BootedMachine;

/**
 * The kernel allocators of a booted machine, set up as init/main.c mm_init() does once the buddy allocator is
 * running: kmem_cache_init() (SLUB's own caches and create_kmalloc_caches()) and then vmalloc_init() (the
 * vmap_area cache and the free vmalloc space), both taking their pages from the machine through
 * {@link MachinePageSource}.
 */
public record KernelBoot(MachinePageSource pages, Slub slub, Vmalloc vmalloc) {

    /** Boots SLUB and vmalloc on the machine's buddy allocator. */
    public static KernelBoot boot(BootedMachine booted) {
        return boot(booted, new MachinePageSource(booted.machine()));
    }

    /** Boots SLUB and vmalloc over a page source of the booted machine (e.g. one routed through reclaim). */
    public static KernelBoot boot(BootedMachine booted, MachinePageSource pages) {
        Machine m = booted.machine();
        Slub slub = Slub.boot(slubParams(m), pages);
        int[] cpuToNode = cpuToNode(m);
        Vmalloc vmalloc = new Vmalloc(vmallocRange(booted), pages, slub, cpuToNode, m.nodes().size());
        long totalram = 0;
        for (Zone z : m.zones()) {
            totalram += z.managedPages();
        }
        vmalloc.setTotalRamPages(totalram);
        return new KernelBoot(pages, slub, vmalloc);
    }

    /** The arch's SLUB parameters with the machine's CPUs (nr_cpu_ids), nodes (nr_node_ids) and cpu_to_node(). */
    public static SlubParams slubParams(Machine m) {
        int cpus = m.nrCpus();
        int nodes = m.nodes().size();
        SlubParams p = switch (m.arch()) {
            case X86_64 -> SlubParams.x86_64(cpus, nodes);
            case ARM64 -> SlubParams.arm64(cpus, nodes);
            case I386_PAE -> SlubParams.i386Pae(cpus);
        };
        return p.withCpuToNode(cpuToNode(m));
    }

    /**
     * VMALLOC_START and VMALLOC_END: fixed on x86_64 and arm64; on i386 they follow high_memory (lowmem's end,
     * from max_pfn) and the fixmap, pkmap and cpu_entry_area below the top of the address space.
     */
    public static VmallocRange vmallocRange(BootedMachine booted) {
        Arch arch = booted.machine().arch();
        return switch (arch) {
            case X86_64 -> VmallocRange.x86_64();
            case ARM64 -> VmallocRange.arm64();
            case I386_PAE -> {
                I386Lowmem.Result split = I386Lowmem.compute(booted.layout().maxPfn(), true);
                yield VmallocRange.i386Pae(split.vmallocStart(), split.vmallocEnd());
            }
        };
    }

    private static int[] cpuToNode(Machine m) {
        int[] map = new int[m.nrCpus()];
        for (int c = 0; c < map.length; c++) {
            map[c] = m.cpuToNode(c);
        }
        return map;
    }

    /** vmstat's nr_slab_reclaimable, nr_slab_unreclaimable and nr_vmalloc (pages) of these allocators. */
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("nr_slab_reclaimable", slub.nrSlabReclaimable());
        out.put("nr_slab_unreclaimable", slub.nrSlabUnreclaimable());
        out.put("nr_vmalloc", vmalloc.nrVmallocPages());
        return out;
    }
}
