package org.mmsim.study;

import java.nio.file.Path;
import org.mmsim.arch.InputError;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.boot.spec.MachineFile;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.page.Machine;
import org.mmsim.page.Zone;
import org.mmsim.page.init.BootOutOfMemory;

/**
 * Turns a boot that ran out of memory ({@link BootOutOfMemory}) into the user's mistake it is: one line naming the
 * input that took the memory, and what it left for the allocation that failed. The culprit, in order: the used
 * memory of a /proc/meminfo, a run's workload (mmsim starts SLUB at the first kernel allocation), a
 * vm.min_free_kbytes whose min watermarks swallow the free memory (named where it is set: the scenario, else the
 * machine file), a mem= limit, else the machine's reservations or its size.
 */
public final class BootExhaustion {
    /**
     * The inputs a command booted from, null where a command has none of them: the machine file or preset, the boot
     * log, the meminfo, the scenario file and where the scenario sets vm.min_free_kbytes.
     */
    public record Inputs(String machine, Path dmesg, Path meminfo, String scenario, String scenarioMinFreeAt) {
    }

    private BootExhaustion() {
    }

    /**
     * The error for {@code e}; {@code m} is the booted machine, or null when the boot did not finish. During a run
     * the kernel allocators start at the first kernel allocation, after the workload began: {@code freeAtBoot} (-1
     * outside a run) is what the machine had free right after boot, and when that was above the min watermarks it
     * is the scenario's workload that took the memory.
     */
    public static InputError explain(BootOutOfMemory e, Machine m, MachineSpec spec, Inputs in, long freeAtBoot) {
        long free = e.freePages() >= 0 || m == null ? e.freePages() : m.nrFreePages();
        long min = 0;
        for (Zone z : m == null ? java.util.List.<Zone>of() : m.zones()) {
            min += z.minWmarkPages();
        }
        String figures = e.what() + " needs " + e.neededPages() + " page" + (e.neededPages() == 1 ? "" : "s") + "; "
                + free + " pages free";
        if (e.source() == BootOutOfMemory.Source.MEMINFO) {
            return InputError.at(in.meminfo(), 0, "the memory it shows in use (" + e.neededPages() + " pages) does not"
                    + " fit this machine (" + free + " pages free after boot)");
        }
        if (in.scenario() != null && freeAtBoot > min + e.neededPages()) {
            return new InputError(in.scenario() + ": the workload left no memory for the kernel's boot allocations,"
                    + " which mmsim makes at the run's first kernel allocation (" + figures + "; " + freeAtBoot
                    + " were free after boot)");
        }
        String minFreeKey = KernelSysctl.MIN_FREE_KBYTES.key();
        String minFree = spec.sysctl().get(minFreeKey);
        if (minFree != null && min >= free) {
            String where = in.scenarioMinFreeAt() != null ? in.scenarioMinFreeAt()
                    : in.machine() != null ? MachineFile.locate(in.machine(), "sysctl", minFreeKey)
                    : String.valueOf(in.dmesg());
            return new InputError(where + ": " + minFreeKey + "=" + minFree + " leaves no memory for the kernel's"
                    + " boot allocations (" + figures + ", all below the min watermarks, " + min + " pages)");
        }
        if (in.meminfo() != null) {
            return InputError.at(in.meminfo(), 0, "the memory it shows in use leaves no memory for the kernel's boot"
                    + " allocations (" + figures + ")");
        }
        if (in.machine() == null) {
            return new InputError(in.dmesg() + ": the machine it describes leaves no memory for the kernel's boot"
                    + " allocations (" + figures + ")");
        }
        if (spec.cmdline().memLimit() > 0) {
            return new InputError(MachineFile.locate(in.machine(), "cmdline") + ": mem=" + spec.cmdline().memLimit()
                    + " leaves no memory for the kernel's boot allocations (" + figures + ")");
        }
        String reserved = MachineFile.locate(in.machine(), "reserved");
        return new InputError(!reserved.matches(".*:[0-9]+")
                ? reserved + ": the machine is too small: no memory is left for the kernel's boot allocations ("
                        + figures + ")"
                : reserved + ": the machine's reserved memory leaves no memory for the kernel's boot allocations ("
                        + figures + ")");
    }
}
