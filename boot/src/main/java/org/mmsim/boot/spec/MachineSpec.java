package org.mmsim.boot.spec;

import java.util.List;
import java.util.Map;
import org.mmsim.arch.Arch;

/**
 * Everything mmsim needs to boot a machine as Linux 6.1 would: the architecture, the firmware memory map,
 * NUMA affinity, CPU count, kernel command line, sysctl overrides, and what the kernel reserved or freed late.
 * It is read from a YAML machine file ({@link MachineFile}) or from a real kernel's boot log
 * ({@link DmesgImporter}).
 *
 * @param name         a label for reports
 * @param firmware     e820 entries (x86) or device-tree memory ranges (arm64), as the firmware reports them
 * @param numa         SRAT node ranges; empty means one node (the kernel's "Faking a node")
 * @param reservations memblock reservations made before the buddy allocator starts, in the kernel's order
 * @param lateFrees    the "Freeing ... memory" hand-overs after boot proper
 * @param sysctl       overrides: vm.min_free_kbytes, vm.watermark_scale_factor, vm.lowmem_reserve_ratio
 * @param cmaBytes     the CMA area size (arm64's default cma= of Debian's config is 64 MiB)
 * @param thpEnabled   whether transparent hugepages are enabled (always or madvise), which raises min_free_kbytes
 * @param facts        early allocation sizes the boot log states
 */
public record MachineSpec(String name, Arch arch, int cpus, KernelCommandLine cmdline, List<FirmwareRange> firmware,
        List<NumaRange> numa, List<Reservation> reservations, List<LateFree> lateFrees, Map<String, String> sysctl,
        KernelImage image, long cmaBytes, boolean thpEnabled, EarlyFacts facts) {

    public MachineSpec {
        firmware = List.copyOf(firmware);
        numa = List.copyOf(numa);
        reservations = List.copyOf(reservations);
        lateFrees = List.copyOf(lateFrees);
        sysctl = Map.copyOf(sysctl);
    }

    /** This machine with other boot-time sysctls (a scenario's or --set's over the machine file's). */
    public MachineSpec withSysctl(Map<String, String> newSysctl) {
        return new MachineSpec(name, arch, cpus, cmdline, firmware, numa, reservations, lateFrees, newSysctl, image,
                cmaBytes, thpEnabled, facts);
    }
}
