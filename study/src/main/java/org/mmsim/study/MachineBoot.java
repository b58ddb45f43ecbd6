package org.mmsim.study;

import java.util.Map;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.kernel.init.KernelBoot;
import org.mmsim.page.init.BootOutOfMemory;
import org.mmsim.page.init.BootResidue;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.MemoryInit;
import org.mmsim.proc.model.ProcFiles;

/**
 * A machine booted as {@code mmsim boot} boots it: the page allocator ({@link MemoryInit}), then, when asked, the
 * kernel allocators mm_init() sets up ({@link KernelBoot}), a boot that runs out of memory explained as the user's
 * mistake it is ({@link BootExhaustion}). The command line and the explorer share it so they show the same files.
 *
 * @param booted the machine right after boot
 * @param kernel the kernel allocators, or null when not booted
 */
public record MachineBoot(BootedMachine booted, KernelBoot kernel) {

    /**
     * Boots {@code spec}; {@code twinManaged} and {@code residue} as {@link MemoryInit#boot(MachineSpec, long[][],
     * BootResidue)} takes them; {@code withKernel} also boots the kernel allocators (their pfn-indexed maps cost
     * memory on huge machines).
     */
    public static MachineBoot boot(MachineSpec spec, long[][] twinManaged, BootResidue residue,
            BootExhaustion.Inputs inputs, boolean withKernel) {
        BootedMachine booted;
        try {
            booted = MemoryInit.boot(spec, twinManaged, residue);
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, null, spec, inputs, -1);
        }
        KernelBoot kernel;
        try {
            kernel = withKernel ? KernelBoot.boot(booted) : null;
        } catch (BootOutOfMemory e) {
            throw BootExhaustion.explain(e, booted.machine(), spec, inputs, -1);
        }
        return new MachineBoot(booted, kernel);
    }

    /** The /proc files of the machine right after boot, with the kernel allocators' counters when booted. */
    public ProcFiles files() {
        return new ProcFiles(booted, kernel == null ? Map.of() : kernel.counters(), 0);
    }
}
