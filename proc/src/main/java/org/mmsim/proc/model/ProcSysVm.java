package org.mmsim.proc.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsim.arch.ZoneType;
import org.mmsim.boot.spec.KernelSysctl;
import org.mmsim.boot.spec.MachineSpec;
import org.mmsim.page.init.BootedMachine;
import org.mmsim.page.init.ZoneTunables;

/**
 * The /proc/sys/vm view of the settings table: one file per {@link KernelSysctl}, holding the value in force as the
 * kernel prints it (proc_dointvec and proc_dointvec_minmax in kernel/sysctl.c: the ints of the entry separated by a
 * tab, then a newline), and /proc/cmdline (fs/proc/cmdline.c cmdline_proc_show: the saved command line and a
 * newline). The value in force is the run's setting, else the machine's, else the kernel's default; min_free_kbytes
 * is what boot computed (init_per_zone_wmark_min, raised by khugepaged's set_recommended_min_free_kbytes).
 */
public final class ProcSysVm {
    private ProcSysVm() {
    }

    /**
     * The files under a /proc snapshot: {@code sys/vm/NAME} for each sysctl of the table the architecture's build
     * has ({@link KernelSysctl#configuredOn}), then {@code cmdline}.
     * {@code sysctl} holds the run's checked settings (a scenario's and --set's), over the booted machine's own.
     */
    public static Map<String, String> files(BootedMachine booted, Map<String, String> sysctl) {
        Map<String, String> out = new LinkedHashMap<>();
        values(booted, sysctl).forEach((s, v) -> out.put("sys/vm/" + s.key().substring("vm.".length()),
                String.join("\t", v) + "\n"));
        out.put("cmdline", booted.layout().spec().cmdline().text() + "\n");
        return out;
    }

    /** {@code vm.NAME = VALUE} lines, sorted by name as {@code sysctl -a} prints them. */
    public static List<String> sysctlLines(BootedMachine booted, Map<String, String> sysctl) {
        List<String> out = new ArrayList<>();
        values(booted, sysctl).forEach((s, v) -> out.add(s.key() + " = " + String.join("\t", v)));
        out.sort(null);
        return out;
    }

    /** Each sysctl's value in force, as the ints the kernel file holds. */
    private static Map<KernelSysctl, List<String>> values(BootedMachine booted, Map<String, String> sysctl) {
        MachineSpec spec = booted.layout().spec();
        ZoneTunables tunables = ZoneTunables.of(spec.arch(), spec.sysctl(), spec.name());
        Map<KernelSysctl, List<String>> out = new LinkedHashMap<>();
        for (KernelSysctl s : KernelSysctl.values()) {
            if (!s.configuredOn(spec.arch())) {
                continue;
            }
            out.put(s, switch (s) {
                case MIN_FREE_KBYTES -> List.of(Long.toString(booted.setup().minFreeKbytes()));
                case WATERMARK_SCALE_FACTOR -> List.of(Integer.toString(tunables.watermarkScaleFactor()));
                case PERCPU_PAGELIST_HIGH_FRACTION -> List.of(Integer.toString(tunables.percpuPagelistHighFraction()));
                case LOWMEM_RESERVE_RATIO -> ratios(spec, tunables);
                default -> List.of(sysctl.containsKey(s.key()) ? sysctl.get(s.key())
                        : Integer.toString(s.kernelDefault()));
            });
        }
        return out;
    }

    /** One ratio per zone the architecture configures (MAX_NR_ZONES), in zone order. */
    private static List<String> ratios(MachineSpec spec, ZoneTunables tunables) {
        List<String> out = new ArrayList<>();
        for (ZoneType z : spec.arch().zoneTypes()) {
            out.add(Integer.toString(tunables.lowmemReserveRatio()[z.ordinal()]));
        }
        return out;
    }
}
