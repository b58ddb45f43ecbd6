package org.mmsim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.boot.zone.EarlyBoot;
import org.mmsim.kernel.init.KernelBoot;
import org.mmsim.kernel.slab.SlabInfo;
import org.mmsim.kernel.vmalloc.VmallocInfo;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.proc.model.ProcFiles;
import org.mmsim.study.BootExhaustion;
import org.mmsim.study.MachineBoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mmsim boot}: boots a machine as Linux 6.1 would and prints the boot-log lines about memory, then the
 * /proc files asked for, as they stand right after boot: the page allocator's, and slabinfo and vmallocinfo of
 * the kernel allocators mm_init() sets up ({@link KernelBoot}: the kmalloc caches and vmalloc's vmap_area cache).
 * {@code --set} adds a boot parameter or a boot-time sysctl ({@link SettingOptions}).
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Boot a machine (machine file, preset or real boot log) and print its memory boot log and /proc files.")
final class BootCommand implements Callable<Integer> {
    @Mixin
    MachineOptions machine = new MachineOptions();

    @Mixin
    SettingOptions set = new SettingOptions();

    @Option(names = "--zoneinfo", paramLabel = "FILE",
            description = "with --from-dmesg: the real machine's /proc/zoneinfo; its managed pages are used (twin mode)")
    Path zoneinfo;

    @Option(names = "--meminfo", paramLabel = "FILE",
            description = "the real machine's /proc/meminfo after boot: allocate what it already used (kernel, "
                    + "reclaimable slab, tmpfs, anonymous) so free memory and the pageblock mix come close to it")
    Path meminfo;

    @Option(names = "--print", split = ",", paramLabel = "FILE",
            description = "files to print after the boot log: zoneinfo, buddyinfo, pagetypeinfo, meminfo, vmstat, "
                    + "extfrag_index, unusable_index, slabinfo, vmallocinfo")
    List<String> print = List.of();

    /** The files the kernel allocators render (besides the page allocator's {@link ProcFiles#NAMES}). */
    static final List<String> KERNEL_FILES = List.of("slabinfo", "vmallocinfo");

    @Option(names = "--save-machine", paramLabel = "FILE", description = "also write the machine as a YAML machine file")
    Path saveMachine;

    @Override
    public Integer call() throws Exception {
        if (saveMachine != null) {
            OutputFile.check(saveMachine);
        }
        MachineSpec spec = set.settings().machine(machine.spec(), true);
        long[][] twin = null;
        if (zoneinfo != null) {
            if (machine.dmesg == null) {
                throw new InputError("--zoneinfo goes with --from-dmesg");
            }
            twin = ZoneinfoTwin.managed(EarlyBoot.layout(spec), zoneinfo);
        }
        List<String> names = new ArrayList<>(ProcFiles.NAMES);
        names.addAll(KERNEL_FILES);
        for (String p : print) {
            if (!names.contains(p)) {
                throw new InputError("--print: unknown file '" + p + "' (" + String.join(", ", names) + ")");
            }
        }

        org.mmsim.page.init.BootResidue residue = meminfo == null ? org.mmsim.page.init.BootResidue.NONE
                : org.mmsim.proc.model.BootResidueMeminfo.read(meminfo, spec.arch().pageShift(),
                        EarlyBoot.layout(spec).physpages());
        BootExhaustion.Inputs inputs = new BootExhaustion.Inputs(machine.dmesg == null ? machine.machineName() : null,
                machine.dmesg, meminfo, null, null);
        // The kernel allocators only when files are printed: their pfn-indexed maps cost memory on huge machines.
        MachineBoot boot = MachineBoot.boot(spec, twin, residue, inputs, !print.isEmpty());
        BootedMachine booted = boot.booted();
        KernelBoot kernel = boot.kernel();
        PrintStream out = System.out;
        for (String line : booted.bootLog()) {
            out.println(line);
        }
        out.println();
        out.println("# the cost of struct page");
        for (String line : structPageCost(booted)) {
            out.println(line);
        }
        ProcFiles files = boot.files();
        for (String p : print) {
            out.println();
            out.println(p.endsWith("_index") ? "# /sys/kernel/debug/extfrag/" + p : "# /proc/" + p);
            out.print(switch (p) {
                case "slabinfo" -> SlabInfo.render(kernel.slub());
                case "vmallocinfo" -> VmallocInfo.render(kernel.vmalloc(), VmallocInfo.PointerStyle.PLACEHOLDER);
                default -> files.render(p);
            });
        }
        if (saveMachine != null) {
            OutputFile.write(saveMachine, MachineFile.write(spec));
        }
        return 0;
    }

    /** mem_map's size per node and section, and the HugeTLB vmemmap optimisation's savings (2 MiB and 1 GiB pages). */
    static List<String> structPageCost(BootedMachine booted) {
        var layout = booted.layout();
        var arch = layout.spec().arch();
        org.mmsim.arch.layout.StructPageCost cost = switch (arch) {
            case X86_64 -> org.mmsim.arch.layout.StructPageCost.x86_64();
            case ARM64 -> org.mmsim.arch.layout.StructPageCost.arm64(4);
            case I386_PAE -> org.mmsim.arch.layout.StructPageCost.i386();
        };
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var node : layout.nodes()) {
            var ranges = layout.memory().stream().filter(r -> r.nid() == node.nid()).toList();
            if (ranges.isEmpty()) {
                continue;
            }
            long[] starts = ranges.stream().mapToLong(r -> r.startPfn()).toArray();
            long[] ends = ranges.stream().mapToLong(r -> r.endPfn()).toArray();
            out.add("node " + node.nid() + ":");
            int[] huge = arch == org.mmsim.arch.Arch.I386_PAE ? new int[] {9} : new int[] {9, 18};
            for (String l : cost.report(starts, ends, huge)) {
                out.add("  " + l);
            }
        }
        return out;
    }
}
